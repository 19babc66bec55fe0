import Corpus
import Foundation

/// A table to be written as CSV (or JSON): a header and rows of cells.
///
/// The rows are either held (`rows`) or produced one by one as the table is written
/// (`init(header:streamingRows:)`): a large table then keeps only what it needs to make its rows
/// (sorted ids and counts, say), never all of them as cells, and is written in chunks.
public struct CSVTable: Sendable {
    /// One cell. Numbers are written without grouping and, for fractions, with six decimals in the
    /// C locale, so the same counts always give the same bytes.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case decimal(Double)
    }

    /// Produces a table's rows in order, handing each to `emit`.
    public typealias RowSource = @Sendable (_ emit: ([Cell]) throws -> Void) throws -> Void

    private enum Source: Sendable {
        case held([[Cell]])
        case streamed(RowSource)
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
            case .streamed:
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

    /// Calls `body` with each row, in order.
    public func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        switch source {
        case .held(let rows): for row in rows { try body(row) }
        case .streamed(let produce): try produce(body)
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
    /// bytes of text that always end with a row; `file` names the report in errors.
    /// - Throws: `ReportError.unencodable` when a CP932 file meets a character CP932 cannot hold
    ///   (with its line and column in the whole file), or the sink's error.
    public func render(
        _ format: CSVFormat, file: String, to sink: ReportSink, toStandardOutput: Bool = false,
        chunkSize: Int = CSVTable.chunkSize
    ) throws(ReportError) {
        var writer = ChunkWriter(sink: sink, file: file, encoding: format.encoding, chunkSize: chunkSize)
        if format.byteOrderMark(toStandardOutput: toStandardOutput) { writer.text = "\u{FEFF}" }
        let names = format.headerLanguage == .ja ? header.map(ColumnCatalog.japanese) : header
        Self.append(names.map(Cell.text), to: &writer.text, format: format)
        try writer.flushIfFull()
        try Self.rethrowingReportErrors(file: file) {
            try forEachRow { (row) throws(ReportError) in
                Self.append(row, to: &writer.text, format: format)
                try writer.flushIfFull()
            }
        }
        try writer.flush()
    }

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

    private static func append(_ row: [Cell], to text: inout String, format: CSVFormat) {
        for (index, cell) in row.enumerated() {
            if index > 0 { text += "," }
            switch cell {
            case .text(let value): text += quoted(format.guarded(value))
            case .integer(let value): text += String(value)
            case .decimal(let value): text += Self.format(value)
            }
        }
        text += format.lineEnd
    }

    /// `value` quoted per RFC 4180 if it needs to be.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Six decimals, C locale; non-finite values (which no measure here should produce) stay empty.
    /// Values that fit in 53 bits after scaling are rounded half away from zero by integer
    /// arithmetic, as printf does for these; others go through printf itself.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let raw = abs(value) * 1_000_000
        let scaled = raw.rounded(.toNearestOrAwayFromZero)
        // Near a tie, or too large for exact integers, printf decides (it rounds the exact value).
        guard scaled < 9_007_199_254_740_992, abs(raw - raw.rounded(.down) - 0.5) > 1e-6 else {
            return String(format: "%.6f", value)
        }
        let micros = Int64(scaled)
        let fraction = String(micros % 1_000_000)
        let sign = value < 0 && micros != 0 ? "-" : ""
        return sign + String(micros / 1_000_000) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

/// Text of a report gathered in chunks and handed to a sink encoded: as UTF-8, or as CP932, where
/// an unencodable character is reported with its line and column in the whole file, not the chunk.
struct ChunkWriter {
    let sink: ReportSink
    let file: String
    let encoding: CSVFormat.Encoding
    let chunkSize: Int
    /// The text not yet handed to the sink.
    var text = ""
    /// Line ends (`\n`) in the text already written.
    private var linesWritten = 0
    /// The text already written after its last `\n`: the start of the current line.
    private var lineStart = ""

    init(sink: ReportSink, file: String, encoding: CSVFormat.Encoding, chunkSize: Int) {
        self.sink = sink
        self.file = file
        self.encoding = encoding
        self.chunkSize = chunkSize
        text.reserveCapacity(min(chunkSize, CSVTable.chunkSize) + 1024)
    }

    /// Hands the text over once it has reached the chunk size.
    mutating func flushIfFull() throws(ReportError) {
        if text.utf8.count >= chunkSize { try flush() }
    }

    /// Hands the text over.
    mutating func flush() throws(ReportError) {
        guard !text.isEmpty else { return }
        switch encoding {
        case .utf8:
            try sink.write(text)
        case .cp932(let substitute):
            do {
                try sink.write(try TextEncoder.cp932(text, substitute: substitute))
            } catch let error as TextEncoder.Unencodable {
                throw unencodable(error)
            } catch let error as ReportError {
                throw error
            } catch {
                throw .writeFailed(path: file, reason: "\(error)")
            }
            trackLines()
        }
        text.removeAll(keepingCapacity: true)
    }

    /// Counts the lines of the text about to be dropped, for the positions of later chunks.
    private mutating func trackLines() {
        let newline = UInt8(ascii: "\n")
        var last: String.Index?
        for index in text.utf8.indices where text.utf8[index] == newline {
            linesWritten += 1
            last = index
        }
        if let last {
            lineStart = String(text[text.utf8.index(after: last)...])
        } else {
            lineStart += text
        }
    }

    /// Where in the file the character CP932 could not hold is: line and column, 1-based; the
    /// column counts characters, as `String.count` does.
    private func unencodable(_ error: TextEncoder.Unencodable) -> ReportError {
        let before = text.unicodeScalars.prefix(error.offset)
        let line = linesWritten + before.filter { $0 == "\n" }.count + 1
        let column: Int
        if let newline = before.lastIndex(of: "\n") {
            column = String(String.UnicodeScalarView(before[before.index(after: newline)...])).count + 1
        } else {
            column = (lineStart + String(String.UnicodeScalarView(before))).count + 1
        }
        let scalars = error.character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return .unencodable(
            path: file, character: error.character, codePoints: scalars.joined(separator: " "), line: line, column: column)
    }
}
