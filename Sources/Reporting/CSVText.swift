import Foundation

/// CSV cells written as UTF-8 straight into a byte buffer: the hot path of every report table,
/// where a `String` per row, copied to bytes afterwards, cost more than the values themselves.
///
/// The bytes are exactly those of the text the cells stood for before (`CSVTable.format`,
/// `CSVFormat.guarded`, RFC 4180 quoting), so a report does not change by a byte.
enum CSVText {
    /// Appends `value` in decimal, without grouping.
    @inline(__always)
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), to: &bytes)
    }

    /// Appends `value` with six decimals, as `CSVTable.format` gives it: nothing for a non-finite
    /// value; values that fit in 53 bits after scaling rounded half away from zero by integer
    /// arithmetic, as printf does for these (a value that rounds to zero has no minus sign);
    /// values near a tie, or too large, through printf itself, which rounds the exact value.
    static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else { return }
        let raw = abs(value) * 1_000_000
        let scaled = raw.rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992, abs(raw - raw.rounded(.down) - 0.5) > 1e-6 else {
            bytes.append(contentsOf: String(format: "%.6f", value).utf8)
            return
        }
        let micros = UInt64(scaled)
        if value < 0 && micros != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(micros / 1_000_000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(micros % 1_000_000, width: 6, to: &bytes)
    }

    /// Appends a text cell: with the formula guard's leading `'` when `guardsFormulas` and
    /// `CSVFormat.guarded` would add it, and quoted per RFC 4180 when it holds a comma, a quote
    /// or a line break (quotes doubled).
    @inline(__always)
    static func appendText(_ value: String, guardsFormulas: Bool, to bytes: inout [UInt8]) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
            appendText(utf8: utf8, guardsFormulas: guardsFormulas, to: &bytes)
        }
        if done == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendText(utf8: $0, guardsFormulas: guardsFormulas, to: &bytes) }
        }
    }

    private static func appendText(utf8: UnsafeBufferPointer<UInt8>, guardsFormulas: Bool, to bytes: inout [UInt8]) {
        // Every trigger is ASCII, one byte: the cell has a second scalar if it has a second byte.
        let guarded = guardsFormulas && utf8.count > 1 && isFormulaTrigger(utf8[0])
        var needsQuotes = false
        for byte in utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            if guarded { bytes.append(UInt8(ascii: "'")) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        if guarded { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
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

    /// Appends the decimal digits of `value`, with leading zeros up to `width` digits.
    @inline(__always)
    private static func appendDigits(_ value: UInt64, width: Int = 1, to bytes: inout [UInt8]) {
        if value < 10 && width == 1 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
            return
        }
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        count = max(count, width)
        // Zeros first, then the digits written back to front into their place.
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        rest = value
        bytes.withUnsafeMutableBufferPointer { buffer in
            var index = start + count - 1
            while rest != 0 {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            }
        }
    }
}
