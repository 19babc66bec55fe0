import Foundation

/// Document variables from a metadata table (a "sidecar" CSV or TSV): its first column names
/// files, its other columns are variables given to every document read from that file.
///
/// A file is looked up by its display path (`corpus/2024/a.txt`), then by its path below the
/// directory it was found in (`2024/a.txt`), then by its file name (`a.txt`).
public struct DocumentMetadata: Sendable {
    /// The variable names, in column order.
    public let names: [String]
    /// The table's path, for messages.
    public let path: String
    private let rows: [String: [DocumentVariable]]
    /// The keys of the first column, in table order.
    public let keys: [String]

    /// Reads the metadata table at `path` (CSV, or TSV by its extension), decoded like any input.
    public init(path: String, decoder: TextDecoder) throws(CorpusError) {
        let source = InputSource(displayPath: path, origin: .file(URL(fileURLWithPath: path)))
        let data = try source.read()
        let text = try decoder.decode(data, path: path).text
        try self.init(text: text, path: path, delimiter: TextFormat(path: path) == .tsv ? "\t" : ",")
    }

    /// Parses metadata from `text`.
    public init(text: String, path: String, delimiter: Unicode.Scalar = ",") throws(CorpusError) {
        let table = try Table(text: text, path: path, delimiter: delimiter)
        guard table.header.count >= 2 else {
            throw .invalidTable(path: path, reason: "a metadata table needs a file-name column and at least one variable")
        }
        self.path = path
        names = Array(table.header.dropFirst())
        var rows: [String: [DocumentVariable]] = [:]
        var keys: [String] = []
        for record in table.records {
            let key = record.fields[0]
            guard rows[key] == nil else {
                throw .invalidTable(path: path, reason: "line \(record.line): '\(key)' is listed twice")
            }
            keys.append(key)
            rows[key] = zip(names, record.fields.dropFirst()).map { DocumentVariable(name: $0, value: $1) }
        }
        self.rows = rows
        self.keys = keys
    }

    /// The variables for `source`, or `nil` if the table does not list it.
    public func variables(for source: InputSource) -> [DocumentVariable]? {
        key(for: source).flatMap { rows[$0] }
    }

    /// The key under which the table lists `source`.
    public func key(for source: InputSource) -> String? {
        let name = (source.displayPath as NSString).lastPathComponent
        return [source.reportPath, source.displayPath, source.relativePath, name].first { rows[$0] != nil }
    }
}
