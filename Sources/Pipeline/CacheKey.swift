import Corpus
import Foundation

/// A 32-byte digest as four words, hashed and compared as such: the key of a cache entry, and
/// the identity a cache segment was written under.
struct CacheKey: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    /// The key of an input with these bytes (`sha256`, hex) read in `format`: the SHA-256 of
    /// `"<sha256> <format>"`, as the cache has always keyed entries.
    init(sha256: String, format: TextFormat) {
        self.init(digestOf: "\(sha256) \(format.rawValue)")
    }

    /// The SHA-256 of `text`'s UTF-8 bytes.
    init(digestOf text: String) {
        var words: [UInt64] = [0, 0, 0, 0]
        // ContentHash gives lowercase hex: two digits a byte, the first byte lowest in its word.
        for (index, digit) in ContentHash.sha256(Data(text.utf8)).utf8.enumerated() where index < 64 {
            let value = UInt64(digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit &- UInt8(ascii: "0"))
            let byte = index / 2
            let shift = UInt64(8 * (byte % 8) + (index % 2 == 0 ? 4 : 0))
            words[byte / 8] |= (value & 0xF) << shift
        }
        self.words = (words[0], words[1], words[2], words[3])
    }

    /// Reads 32 bytes as four little-endian words.
    init(reading reader: inout RecordReader) throws(RecordError) {
        words = (try reader.fixed64(), try reader.fixed64(), try reader.fixed64(), try reader.fixed64())
    }

    /// Appends the 32 bytes `init(reading:)` reads.
    func append(to bytes: inout [UInt8]) {
        bytes.appendFixed64(words.0)
        bytes.appendFixed64(words.1)
        bytes.appendFixed64(words.2)
        bytes.appendFixed64(words.3)
    }

    static func == (lhs: CacheKey, rhs: CacheKey) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
