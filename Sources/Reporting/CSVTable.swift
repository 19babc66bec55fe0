import Corpus
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

    /// The table as Excel-friendly CSV (see `CSVFormat.excel`).
    public func excelCSV() -> Data {
        Data(text(.excel, toStandardOutput: false).utf8)
    }

    /// The table in `format`, as bytes; `file` names the report in errors.
    /// - Throws: `ReportError.unencodable` when a CP932 file meets a character CP932 cannot hold.
    public func render(_ format: CSVFormat, file: String, toStandardOutput: Bool = false) throws(ReportError) -> Data {
        let text = text(format, toStandardOutput: toStandardOutput)
        switch format.encoding {
        case .utf8:
            return Data(text.utf8)
        case .cp932(let substitute):
            do {
                return try TextEncoder.cp932(text, substitute: substitute)
            } catch {
                throw unencodable(error, in: text, file: file)
            }
        }
    }

    /// The CSV text, header translated as `format` asks.
    func text(_ format: CSVFormat, toStandardOutput: Bool) -> String {
        var text = format.byteOrderMark(toStandardOutput: toStandardOutput) ? "\u{FEFF}" : ""
        text.reserveCapacity(64 * (rows.count + 1))
        let names = format.headerLanguage == .ja ? header.map(ColumnCatalog.japanese) : header
        append(names.map(Cell.text), to: &text, format: format)
        for row in rows { append(row, to: &text, format: format) }
        return text
    }

    private func append(_ row: [Cell], to text: inout String, format: CSVFormat) {
        for (index, cell) in row.enumerated() {
            if index > 0 { text += "," }
            switch cell {
            case .text(let value): text += Self.quoted(format.guarded(value))
            case .integer(let value): text += String(value)
            case .decimal(let value): text += Self.format(value)
            }
        }
        text += format.lineEnd
    }

    /// Where in the table the character CP932 could not hold is: line and column, 1-based.
    private func unencodable(_ error: TextEncoder.Unencodable, in text: String, file: String) -> ReportError {
        let before = text.unicodeScalars.prefix(error.offset)
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = String(String.UnicodeScalarView(before[lineStart...])).count + 1
        let scalars = error.character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return .unencodable(
            path: file, character: error.character, codePoints: scalars.joined(separator: " "), line: line, column: column)
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
