import Corpus
import Foundation

/// A table to be written as CSV (or JSON): a header and rows of cells.
///
/// The rows are either held (`rows`) or produced as the table is written, row by row
/// (`init(header:streamingRows:)`) or item by item (`init(header:itemCount:rowsOf:)`): a large
/// table then keeps only what it needs to make its rows (sorted ids and counts, say), never all
/// of them as cells, and is written in chunks. Items write their cells straight into the file's
/// bytes, with no array of cells per row.
public struct CSVTable: Sendable {
    /// One cell. Numbers are written without grouping and, for fractions, with six decimals in the
    /// C locale, so the same counts always give the same bytes.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case decimal(Double)
        /// A list of texts: in CSV one cell of them joined by `" | "` (`listSeparator`), in JSON
        /// an array of strings (a theme's forms).
        case list([String])

        /// What separates a list's items in a CSV cell.
        public static let listSeparator = " | "
    }

    /// Produces a table's rows in order, handing each to `emit`.
    public typealias RowSource = @Sendable (_ emit: ([Cell]) throws -> Void) throws -> Void

    /// Writes the rows of item `index` (a pair, a document: zero or more rows) into `rows`.
    public typealias ItemRowSource = @Sendable (_ index: Int, _ rows: inout RowWriter) -> Void

    private enum Source: Sendable {
        case held([[Cell]])
        case streamed(RowSource)
        case items(count: Int, rowsOf: ItemRowSource)
    }

    public var header: [String]
    private var source: Source

    /// The rows. Reading them makes a streamed table produce them all: meant for small tables
    /// and tests; writers go row by row (`forEachRow`).
    public var rows: [[Cell]] {
        get {
            switch source {
            case .held(let rows):
                return rows
            case .streamed, .items:
                var rows: [[Cell]] = []
                forEachRowNeverThrowing { rows.append($0) }
                return rows
            }
        }
        set { source = .held(newValue) }
    }

    public init(header: [String], rows: [[Cell]] = []) {
        self.header = header
        self.source = .held(rows)
    }

    /// A table whose rows `source` produces each time the table is written. `source` is called
    /// once per file the table is written to (CSV, JSON), so it should keep what it needs to
    /// make rows compact and ready.
    public init(header: [String], streamingRows source: @escaping RowSource) {
        self.header = header
        self.source = .streamed(source)
    }

    /// A table of `count` items whose rows `rowsOf` writes, item by item, in order, each time the
    /// table is written. As with `init(header:streamingRows:)`, it should keep what it needs to
    /// make the rows compact and ready. Each item's rows depend on that item alone (a running
    /// rank is found beforehand), so any item's rows can be written without the others'.
    ///
    ///     CSVTable(header: ["term", "count"], itemCount: terms.count) { index, rows in
    ///         rows.append(.text(terms[index].text))
    ///         rows.append(.integer(counts[index]))
    ///         rows.endRow()
    ///     }
    public init(header: [String], itemCount count: Int, rowsOf: @escaping ItemRowSource) {
        self.header = header
        self.source = .items(count: count, rowsOf: rowsOf)
    }

    /// Calls `body` with each row, in order.
    public func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        switch source {
        case .held(let rows): for row in rows { try body(row) }
        case .streamed(let produce): try produce(body)
        case .items(let count, let rowsOf):
            var writer = RowWriter()
            for index in 0..<count {
                rowsOf(index, &writer)
                for row in writer.takeRows() { try body(row) }
            }
        }
    }

    /// The first `count` rows (a streamed table stops producing after them).
    public func firstRows(_ count: Int) -> [[Cell]] {
        struct Enough: Error {}
        var rows: [[Cell]] = []
        guard count > 0 else { return rows }
        do {
            try forEachRow { row in
                rows.append(row)
                if rows.count == count { throw Enough() }
            }
        } catch {}
        return rows
    }

    /// Rows produced by `forEachRow` from a body that does not throw: only `emit`'s errors could
    /// come out, and there are none.
    private func forEachRowNeverThrowing(_ body: ([Cell]) -> Void) {
        do { try forEachRow(body) } catch { preconditionFailure("a row source threw on its own: \(error)") }
    }

    /// The table as Excel-friendly CSV (see `CSVFormat.excel`).
    public func excelCSV() -> Data {
        let sink = ReportSink(displayPath: "")
        do {
            try render(.excel, file: "", to: sink)
        } catch {
            preconditionFailure("UTF-8 in memory cannot fail: \(error)")
        }
        return sink.data()
    }

    /// The table in `format`, as bytes; `file` names the report in errors.
    /// - Throws: `ReportError.unencodable` when a CP932 file meets a character CP932 cannot hold.
    public func render(_ format: CSVFormat, file: String, toStandardOutput: Bool = false) throws(ReportError) -> Data {
        let sink = ReportSink(displayPath: file)
        try render(format, file: file, to: sink, toStandardOutput: toStandardOutput)
        return sink.data()
    }

    /// Writes the table in `format` into `sink`, row by row, in chunks of about `chunkSize`
    /// bytes of text that always end with a row; `file` names the report in errors. A table of
    /// items is written in pieces made in parallel when the sink has `SpareWorkers`.
    /// - Returns: the rows written, the header included.
    /// - Throws: `ReportError.unencodable` when a CP932 file meets a character CP932 cannot hold
    ///   (with its line and column in the whole file), or the sink's error.
    @discardableResult
    public func render(
        _ format: CSVFormat, file: String, to sink: ReportSink, toStandardOutput: Bool = false,
        chunkSize: Int = CSVTable.chunkSize
    ) throws(ReportError) -> Int {
        var chunks = ChunkWriter(sink: sink, file: file, encoding: format.encoding, chunkSize: chunkSize)
        var rows = RowWriter(csv: format, capacity: chunks.bufferCapacity)
        if format.byteOrderMark(toStandardOutput: toStandardOutput) { rows.bytes += Self.byteOrderMark }
        let names = format.headerLanguage == .ja ? header.map(ColumnCatalog.japanese) : header
        rows.append(contentsOf: names.map(Cell.text))
        rows.endRow()
        let written = try writeRows(into: &rows, chunks: &chunks, file: file)
        try chunks.flush(&rows.bytes)
        return written + 1
    }

    /// Writes every row into `rows` (which may hold text before them) and hands the text over
    /// to `chunks` whenever a chunk is full; what is left is in `rows`.
    /// - Returns: how many rows were written.
    @discardableResult
    func writeRows(into rows: inout RowWriter, chunks: inout ChunkWriter, file: String) throws(ReportError) -> Int {
        let rowsBefore = rows.rowCount
        switch source {
        case .items(let count, let rowsOf):
            if let spareWorkers = chunks.sink.spareWorkers, count > 1 {
                return try RowPieces.write(count, rowsOf, after: &rows, chunks: &chunks, spareWorkers: spareWorkers)
            }
            for index in 0..<count {
                rowsOf(index, &rows)
                try chunks.flushIfFull(&rows.bytes)
            }
        case .held, .streamed:
            try Self.rethrowingReportErrors(file: file) {
                try forEachRow { (row) throws(ReportError) in
                    rows.append(contentsOf: row)
                    rows.endRow()
                    try chunks.flushIfFull(&rows.bytes)
                }
            }
        }
        return rows.rowCount - rowsBefore
    }

    /// U+FEFF in UTF-8.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Text gathered before it is encoded and handed to the sink.
    public static let chunkSize = 256 * 1024

    /// Runs `body`, whose only errors are the sink's and the encoder's `ReportError`s.
    static func rethrowingReportErrors(file: String, _ body: () throws -> Void) throws(ReportError) {
        do {
            try body()
        } catch let error as ReportError {
            throw error
        } catch {
            throw .writeFailed(path: file, reason: "\(error)")
        }
    }

    /// Six decimals, C locale; non-finite values (which no measure here should produce) stay empty.
    /// See `CSVText.appendDecimal`.
    static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        CSVText.appendDecimal(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
