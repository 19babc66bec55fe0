/// Character normalization of one paragraph or phrase (reference/normtok.md §4.2 F3 and F5).
///
/// 1. ICU NFKC, filtered to keep Japanese punctuation (`（）！？：；，．` …), the ideographic
///    space, `…‥`, `゛゜` and `￥` as they are, so half-width katakana become full-width and
///    full-width letters and digits become ASCII, while IPAdic still sees punctuation it knows
///    (ASCII punctuation would be an unknown 名詞-サ変接続 to it).
/// 2. Spaces: runs of ASCII and ideographic spaces collapse to one and are trimmed; a space next
///    to a Japanese character (kana, kanji, CJK punctuation, full-width forms) is removed, since
///    in Japanese text it is layout, not a word boundary (`平成 16 年` → `平成16年`). Spaces
///    between Latin words stay (`Coding the Matrix`).
///
/// Case is kept. The input must not contain line breaks (join lines first, `LayoutRepair`):
/// MeCab skips them as spaces, so a word broken across lines would stay broken.
public struct TextNormalizer: Sendable {
    public init() {}

    /// The names of the rules this normalizer applies, in order, for the run manifest.
    public static let rules = ["nfkc-filtered-japanese-punctuation", "spaces-japanese-context"]

    /// Normalizes `text`.
    /// - Throws: `NormalizationError` if ICU fails (out of memory, missing data).
    public func normalize(_ text: String) throws(NormalizationError) -> String {
        Self.removingLayoutSpaces(try ICU.normalizeJapanese(text))
    }

    /// Applies the space rule (F5) alone.
    static func removingLayoutSpaces(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isSpace) else { return text }
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isSpace(scalar) else {
                output.append(scalar)
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isSpace(scalars[end]) { end += 1 }
            if index > 0, end < scalars.count,
                !isJapaneseBlock(scalars[index - 1]), !isJapaneseBlock(scalars[end])
            {
                output.append(" ")
            }
            index = end
        }
        return String(output)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}"
    }

    /// The "blocks" of neologdn and mecab-ipadic-NEologd's rules: CJK ideographs, kana, CJK
    /// symbols and punctuation, half- and full-width forms.
    static func isJapaneseBlock(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF:
            true
        default:
            false
        }
    }
}
