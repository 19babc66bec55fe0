import Foundation

extension CSVTable {
    /// The table as JSON for programs (`--format json`): an array with one object per row, keyed by
    /// the English column names whatever the CSV header language; integers and decimals as JSON
    /// numbers (decimals with the CSV's six places, so both files say the same), text unguarded.
    /// One row per line, so diffs and `grep` stay useful.
    public func json() -> Data {
        let sink = ReportSink(displayPath: "")
        do {
            try json(file: "", to: sink)
        } catch {
            preconditionFailure("UTF-8 in memory cannot fail: \(error)")
        }
        return sink.data()
    }

    /// Writes the table as JSON (see `json()`) into `sink`, row by row, in chunks of about
    /// `chunkSize` bytes; `file` names the report in errors.
    public func json(file: String, to sink: ReportSink, chunkSize: Int = CSVTable.chunkSize) throws(ReportError) {
        let keys = header.map(JSONText.string)
        var writer = ChunkWriter(sink: sink, file: file, encoding: .utf8, chunkSize: chunkSize)
        writer.text = "["
        var isEmpty = true
        try Self.rethrowingReportErrors(file: file) {
            try forEachRow { (row) throws(ReportError) in
                writer.text += isEmpty ? "\n" : ",\n"
                isEmpty = false
                writer.text += "{"
                for (column, cell) in row.enumerated() {
                    if column > 0 { writer.text += "," }
                    writer.text += (column < keys.count ? keys[column] : JSONText.string("column_\(column + 1)")) + ":"
                    switch cell {
                    case .text(let value): writer.text += JSONText.string(value)
                    case .integer(let value): writer.text += String(value)
                    case .decimal(let value): writer.text += value.isFinite ? Self.format(value) : "null"
                    }
                }
                writer.text += "}"
                try writer.flushIfFull()
            }
        }
        writer.text += isEmpty ? "]\n" : "\n]\n"
        try writer.flush()
    }
}
