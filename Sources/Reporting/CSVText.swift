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
        var buffer = Digits(repeating: 0)
        var start = buffer.count
        writeDigits(of: UInt64(value.magnitude), endingAt: &start, in: &buffer)
        if value < 0 { write(UInt8(ascii: "-"), before: &start, in: &buffer) }
        bytes.append(copying: buffer.span.extracting(unchecked: start..<buffer.count))
    }

    /// Appends `value` with six decimals: nothing for a non-finite value; values that fit in 53
    /// bits after scaling rounded half away from zero by integer arithmetic, as printf does for
    /// these (a value that rounds to zero has no minus sign); values near a tie, or too large,
    /// through printf itself, which rounds the exact value.
    static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else { return }
        let raw = abs(value) * 1_000_000
        let whole = raw.rounded(.down)
        let fraction = raw - whole  // exact
        // Away from a tie, rounding half away from zero (`round`, a libm call) is this comparison.
        let scaled = fraction > 0.5 ? whole + 1 : whole
        guard scaled < 9_007_199_254_740_992, abs(fraction - 0.5) > 1e-6 else {
            bytes.append(contentsOf: String(format: "%.6f", value).utf8)
            return
        }
        let micros = UInt64(scaled)
        // Written back to front: six decimals (leading zeros kept), the point, the whole part, the sign.
        var buffer = Digits(repeating: 0)
        var start = buffer.count
        var decimals = micros % 1_000_000
        for _ in 0..<6 {
            write(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: decimals % 10), before: &start, in: &buffer)
            decimals /= 10
        }
        write(UInt8(ascii: "."), before: &start, in: &buffer)
        writeDigits(of: micros / 1_000_000, endingAt: &start, in: &buffer)
        if value < 0 && micros != 0 { write(UInt8(ascii: "-"), before: &start, in: &buffer) }
        bytes.append(copying: buffer.span.extracting(unchecked: start..<buffer.count))
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

    /// Room for a number's text, written back to front: 20 digits, a sign and a point at most.
    private typealias Digits = InlineArray<24, UInt8>

    /// Writes `byte` just before `start` in `buffer`, and moves `start` onto it.
    @inline(__always)
    private static func write(_ byte: UInt8, before start: inout Int, in buffer: inout Digits) {
        start -= 1
        buffer[start] = byte
    }

    /// Writes the decimal digits of `value` just before `start` in `buffer` (which has room for
    /// them), and moves `start` onto the first.
    @inline(__always)
    private static func writeDigits(
        of value: UInt64, endingAt start: inout Int, in buffer: inout Digits
    ) {
        var rest = value
        repeat {
            write(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10), before: &start, in: &buffer)
            rest /= 10
        } while rest != 0
    }
}
