import Foundation
import ICU

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
        switch Charsets.encode(source, converter: TextEncoding.cp932.converter, substitute: substitute) {
        case .success(let bytes):
            return Data(bytes)
        case .failure(let stop):
            let prefix = String(decoding: source.prefix(stop.offset), as: UTF16.self)
            let rest = String(decoding: source.dropFirst(stop.offset), as: UTF16.self)
            throw Unencodable(character: rest.first.map(String.init) ?? "", offset: prefix.unicodeScalars.count)
        }
    }
}
