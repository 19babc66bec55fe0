internal import CICU

/// ICU's charset converters and detector, through the plain-C `CICU` shim: bytes in, text out
/// and back, strictly (nothing is replaced with U+FFFD or `?` unless asked).
public enum Charsets {
    /// Where a strict conversion stopped: a byte offset when decoding, a UTF-16 offset when encoding.
    public struct Stopped: Error, Equatable, Sendable {
        public var offset: Int
    }

    /// `bytes` decoded with the ICU converter named `converter`, stopping at the first invalid
    /// sequence.
    public static func decode(_ bytes: Span<UInt8>, converter: String) -> Result<String, Stopped> {
        var output = [UInt16](repeating: 0, count: bytes.count + 1)
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let written = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                cicu_decode(
                    converter, source.baseAddress, Int32(source.count), destination.baseAddress,
                    Int32(destination.count), &errorOffset, &status)
            }
        }
        guard status <= 0 else { return .failure(Stopped(offset: max(0, Int(errorOffset)))) }
        return .success(String(decoding: output[..<Int(written)], as: UTF16.self))
    }

    /// The charset ICU's detector names for `bytes`, and its confidence (0–100); `nil` if it
    /// fails.
    public static func detect(_ bytes: Span<UInt8>) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        let confidence = bytes.withUnsafeBufferPointer { source in
            cicu_detect_charset(source.baseAddress, Int32(source.count), &name, Int32(name.count), &status)
        }
        guard status <= 0 else { return nil }
        return (String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(confidence))
    }

    /// The UTF-16 `units` encoded with the ICU converter named `converter`: with `substitute`,
    /// each character the charset cannot hold becomes its substitute (`?`); without, the first
    /// stops the encoding at its UTF-16 offset.
    public static func encode(_ units: [UInt16], converter: String, substitute: Bool) -> Result<[UInt8], Stopped> {
        // A UTF-16 unit takes at most 4 bytes in any charset kotoba writes.
        var output = [UInt8](repeating: 0, count: units.count * 4 + 4)
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let written = output.withUnsafeMutableBufferPointer { destination in
            cicu_encode(
                converter, units, Int32(units.count), destination.baseAddress, Int32(destination.count),
                substitute ? 1 : 0, &errorOffset, &status)
        }
        guard status <= 0 else { return .failure(Stopped(offset: max(0, Int(errorOffset)))) }
        output.removeLast(output.count - Int(written))
        return .success(output)
    }
}
