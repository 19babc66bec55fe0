/// The character-normalization rules of docs/TEXT.md §5, in the order they run. Each
/// can be switched off; the rules in force are recorded in the run manifest.
public enum NormalizationRule: String, Sendable, Codable, CaseIterable, Comparable {
    /// F1: kana followed by a spacing voiced or semi-voiced mark (`か゛`) becomes the voiced kana
    /// (`が`), instead of NFKC's space plus combining mark.
    case voicedMarks = "voiced-marks"
    /// F1: circled and parenthesized numbers and ideographs keep their brackets: `①` → `（1）`,
    /// `⒈` → `1．`, `㈱` → `（株）`, instead of NFKC gluing `①②` into `12`.
    case enclosedCharacters = "enclosed-characters"
    /// F2: tildes become `〜`; hyphens and dashes become `-` between Latin letters or digits,
    /// `ー` after kana, `‐` or `―` elsewhere; decided on the original characters, runs collapsed.
    case dashesAndTildes = "dashes-and-tildes"
    /// F3: ICU NFKC, except Japanese full-width punctuation, the ideographic space, `…‥`, `゛゜`, `￥`.
    case nfkc
    /// F4: ASCII punctuation in Japanese context becomes full-width (`(株)` → `（株）`, `!` → `！`),
    /// but stays inside Latin runs such as `No.1`, `3.5`, `A/B` and addresses.
    case asciiPunctuation = "ascii-punctuation"
    /// F5: spaces next to Japanese characters are removed, runs of spaces collapse to one.
    case spaces
    /// F6: term and theme keys are compared under NFKC_Casefold (`MACC` = `macc`); the text keeps
    /// its case.
    case caseFoldedKeys = "casefold-keys"

    /// The rule's bit in `TextNormalizer`'s set of rules in force.
    var bit: UInt8 {
        switch self {
        case .voicedMarks: 1 << 0
        case .enclosedCharacters: 1 << 1
        case .dashesAndTildes: 1 << 2
        case .nfkc: 1 << 3
        case .asciiPunctuation: 1 << 4
        case .spaces: 1 << 5
        case .caseFoldedKeys: 1 << 6
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
