import Foundation
import Testing
import TestSupport

@testable import Reporting

/// Cells written straight into bytes give the bytes of the text they stood for before: printf's
/// six decimals, `String(Int)`, and the formula guard and RFC 4180 quoting of `CSVFormat`.
struct CSVTextTests {
    /// `CSVTable.format` as it was written before cells went into bytes: the reference the byte
    /// formatter must match to the byte.
    static func formatAsBefore(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let raw = abs(value) * 1_000_000
        let scaled = raw.rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992, abs(raw - raw.rounded(.down) - 0.5) > 1e-6 else {
            return String(format: "%.6f", value)
        }
        let micros = Int64(scaled)
        let fraction = String(micros % 1_000_000)
        let sign = value < 0 && micros != 0 ? "-" : ""
        return sign + String(micros / 1_000_000) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    static func decimal(_ value: Double) -> String {
        var bytes: [UInt8] = []
        CSVText.appendDecimal(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Values of every kind: measures (ratios, logarithms, large χ²), exact ties at the sixth
    /// decimal and values one ulp either side of them, negatives, zeros, and very large values.
    static func decimals() -> [Double] {
        var random = SplitMix(state: 8)
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, -0.5, 1.0 / 3, 2.0 / 3, -1.0 / 3, 1e-7, -1e-7, 4e-7, 5e-7, -5e-7, 6e-7,
            0.0000005, 0.0000015, 0.0000025, 1.0000005, 2.5e-6, 123.4567895, 9_007_199_254.740992,
            9_007_199_254.740993, 1e10, -1e10, 1e15, 1e20, 1e300, Double.greatestFiniteMagnitude,
            -Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, Double.ulpOfOne,
        ]
        // Ties k + 0.5 micro-units, and their neighbours.
        for _ in 0..<20_000 {
            let tie = (Double(random.next() % 100_000_000) + 0.5) / 1_000_000
            values += [tie, tie.nextUp, tie.nextDown, -tie, (-tie).nextUp]
        }
        // Measures of every size.
        for _ in 0..<100_000 {
            let unit = Double(random.next() >> 11) / Double(1 << 53)
            let magnitude = pow(10, Double(random.next() % 24) - 8)
            values += [unit, -unit, unit * magnitude, -unit * magnitude, log(unit), Double(random.next() % 1000) / 7]
        }
        return values
    }

    @Test func decimalsMatchTheFormatterBefore() {
        for value in Self.decimals() {
            #expect(Self.decimal(value) == Self.formatAsBefore(value), "\(value)")
        }
        #expect(Self.decimal(.nan).isEmpty && Self.decimal(.infinity).isEmpty && Self.decimal(-.infinity).isEmpty)
    }

    /// printf's `%.6f`, but for a negative value that rounds to zero: away from a tie it has no
    /// minus sign (printf writes `-0.000000`), as before; at a tie printf decides, as before.
    @Test func decimalsMatchPrintf() {
        var mismatches: [Double] = []
        for value in Self.decimals() where abs(value) < 1e9 {
            let printf = String(format: "%.6f", value)
            if printf != "-0.000000" && Self.decimal(value) != printf { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(Self.decimal(-0.0) == "0.000000")
        #expect(Self.decimal(-4e-7) == "0.000000")
        #expect(Self.decimal(-5e-7) == "-0.000000")
        #expect(Self.decimal(-6e-7) == "-0.000001")
    }

    @Test func integersMatchStringInit() {
        var random = SplitMix(state: 9)
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 999_999, 1_000_000, Int.max, Int.min, Int.min + 1]
        for _ in 0..<10_000 { values.append(Int(truncatingIfNeeded: random.next()) >> (random.next() % 63)) }
        for value in values {
            var bytes: [UInt8] = []
            CSVText.appendInteger(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    /// A run of numbers written in one step has the bytes of its cells written one by one; a
    /// decimal printf must write (a tie) sends the whole run back to the cells, untouched.
    @Test func numbersInOneStepMatchCellsOneByOne() {
        var random = SplitMix(state: 11)
        let decimals = Self.decimals()
        for round in 0..<20_000 {
            let integers: InlineArray<3, Int> = [
                Int(truncatingIfNeeded: random.next()) >> (random.next() % 63), Int(random.next() % 100), -Int(random.next() % 7),
            ]
            var values = InlineArray<4, Double>(repeating: .nan)
            for index in values.indices where random.next() % 8 != 0 {
                values[index] = decimals[Int(random.next() % UInt64(decimals.count))]
            }
            let commaFirst = round % 2 == 0
            var expected: [UInt8] = Array("x".utf8)
            for index in integers.indices {
                if index > 0 || commaFirst { expected.append(UInt8(ascii: ",")) }
                CSVText.appendInteger(integers[index], to: &expected)
            }
            for index in values.indices {
                expected.append(UInt8(ascii: ","))
                CSVText.appendDecimal(values[index], to: &expected)
            }
            var bytes: [UInt8] = Array("x".utf8)
            if CSVText.appendNumbers(integers: integers, decimals: values, commaFirst: commaFirst, to: &bytes) {
                #expect(bytes == expected)
            } else {
                #expect(bytes == Array("x".utf8))
                #expect(values.indices.contains { index in
                    if case .printf = CSVText.decimalText(values[index]) { true } else { false }
                })
            }
        }
    }

    /// A matrix line: three integers, a separator between them, a line feed.
    @Test func matrixLinesAreTheirIntegers() {
        var bytes: [UInt8] = []
        CSVText.appendLine(58_726, 1, 123_456_789_012, separator: UInt8(ascii: " "), to: &bytes)
        CSVText.appendLine(0, 10, 9, separator: UInt8(ascii: " "), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "58726 1 123456789012\n0 10 9\n")
    }

    /// `value` as a text cell was written before: guarded, then quoted per RFC 4180 if it needed it.
    static func textAsBefore(_ value: String, format: CSVFormat) -> String {
        let guarded = format.guarded(value)
        let needsQuotes = guarded.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        }
        guard needsQuotes else { return guarded }
        return "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test(arguments: [CSVFormat.excel, .unix])
    func textCellsAreGuardedAndQuotedAsBefore(format: CSVFormat) {
        let pieces = ["=", "+", "-", "@", "\t", "\r", "\n", ",", "\"", "'", "a", "語", "𠮷", "😀", " ", "e\u{301}"]
        var random = SplitMix(state: 10)
        var values = ["", "-", "=", "=1", "a,b", "say \"hi\"", "\"", "\"\"", "改行\nあり", "\r\n", "-\u{301}", "東京都"]
        for _ in 0..<20_000 {
            values.append((0..<(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for value in values {
            var bytes: [UInt8] = []
            CSVText.appendText(value, guardsFormulas: format.guardsFormulas, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.textAsBefore(value, format: format), "\(value.debugDescription)")
        }
    }

    /// A string Foundation keeps in UTF-16 (not contiguous UTF-8) is written all the same.
    @Test func bridgedTextIsWrittenLikeNativeText() {
        let bridged = NSString(string: "=語,\"x\"").description
        var bytes: [UInt8] = []
        CSVText.appendText(bridged, guardsFormulas: true, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"'=語,\"\"x\"\"\"")
    }
}
