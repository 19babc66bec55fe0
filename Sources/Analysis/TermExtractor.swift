import Bytes
import Tokenization

/// Decides which tokens are terms and under which form and category they count.
///
/// The category is KH Coder's (`TermCategory`), from the dictionary's parts of speech; whether it
/// counts is `selection`'s (KH Coder's default selection unless told otherwise). A term is
/// counted under its dictionary form (`し` → `する`), or its surface when `useSurface` is set or
/// the dictionary has no form (unknown words). A token made only of punctuation, symbols and
/// spaces is never a term (IPAdic tags ASCII `(` as an unknown noun).
public struct TermExtractor: Sendable {
    public let family: FeatureLayout.Family
    public let selection: TermSelection
    public let useSurface: Bool

    public init(family: FeatureLayout.Family = .ipadic, selection: TermSelection = TermSelection(), useSurface: Bool = false) {
        self.family = family
        self.selection = selection
        self.useSurface = useSurface
    }

    /// The term `token` of `sentence` counts as, or `nil` if it is not a term.
    public func term(for token: Token, in sentence: String) -> Term? {
        let category = category(of: token, in: sentence)
        guard selection.includes(category: category, path: token.features.partOfSpeechPath),
            !Self.isSymbolOnly(token, in: sentence)
        else { return nil }
        return Term(text: useSurface ? token.surface(in: sentence) : token.lemma(in: sentence), partOfSpeech: category)
    }

    /// KH Coder's category for `token` of `sentence`.
    func category(of token: Token, in sentence: String) -> String {
        TermCategory.of(token, in: sentence, family: family)
    }

    /// `true` if `token`'s surface in `sentence` is made only of punctuation, symbols and spaces.
    static func isSymbolOnly(_ token: Token, in sentence: String) -> Bool {
        var sentence = sentence
        return sentence.withUTF8Span { isSymbolOnly($0.extracting(token.byteRange)) }
    }

    /// `true` if the UTF-8 `bytes` are only punctuation, symbols and separators (as
    /// `isSymbolOnly(_:)` of their text). Most tokens begin with an ASCII letter or digit, kana
    /// or a kanji, which is no symbol: those are told by their first bytes, without decoding.
    static func isSymbolOnly(_ bytes: Span<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return true }
        let lead = bytes[0]
        if lead < 0x80 {
            if (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead) { return false }
        } else if lead & 0xF0 == 0xE0, bytes.count >= 3 {
            // A three-byte scalar: kana and kanji, the ranges `isSymbolOnly(_:)` takes for letters.
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            if (0x3041...0x30FA).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) {
                return false
            }
        }
        return isSymbolOnly(String(decodingUTF8: bytes))
    }

    /// `true` if every character is punctuation, a symbol or a separator (Unicode P*, S*, Z*).
    static func isSymbolOnly(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            // Fast paths for ASCII letters and digits, and kana and kanji: most of the text.
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                    return false
                }
            }
            if (0x3041...0x30FA).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) { return false }
            return switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol,
                .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator,
                .paragraphSeparator:
                true
            default:
                false
            }
        }
    }
}
