/// A counted term: a lemma with its coarse part of speech (`地域` as 名詞, `活性化` as サ変名詞).
///
/// Terms order by text, then part of speech, comparing UTF-8 bytes (code point order), so every
/// report sorts the same way on every machine and locale.
public struct Term: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let text: String
    public let partOfSpeech: String

    public init(text: String, partOfSpeech: String) {
        self.text = text
        self.partOfSpeech = partOfSpeech
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        if lhs.text != rhs.text { return lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8) }
        return lhs.partOfSpeech.utf8.lexicographicallyPrecedes(rhs.partOfSpeech.utf8)
    }

    public var description: String { "\(text)/\(partOfSpeech)" }
}
