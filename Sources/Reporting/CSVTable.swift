import Foundation

/// A table to be written as CSV: a header and rows of cells.
public struct CSVTable: Sendable {
    /// One cell. Numbers are written without grouping and, for fractions, with six decimals in the
    /// C locale, so the same counts always give the same bytes.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case decimal(Double)
    }

    public var header: [String]
    public var rows: [[Cell]]

    public init(header: [String], rows: [[Cell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as Excel-friendly CSV: UTF-8 with a byte-order mark (without it Excel on
    /// Japanese Windows reads the file as Shift_JIS), CRLF line ends, and RFC 4180 quoting (a
    /// field with a comma, quote, CR or LF is quoted, quotes doubled).
    public func excelCSV() -> Data {
        var text = "\u{FEFF}"
        text.reserveCapacity(64 * (rows.count + 1))
        append(header.map(Cell.text), to: &text)
        for row in rows { append(row, to: &text) }
        return Data(text.utf8)
    }

    private func append(_ row: [Cell], to text: inout String) {
        for (index, cell) in row.enumerated() {
            if index > 0 { text += "," }
            switch cell {
            case .text(let value): text += Self.quoted(value)
            case .integer(let value): text += String(value)
            case .decimal(let value): text += Self.format(value)
            }
        }
        text += "\r\n"
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
