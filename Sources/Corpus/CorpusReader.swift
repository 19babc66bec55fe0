import Foundation

/// Reads an input into documents: a text or Markdown file is one document; every row of a CSV
/// or TSV table is one, with its text from the named column and its other columns as variables,
/// as in KH Coder's spreadsheet import. Variables from a metadata table are added to every
/// document of the file it lists (a row's own columns win over the metadata's of the same name).
public struct CorpusReader: Sendable {
    public var decoder: TextDecoder
    /// The column of a table that holds the text.
    public var textColumn: String?
    public var metadata: DocumentMetadata?

    public init(decoder: TextDecoder = TextDecoder(), textColumn: String? = nil, metadata: DocumentMetadata? = nil) {
        self.decoder = decoder
        self.textColumn = textColumn
        self.metadata = metadata
    }

    /// An input as read: what identifies the file, and its documents.
    public struct InputFile: Sendable {
        public var path: String
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
        let data = try source.read()
        let path = source.displayPath
        let decoded = try decoder.decode(data, path: path)
        let format = source.displayPath == "-" ? TextFormat.plain : TextFormat(path: path)
        let extra = metadata?.variables(for: source) ?? []
        var file = InputFile(
            path: path, byteCount: data.count, sha256: ContentHash.sha256(data), encoding: decoded.encoding,
            format: format, documents: [])
        guard let delimiter = format.delimiter else {
            file.documents = [
                SourceDocument(
                    path: path, format: format, encoding: decoded.encoding, byteCount: file.byteCount,
                    sha256: file.sha256, text: decoded.text, variables: extra)
            ]
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
        for (number, record) in table.records.enumerated() {
            var variables = table.header.indices.filter { $0 != textIndex }.map { index in
                DocumentVariable(name: table.header[index], value: record.fields[index])
            }
            let own = Set(variables.map(\.name))
            variables += extra.filter { !own.contains($0.name) }
            let text = record.fields[textIndex]
            let bytes = Data(text.utf8)
            file.documents.append(
                SourceDocument(
                    path: path, record: number + 1, format: .plain, encoding: decoded.encoding,
                    byteCount: bytes.count, sha256: ContentHash.sha256(bytes), text: text, variables: variables))
        }
        return file
    }
}
