import Foundation

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
        let byText = compareBytes(lhs.text, rhs.text)
        return byText != 0 ? byText < 0 : compareBytes(lhs.partOfSpeech, rhs.partOfSpeech) < 0
    }

    /// Negative, zero or positive as `lhs`'s UTF-8 bytes sort before, with or after `rhs`'s:
    /// one `memcmp`, where `String`'s `==` would first normalize non-ASCII text (sorting a run's
    /// vocabulary compares many terms of the same frequency).
    static func compareBytes(_ lhs: String, _ rhs: String) -> Int {
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
    }

    public var description: String { "\(text)/\(partOfSpeech)" }
}
