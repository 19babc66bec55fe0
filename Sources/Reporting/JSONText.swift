import Bytes

/// JSON text written by hand, for the hot, line-by-line formats (partial counts, the cache)
/// where `JSONEncoder` would cost more than the counting, and for report tables as JSON.
public enum JSONText {
    /// `value` as a JSON string literal (RFC 8259: quote, backslash and control characters escaped).
    public static func string(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Appends `value` as a JSON string literal, the bytes of `string(value)`: every character
    /// that is escaped is ASCII, one byte, and no byte of a longer UTF-8 sequence is ASCII.
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8Span { appendString(utf8: $0, to: &bytes) }
    }

    /// Appends a string given as UTF-8 as a JSON string literal.
    static func appendString(utf8: Span<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var escapes = false
        for index in utf8.indices where needsEscape(utf8[unchecked: index]) {
            escapes = true
            break
        }
        if !escapes {
            bytes.append(copying: utf8)
        } else {
            for index in utf8.indices { appendEscaped(utf8[unchecked: index], to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case 0x0A: bytes += #"\n"#.utf8
        case 0x0D: bytes += #"\r"#.utf8
        case 0x09: bytes += #"\t"#.utf8
        case 0..<0x20:
            bytes += #"\u00"#.utf8
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// An array of integers.
    public static func integers(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }
}
