/// A document of the corpus as read: a whole text file, or one row of a table.
public struct SourceDocument: Sendable {
    /// The input's display path (see `InputSource.displayPath`), for messages.
    public var path: String
    /// The path the reports give the document (`InputSource.reportPath`; for a line of
    /// `--lines`, its id).
    public var reportPath: String
    /// For a row of a table: its number among the data rows, from 1.
    public var record: Int?
    /// How the text is laid out (a table row's text is plain).
    public var format: TextFormat
    /// The encoding the file was read in.
    public var encoding: TextEncoding
    /// Size of the document's source in bytes: the file as stored, or a row's text in UTF-8.
    public var byteCount: Int
    /// SHA-256 of those bytes, lowercase hex.
    public var sha256: String
    /// The decoded text (without byte-order mark).
    public var text: String
    /// The document's variables: the other columns of its row, then those of the metadata file.
    public var variables: [DocumentVariable]

    public init(
        path: String, record: Int? = nil, format: TextFormat, encoding: TextEncoding, byteCount: Int,
        sha256: String, text: String, variables: [DocumentVariable] = []
    ) {
        self.path = path
        self.reportPath = path
        self.record = record
        self.format = format
        self.encoding = encoding
        self.byteCount = byteCount
        self.sha256 = sha256
        self.text = text
        self.variables = variables
    }
}
