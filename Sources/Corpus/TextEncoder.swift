internal import CICU
import Foundation

/// Encodes report text for Excel on Japanese Windows: CP932 (Shift_JIS with Microsoft's
/// extensions), the only encoding older Excel opens without asking. CP932 cannot hold every
/// character (𠮷, emoji, most non-Japanese scripts): by default the first such character stops
/// the encoding with its position, so nothing is lost silently; with `substitute`, each becomes
/// `?`.
public enum TextEncoder {
    /// A character the target encoding cannot hold.
    public struct Unencodable: Error, Equatable, Sendable {
        /// The character.
        public var character: String
        /// Its position in the text, in Unicode scalars.
        public var offset: Int
    }

    /// `text` in CP932.
    public static func cp932(_ text: String, substitute: Bool) throws(Unencodable) -> Data {
        let source = Array(text.utf16)
        var output = [UInt8](repeating: 0, count: source.count * 4 + 4)
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let written = output.withUnsafeMutableBufferPointer { destination in
            cicu_encode(
                TextEncoding.cp932.converter, source, Int32(source.count), destination.baseAddress,
                Int32(destination.count), substitute ? 1 : 0, &errorOffset, &status)
        }
        guard status <= 0 else {
            let prefix = String(decoding: source.prefix(max(0, Int(errorOffset))), as: UTF16.self)
            let rest = String(decoding: source.dropFirst(max(0, Int(errorOffset))), as: UTF16.self)
            throw Unencodable(character: rest.first.map(String.init) ?? "", offset: prefix.unicodeScalars.count)
        }
        return Data(output[..<Int(written)])
    }
}
