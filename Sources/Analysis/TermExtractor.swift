import Tokenization

/// Decides which tokens are terms and under which lemma and part of speech they count (IPAdic).
///
/// Kept, as in KH Coder's default selection: nouns except 名詞-数, 名詞-非自立, 名詞-代名詞 and
/// 名詞-接尾; independent verbs (動詞-自立) and adjectives (形容詞-自立), counted under their
/// dictionary form; unknown words, counted under their surface, except digits (which IPAdic's
/// unknown-word definitions tag 名詞-数). A token made only of punctuation,
/// symbols and spaces is never a term (IPAdic tags ASCII `(` as an unknown noun). The part of
/// speech is KH Coder's category: 名詞, サ変名詞, 形容動詞, ナイ形容, 副詞可能, 固有名詞, 地名, 人名,
/// 組織名, 動詞, 形容詞, 未知語.
public struct TermExtractor: Sendable {
    /// 名詞 subcategories that are never terms on their own.
    public static let excludedNounTypes: Set<String> = ["数", "非自立", "代名詞", "接尾"]

    public init() {}

    /// The term `token` counts as, or `nil` if it is not a term.
    public func term(for token: Token) -> Term? {
        guard let category = category(of: token), !Self.isSymbolOnly(token.surface) else { return nil }
        return Term(text: token.lemma, partOfSpeech: category)
    }

    /// KH Coder's category for `token`, or `nil` when its part of speech is not counted.
    func category(of token: Token) -> String? {
        let pos = token.features.partOfSpeech
        let major = pos.first ?? ""
        let minor = pos.count > 1 ? pos[1] : ""
        // Unknown digits come out as 名詞-数 from IPAdic's unk.def: excluded like known numbers.
        if major == "名詞", Self.excludedNounTypes.contains(minor) { return nil }
        if token.isUnknown { return "未知語" }
        switch major {
        case "名詞":
            switch minor {
            case "サ変接続": return "サ変名詞"
            case "形容動詞語幹": return "形容動詞"
            case "ナイ形容詞語幹": return "ナイ形容"
            case "副詞可能": return "副詞可能"
            case "固有名詞":
                switch pos.count > 2 ? pos[2] : "" {
                case "地域": return "地名"
                case "人名": return "人名"
                case "組織": return "組織名"
                default: return "固有名詞"
                }
            default: return "名詞"
            }
        case "動詞" where minor == "自立": return "動詞"
        case "形容詞" where minor == "自立": return "形容詞"
        default: return nil
        }
    }

    /// `true` if every character is punctuation, a symbol or a separator (Unicode P*, S*, Z*).
    static func isSymbolOnly(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            // Fast path for kana and kanji, most of Japanese text.
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
