import Corpus
import Foundation

/// A 32-byte digest as four words, with a byte for the format the input was read in, hashed and
/// compared as such: the key of a cache entry (the SHA-256 of the input's bytes and its format),
/// and the identity a cache segment was written under.
struct CacheKey: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)
    /// The input's format (`code(of:)`), 0 for an identity.
    var format: UInt8

    /// The bytes `append(to:)` writes.
    static let size = 33

    /// The key of an input with these bytes (`sha256`, as `ContentHash` writes it) read in
    /// `format`. The digest is taken as it is rather than hashed again with the format: looking
    /// a key up is then no SHA-256 and no string building.
    init(sha256: String, format: TextFormat) {
        if let words = Self.words(hex: sha256) {
            self.words = words
        } else {
            // Not a digest in hex (never so from ContentHash): a digest of it, then.
            self.words = Self(digestOf: sha256).words
        }
        self.format = Self.code(of: format)
    }

    /// The SHA-256 of `text`'s UTF-8 bytes.
    init(digestOf text: String) {
        words = Self.words(hex: ContentHash.sha256(Data(text.utf8))) ?? (0, 0, 0, 0)
        format = 0
    }

    /// The key of chunk `number` of the input keyed by this key (`AnalysisCache.Entry.chunks`):
    /// the format byte's high bit, which no input's format has, marks it, so it never equals an
    /// input's key; the number is mixed into the first word.
    func chunk(_ number: Int) -> CacheKey {
        var key = self
        key.words.0 ^= (UInt64(number) &+ 1) &* 0x9E37_79B9_7F4A_7C15
        key.format |= 0x80
        return key
    }

    /// Reads what `append(to:)` writes.
    init(reading reader: inout RecordReader) throws(RecordError) {
        words = (try reader.fixed64(), try reader.fixed64(), try reader.fixed64(), try reader.fixed64())
        format = try reader.byte()
    }

    /// Appends the four words (little-endian) and the format byte.
    func append(to bytes: inout [UInt8]) {
        bytes.appendFixed64(words.0)
        bytes.appendFixed64(words.1)
        bytes.appendFixed64(words.2)
        bytes.appendFixed64(words.3)
        bytes.append(format)
    }

    /// A format's byte in keys: fixed, because keys outlive runs.
    static func code(of format: TextFormat) -> UInt8 {
        switch format {
        case .plain: 1
        case .markdown: 2
        case .csv: 3
        case .tsv: 4
        case .lines: 5
        }
    }

    /// 64 lowercase hex digits as 32 bytes in four little-endian words (the first byte lowest),
    /// or nil.
    static func words(hex: String) -> (UInt64, UInt64, UInt64, UInt64)? {
        var words: [UInt64] = [0, 0, 0, 0]
        var count = 0
        for digit in hex.utf8 {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            guard count < 64 else { return nil }
            let byte = count / 2
            let shift = UInt64(8 * (byte % 8) + (count % 2 == 0 ? 4 : 0))
            words[byte / 8] |= UInt64(value) << shift
            count += 1
        }
        return count == 64 ? (words[0], words[1], words[2], words[3]) : nil
    }

    static func == (lhs: CacheKey, rhs: CacheKey) -> Bool {
        lhs.words == rhs.words && lhs.format == rhs.format
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
        hasher.combine(format)
    }
}
