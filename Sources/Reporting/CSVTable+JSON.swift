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
        let keys = header.map { Array((JSONText.string($0) + ":").utf8) }
        var chunks = ChunkWriter(sink: sink, file: file, encoding: .utf8, chunkSize: chunkSize)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chunks.bufferCapacity)
        bytes.append(UInt8(ascii: "["))
        var isEmpty = true
        try Self.rethrowingReportErrors(file: file) {
            try forEachRow { (row) throws(ReportError) in
                if !isEmpty { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\n"))
                isEmpty = false
                bytes.append(UInt8(ascii: "{"))
                for (column, cell) in row.enumerated() {
                    if column > 0 { bytes.append(UInt8(ascii: ",")) }
                    if column < keys.count {
                        bytes += keys[column]
                    } else {
                        bytes += (JSONText.string("column_\(column + 1)") + ":").utf8
                    }
                    switch cell {
                    case .text(let value): bytes += JSONText.string(value).utf8
                    case .integer(let value): CSVText.appendInteger(value, to: &bytes)
                    case .decimal(let value):
                        if value.isFinite { CSVText.appendDecimal(value, to: &bytes) } else { bytes += "null".utf8 }
                    }
                }
                bytes.append(UInt8(ascii: "}"))
                try chunks.flushIfFull(&bytes)
            }
        }
        bytes += (isEmpty ? "]\n" : "\n]\n").utf8
        try chunks.flush(&bytes)
    }
}
