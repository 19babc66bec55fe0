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
        var chunks = ChunkWriter(sink: sink, file: file, encoding: .utf8, chunkSize: chunkSize)
        var rows = RowWriter(jsonKeys: header, capacity: chunks.bufferCapacity)
        rows.bytes.append(UInt8(ascii: "["))
        let written = try writeRows(into: &rows, chunks: &chunks, file: file)
        rows.bytes += (written == 0 ? "]\n" : "\n]\n").utf8
        try chunks.flush(&rows.bytes)
    }
}
