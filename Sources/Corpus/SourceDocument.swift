/// A document of the corpus as read: a whole text file, or one row of a table.
///
/// Its fields live in one shared box (`Storage`), copied only when a copy is changed: a document
/// passes through several stages and the compiler copies it at some of their calls, and a copy
/// that retained and released its five strings and arrays one by one cost about 170 instructions
/// (a survey's row was copied four to five times, docs/PERFORMANCE.md), where a copy of the box
/// is one retain.
public struct SourceDocument: Sendable {
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let path: String
        @usableFromInline let reportPath: String
        @usableFromInline let record: Int?
        @usableFromInline let format: TextFormat
        @usableFromInline let encoding: TextEncoding
        @usableFromInline let byteCount: Int
        @usableFromInline let sha256: String
        @usableFromInline let text: String
        @usableFromInline let variables: [DocumentVariable]

        init(
            path: String, reportPath: String, record: Int?, format: TextFormat, encoding: TextEncoding,
            byteCount: Int, sha256: String, text: String, variables: [DocumentVariable]
        ) {
            self.path = path
            self.reportPath = reportPath
            self.record = record
            self.format = format
            self.encoding = encoding
            self.byteCount = byteCount
            self.sha256 = sha256
            self.text = text
            self.variables = variables
        }

        /// A box like this one with `change` made to its fields.
        fileprivate func with(_ change: (inout Fields) -> Void) -> Storage {
            var fields = Fields(
                path: path, reportPath: reportPath, record: record, format: format, encoding: encoding,
                byteCount: byteCount, sha256: sha256, text: text, variables: variables)
            change(&fields)
            return Storage(
                path: fields.path, reportPath: fields.reportPath, record: fields.record, format: fields.format,
                encoding: fields.encoding, byteCount: fields.byteCount, sha256: fields.sha256, text: fields.text,
                variables: fields.variables)
        }
    }

    /// The fields, as a value to change one of (`Storage.with(_:)`).
    fileprivate struct Fields {
        var path: String
        var reportPath: String
        var record: Int?
        var format: TextFormat
        var encoding: TextEncoding
        var byteCount: Int
        var sha256: String
        var text: String
        var variables: [DocumentVariable]
    }

    /// The shared fields. The getters below are inlinable, so that a stage that only reads a
    /// field borrows it where it can rather than retain it.
    @usableFromInline var storage: Storage

    /// The input's display path (see `InputSource.displayPath`), for messages.
    public var path: String {
        @inlinable get { storage.path }
        set { storage = storage.with { $0.path = newValue } }
    }
    /// The path the reports give the document (`InputSource.reportPath`; for a line of
    /// `--lines`, its id).
    public var reportPath: String {
        @inlinable get { storage.reportPath }
        set { storage = storage.with { $0.reportPath = newValue } }
    }
    /// For a row of a table: its number among the data rows, from 1.
    public var record: Int? {
        @inlinable get { storage.record }
        set { storage = storage.with { $0.record = newValue } }
    }
    /// How the text is laid out (a table row's text is plain).
    public var format: TextFormat {
        @inlinable get { storage.format }
        set { storage = storage.with { $0.format = newValue } }
    }
    /// The encoding the file was read in.
    public var encoding: TextEncoding {
        @inlinable get { storage.encoding }
        set { storage = storage.with { $0.encoding = newValue } }
    }
    /// Size of the document's source in bytes: the file as stored, or a row's text in UTF-8.
    public var byteCount: Int {
        @inlinable get { storage.byteCount }
        set { storage = storage.with { $0.byteCount = newValue } }
    }
    /// SHA-256 of those bytes, lowercase hex.
    public var sha256: String {
        @inlinable get { storage.sha256 }
        set { storage = storage.with { $0.sha256 = newValue } }
    }
    /// The decoded text (without byte-order mark).
    public var text: String {
        @inlinable get { storage.text }
        set { storage = storage.with { $0.text = newValue } }
    }
    /// The document's variables: the other columns of its row, then those of the metadata file.
    public var variables: [DocumentVariable] {
        @inlinable get { storage.variables }
        set { storage = storage.with { $0.variables = newValue } }
    }

    /// A document whose report path is `reportPath`, or `path` when not given.
    public init(
        path: String, reportPath: String? = nil, record: Int? = nil, format: TextFormat, encoding: TextEncoding,
        byteCount: Int, sha256: String, text: String, variables: [DocumentVariable] = []
    ) {
        storage = Storage(
            path: path, reportPath: reportPath ?? path, record: record, format: format, encoding: encoding,
            byteCount: byteCount, sha256: sha256, text: text, variables: variables)
    }
}
