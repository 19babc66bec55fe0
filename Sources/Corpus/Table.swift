/// A delimited table with a header row, every record as wide as the header.
struct Table {
    var header: [String]
    var records: [TableParser.Record]

    init(text: String, path: String, delimiter: Unicode.Scalar) throws(CorpusError) {
        let parsed: [TableParser.Record]
        do {
            parsed = try TableParser(delimiter: delimiter).records(in: text)
        } catch {
            throw .invalidTable(path: path, reason: error.description)
        }
        guard let first = parsed.first else { throw .invalidTable(path: path, reason: "the table is empty") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw .invalidTable(path: path, reason: "line \(first.line): the column '\(name)' appears twice")
        }
        records = Array(parsed.dropFirst())
        for record in records where record.fields.count != header.count {
            throw .invalidTable(
                path: path,
                reason: "line \(record.line): \(record.fields.count) fields where the header has \(header.count)")
        }
    }
}

import Foundation
