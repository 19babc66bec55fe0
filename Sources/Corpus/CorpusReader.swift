import Foundation

/// Reads an input into documents: a text or Markdown file is one document; every row of a CSV
/// or TSV table is one, with its text from the named column and its other columns as variables,
/// as in KH Coder's spreadsheet import.
public struct CorpusReader: Sendable {
    public var decoder: TextDecoder
    /// The column of a table that holds the text.
    public var textColumn: String?
    /// Standard input holds one document a line, a JSON object or `id<TAB>text` (`LinesInput`: the
    /// filter mode for Spark's `RDD.pipe` and Hadoop Streaming); the id is the document's path in
    /// the reports.
    public var linesInput: Bool

    public init(
        decoder: TextDecoder = TextDecoder(), textColumn: String? = nil, linesInput: Bool = false
    ) {
        self.decoder = decoder
        self.textColumn = textColumn
        self.linesInput = linesInput
    }

    /// The format `source` is read in.
    public func format(of source: InputSource) -> TextFormat {
        source.displayPath == "-" ? (linesInput ? .lines : .plain) : TextFormat(path: source.displayPath)
    }

    /// An input as read: what identifies the file, and its documents.
    public struct InputFile: Sendable {
        /// The path as given (`InputSource.displayPath`), for messages.
        public var path: String
        /// The path in the reports (`InputSource.reportPath`).
        public var reportPath: String
        public var byteCount: Int
        public var sha256: String
        public var encoding: TextEncoding
        public var format: TextFormat
        /// The documents as read; empty for a table whose rows are made into documents later
        /// (`rows`).
        public var documents: [SourceDocument]
        /// A table's rows, when they are made into documents by the range (`documents(_:)`).
        public var rows: TableRows? = nil

        /// How many documents the input has.
        public var documentCount: Int { rows?.count ?? documents.count }

        /// The UTF-8 bytes of each document's text, in order (`SourceDocument.byteCount`).
        public var documentByteCounts: [Int] { rows?.textByteCounts ?? documents.map(\.byteCount) }

        /// The documents `range` (0-based), made from the table's rows if they are not yet.
        public func documents(_ range: Range<Int>) -> ArraySlice<SourceDocument> {
            guard let rows else { return documents[range] }
            return ArraySlice(rows.documents(range))
        }
    }

    /// Reads and decodes `source`.
    /// - Throws: `CorpusError` naming the file: missing, unreadable, not decodable (with the byte
    ///   offset), binary, or a table that cannot be read (with the line).
    public func read(_ source: InputSource) throws(CorpusError) -> InputFile {
        try read(source, data: try source.read())
    }

    /// Decodes `data`, read from `source`, into documents; `sha256` is the digest of `data` when
    /// the caller has it already (hashing a large input again is not free). `deferringRows`
    /// leaves a table's rows to be made into documents by the range (`InputFile.rows`), by the
    /// workers that analyze them; the table is checked whole all the same, and its errors thrown
    /// here.
    public func read(_ source: InputSource, data: Data, sha256: String? = nil, deferringRows: Bool = false)
        throws(CorpusError) -> InputFile
    {
        let path = source.displayPath
        let format = format(of: source)
        func inputFile(_ encoding: TextEncoding) -> InputFile {
            InputFile(
                path: path, reportPath: source.reportPath, byteCount: data.count,
                sha256: sha256 ?? ContentHash.sha256(data), encoding: encoding, format: format, documents: [])
        }
        if let delimiter = format.delimiter {
            // A table is read as bytes: its rows are found in them, and a row's fields become
            // strings when its documents are made.
            let decoded = try decoder.decodeBytes(data, path: path)
            var file = inputFile(decoded.encoding)
            let rows = try TableRows(
                utf8: decoded.utf8, path: path, reportPath: source.reportPath, encoding: decoded.encoding,
                delimiter: delimiter, textColumn: textColumn)
            if deferringRows {
                file.rows = rows
            } else {
                file.documents = rows.documents(0..<rows.count)
            }
            return file
        }
        let decoded = try decoder.decode(data, path: path)
        var file = inputFile(decoded.encoding)
        if format == .lines {
            file.documents = try LinesInput.documents(decoded.text, encoding: decoded.encoding)
            return file
        }
        file.documents = [
            SourceDocument(
                path: path, reportPath: source.reportPath, format: format, encoding: decoded.encoding,
                byteCount: file.byteCount, sha256: file.sha256, text: decoded.text)
        ]
        return file
    }
}
