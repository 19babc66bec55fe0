import Bytes

/// Strings compared as their UTF-8 bytes.
///
/// `String`'s `==` honours canonical equivalence, which for text outside ASCII means normalizing
/// both sides on each call. Where the strings are NFC already (terms, compound nouns) or where
/// the bytes themselves are the key (unknown words' surfaces), one `memcmp` does.
enum UTF8Bytes {
    /// `true` if `lhs` and `rhs` have the same bytes.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8Span { left in rhs.withUTF8Span { right in left.hasSameBytes(as: right) } }
    }

    /// `true` if `text` has the bytes `bytes`.
    static func equal(_ text: String, _ bytes: Span<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        var text = text
        return text.withUTF8Span { $0.hasSameBytes(as: bytes) }
    }

    /// Feeds `text`'s bytes to `hasher`, as one buffer.
    static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8Span { hasher.combine(bytes: $0) }
    }

    /// A hash of `text`'s bytes (`HashSlots.hash`).
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8Span { HashSlots.hash($0) }
    }
}
