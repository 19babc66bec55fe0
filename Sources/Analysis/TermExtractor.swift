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

    /// The term `token` counts as, or `nil` if it is not a term.
    public func term(for token: Token) -> Term? {
        let category = category(of: token)
        guard selection.includes(category: category, path: token.features.partOfSpeechPath),
            !Self.isSymbolOnly(token.surface)
        else { return nil }
        return Term(text: useSurface ? token.surface : token.lemma, partOfSpeech: category)
    }

    /// KH Coder's category for `token`.
    func category(of token: Token) -> String {
        TermCategory.of(token, family: family)
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
