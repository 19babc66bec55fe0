/// A compound-noun candidate as a key: its nouns (made NFC) joined with U+001F, a control
/// character no token holds, which sorts below every character a token has, so keys sort as
/// their noun lists do.
///
/// Every document adds its candidates to a table, so the key is hashed and compared as UTF-8
/// bytes: `String` hashes and compares through canonical equivalence, which for Japanese means
/// normalizing on every call, and one string hashes far faster than an array of strings. Byte
/// identity is the right equality because the nouns are NFC.
public struct CompoundKey: Hashable, Comparable, Sendable {
    /// The nouns joined with `separator`.
    public let joined: String

    static let separator: Character = "\u{1F}"
    /// `separator`'s UTF-8: what the reports split a key's bytes on.
    public static let separatorByte: UInt8 = 0x1F

    /// The key of `nouns`, which should be NFC (`CanonicalText.nfc`).
    public init(nouns: [String]) {
        guard nouns.count > 1 else {
            joined = nouns.first ?? ""
            return
        }
        var joined = ""
        joined.reserveCapacity(nouns.reduce(nouns.count) { $0 + $1.utf8.count })
        for (index, noun) in nouns.enumerated() {
            if index > 0 { joined.append(Self.separator) }
            joined += noun
        }
        self.joined = joined
    }

    /// The nouns: split on the separator's byte (splitting characters would find grapheme
    /// breaks first, and would not split before a noun that starts with a combining mark).
    /// The key of `surfaces`, each made NFC (`CanonicalText.nfc`): as `init(nouns:)` of their NFC
    /// forms, but building only the joined string (a candidate is keyed in every sentence).
    init(normalizing surfaces: some Collection<String>) {
        var joined = ""
        if surfaces.count > 1 { joined.reserveCapacity(surfaces.reduce(surfaces.count) { $0 + $1.utf8.count }) }
        for (index, noun) in surfaces.enumerated() {
            if index > 0 { joined.append(Self.separator) }
            joined += CanonicalText.nfc(noun)
        }
        self.joined = joined
    }

    public var nouns: [String] {
        joined.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    public func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(joined, into: &hasher)
    }

    public static func == (lhs: CompoundKey, rhs: CompoundKey) -> Bool {
        UTF8Bytes.equal(lhs.joined, rhs.joined)
    }

    /// Byte order, which for UTF-8 is code point order.
    public static func < (lhs: CompoundKey, rhs: CompoundKey) -> Bool {
        lhs.joined.utf8.lexicographicallyPrecedes(rhs.joined.utf8)
    }
}
