import Bytes
import Foundation

/// CSV cells written as UTF-8 straight into a byte buffer: the hot path of every report table,
/// where a `String` per row, copied to bytes afterwards, cost more than the values themselves.
///
/// Numbers are in the C locale, without grouping; text gets `CSVFormat.guarded`'s formula guard
/// and RFC 4180 quoting. The tests hold the bytes to printf and to the `String`-building writer
/// this replaced, so reports keep their bytes.
enum CSVText {
    /// Appends `value` in decimal, without grouping.
    @inline(__always)
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: 21) { text in
            if value < 0 { text.append(UInt8(ascii: "-")) }
            appendDigits(of: UInt64(value.magnitude), to: &text)
        }
    }

    /// Appends three non-negative integers and a line feed, `separator` between them: a line of
    /// a sparse matrix, in one step rather than six.
    @inline(__always)
    static func appendLine(_ first: Int, _ second: Int, _ third: Int, separator: UInt8, to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: 64) { text in
            appendDigits(of: UInt64(first.magnitude), to: &text)
            text.append(separator)
            appendDigits(of: UInt64(second.magnitude), to: &text)
            text.append(separator)
            appendDigits(of: UInt64(third.magnitude), to: &text)
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// Appends `value` with six decimals: nothing for a non-finite value; values that fit in 53
    /// bits after scaling rounded half away from zero by integer arithmetic, as printf does for
    /// these (a value that rounds to zero has no minus sign); values near a tie, or too large,
    /// through printf itself, which rounds the exact value.
    static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
        switch decimalText(value) {
        case .empty: return
        case .printf: appendPrintf(value, to: &bytes)
        case .micros(let micros, let negative):
            bytes.append(addingCapacity: 28) { text in appendMicros(micros, negative: negative, to: &text) }
        }
    }

    /// How a decimal cell is written, decided before any byte is (`appendDecimal`).
    enum DecimalText {
        /// Not finite: an empty cell.
        case empty
        /// The value in millionths, rounded, and whether a minus sign goes before it.
        case micros(Int64, negative: Bool)
        /// Near a tie, or too large for the integer path: printf's text.
        case printf
    }

    /// How `value` is written with six decimals (see `appendDecimal`).
    @inline(__always)
    static func decimalText(_ value: Double) -> DecimalText {
        guard value.isFinite else { return .empty }
        let raw = value.magnitude * 1_000_000
        guard raw < 9_007_199_254_740_992 else { return .printf }
        // Non-negative and below 2⁵³: truncating is rounding down, and the difference is exact.
        let whole = Int64(raw)
        let fraction = raw - Double(whole)
        // Away from a tie, rounding half away from zero (`round`, a libm call) is this comparison.
        guard abs(fraction - 0.5) > 1e-6 else { return .printf }
        let micros = fraction > 0.5 ? whole + 1 : whole
        return .micros(micros, negative: value < 0 && micros != 0)
    }

    /// Appends `integers` then `decimals` as CSV cells, each after a comma (the first one too if
    /// `commaFirst`), in one step: a row's numbers (a pair's 2×2 table and measures, say) cost
    /// one reservation of room instead of one each. Appends nothing and returns false if a
    /// decimal needs printf (`DecimalText.printf`), for the caller to write the cells one by one.
    static func appendNumbers<let integerCount: Int, let decimalCount: Int>(
        integers: InlineArray<integerCount, Int>, decimals: InlineArray<decimalCount, Double>, commaFirst: Bool,
        to bytes: inout [UInt8]
    ) -> Bool {
        var texts = InlineArray<decimalCount, DecimalText>(repeating: .empty)
        for index in decimals.indices {
            texts[index] = decimalText(decimals[index])
            if case .printf = texts[index] { return false }
        }
        bytes.append(addingCapacity: 22 * integerCount + 30 * decimalCount) { text in
            for index in integers.indices {
                if index > 0 || commaFirst { text.append(UInt8(ascii: ",")) }
                let value = integers[index]
                if value < 0 { text.append(UInt8(ascii: "-")) }
                appendDigits(of: UInt64(value.magnitude), to: &text)
            }
            for index in texts.indices {
                if index > 0 || integerCount > 0 || commaFirst { text.append(UInt8(ascii: ",")) }
                if case .micros(let micros, let negative) = texts[index] {
                    appendMicros(micros, negative: negative, to: &text)
                }
            }
        }
        return true
    }

    /// Appends a decimal given in millionths (`DecimalText.micros`).
    @inline(__always)
    private static func appendMicros(_ micros: Int64, negative: Bool, to text: inout OutputSpan<UInt8>) {
        if negative { text.append(UInt8(ascii: "-")) }
        appendDigits(of: UInt64(micros / 1_000_000), to: &text)
        appendSixDecimals(UInt32(truncatingIfNeeded: micros % 1_000_000), to: &text)
    }

    /// printf's `%.6f` of `value`, for the values the integer path leaves (ties, huge values).
    private static func appendPrintf(_ value: Double, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(format: "%.6f", value).utf8)
    }

    /// Appends a text cell: with the formula guard's leading `'` when `guardsFormulas` and
    /// `CSVFormat.guarded` would add it, and quoted per RFC 4180 when it holds a comma, a quote
    /// or a line break (quotes doubled).
    @inline(__always)
    static func appendText(_ value: String, guardsFormulas: Bool, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8Span { appendText(utf8: $0, guardsFormulas: guardsFormulas, to: &bytes) }
    }

    /// Appends a text cell given as UTF-8 (see `appendText(_:guardsFormulas:to:)`).
    static func appendText(utf8: Span<UInt8>, guardsFormulas: Bool, to bytes: inout [UInt8]) {
        // Every trigger is ASCII, one byte: the cell has a second scalar if it has a second byte.
        let guarded = guardsFormulas && utf8.count > 1 && isFormulaTrigger(utf8[0])
        var needsQuotes = false
        for index in utf8.indices {
            let byte = utf8[unchecked: index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            if guarded { bytes.append(UInt8(ascii: "'")) }
            bytes.append(copying: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        if guarded { bytes.append(UInt8(ascii: "'")) }
        for index in utf8.indices {
            let byte = utf8[unchecked: index]
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The first characters `CSVFormat.guarded` guards against: `=`, `+`, `-`, `@`, TAB, CR, LF.
    @inline(__always)
    private static func isFormulaTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: true
        default: false
        }
    }

    /// Appends the decimal digits of `value` to `text`, which has room for 20 more bytes.
    @inline(__always)
    private static func appendDigits(of value: UInt64, to text: inout OutputSpan<UInt8>) {
        // Most numbers in a report are a count, an id or a measure's whole part: often one digit.
        guard value >= 10 else { return text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value)) }
        guard value >= 100_000_000 else {
            var digits = eightDigits(UInt32(truncatingIfNeeded: value))
            // Leading zeros are the low zero bytes (there are digits: the value is 10 or more).
            let zeros = digits.trailingZeroBitCount / 8
            digits >>= UInt64(8 * zeros)
            return append(digits | 0x3030_3030_3030_3030, count: 8 - zeros, to: &text)
        }
        appendLongDigits(of: value, to: &text)
    }

    /// The digits of a value of nine digits or more: its last eight, and what comes before them.
    private static func appendLongDigits(of value: UInt64, to text: inout OutputSpan<UInt8>) {
        appendDigits(of: value / 100_000_000, to: &text)
        append(eightDigits(UInt32(truncatingIfNeeded: value % 100_000_000)) | 0x3030_3030_3030_3030, count: 8, to: &text)
    }

    /// Appends six decimals, `value` (below 10⁶) with its leading zeros, after a point.
    @inline(__always)
    private static func appendSixDecimals(_ value: UInt32, to text: inout OutputSpan<UInt8>) {
        // Eight digits of which the first two (the low bytes) are zeros; the point takes their place.
        let digits = (eightDigits(value) | 0x3030_3030_3030_3030) >> 8 & ~0xFF | UInt64(UInt8(ascii: "."))
        append(digits, count: 7, to: &text)
    }

    /// The eight decimal digits of `value` (below 10⁸), leading zeros included, as the bytes of
    /// a word from its low byte (the first digit) up, each 0…9: the value is cut in two halves
    /// of four digits, each half in two pairs, each pair in two digits, all lanes at once (the
    /// multiplications by 10486 / 2²⁰ and 103 / 2¹⁰ divide by 100 and 10 exactly in range).
    @inline(__always)
    private static func eightDigits(_ value: UInt32) -> UInt64 {
        let halves = UInt64(value / 10_000) | UInt64(value % 10_000) << 32
        let hundreds = (halves &* 10486) >> 20 & 0x0000_007F_0000_007F
        let pairs = hundreds | (halves &- hundreds &* 100) << 16
        let tens = (pairs &* 103) >> 10 & 0x000F_000F_000F_000F
        return tens | (pairs &- tens &* 10) << 8
    }

    /// Appends the low `count` bytes of `bytes` to `text`, the low byte first.
    @inline(__always)
    private static func append(_ bytes: UInt64, count: Int, to text: inout OutputSpan<UInt8>) {
        text.appendLowBytes(of: bytes, count: count)
    }
}
