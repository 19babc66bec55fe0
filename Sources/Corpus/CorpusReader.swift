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
        public var documents: [SourceDocument]
    }

    /// Reads and decodes `source`.
    /// - Throws: `CorpusError` naming the file: missing, unreadable, not decodable (with the byte
    ///   offset), binary, or a table that cannot be read (with the line).
    public func read(_ source: InputSource) throws(CorpusError) -> InputFile {
        try read(source, data: try source.read())
    }

    /// Decodes `data`, read from `source`, into documents; `sha256` is the digest of `data` when
    /// the caller has it already (hashing a large input again is not free).
    public func read(_ source: InputSource, data: Data, sha256: String? = nil) throws(CorpusError) -> InputFile {
        let path = source.displayPath
        let decoded = try decoder.decode(data, path: path)
        let format = format(of: source)
        var file = InputFile(
            path: path, reportPath: source.reportPath, byteCount: data.count, sha256: sha256 ?? ContentHash.sha256(data), encoding: decoded.encoding,
            format: format, documents: [])
        if format == .lines {
            file.documents = try LinesInput.documents(decoded.text, encoding: decoded.encoding)
            return file
        }
        guard let delimiter = format.delimiter else {
            var document = SourceDocument(
                path: path, format: format, encoding: decoded.encoding, byteCount: file.byteCount, sha256: file.sha256,
                text: decoded.text)
            document.reportPath = source.reportPath
            file.documents = [document]
            return file
        }
        let table = try Table(text: decoded.text, path: path, delimiter: delimiter)
        guard let textColumn else {
            throw .invalidTable(
                path: path,
                reason: "a table needs --text-column to name the column with the text (columns: "
                    + table.header.joined(separator: ", ") + ")")
        }
        guard let textIndex = table.header.firstIndex(of: textColumn) else {
            throw .invalidTable(
                path: path,
                reason: "no column '\(textColumn)' (columns: \(table.header.joined(separator: ", ")))")
        }
        let variableColumns = table.header.indices.filter { $0 != textIndex }
        file.documents.reserveCapacity(table.records.count)
        for (number, record) in table.records.enumerated() {
            let variables = variableColumns.map { index in
                DocumentVariable(name: table.header[index], value: record.fields[index])
            }
            let text = record.fields[textIndex]
            let bytes = Array(text.utf8)
            var document = SourceDocument(
                path: path, record: number + 1, format: .plain, encoding: decoded.encoding, byteCount: bytes.count,
                sha256: ContentHash.sha256(bytes), text: text, variables: variables)
            document.reportPath = source.reportPath
            file.documents.append(document)
        }
        return file
    }
}
