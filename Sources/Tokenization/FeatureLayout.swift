/// Where a dictionary keeps each field of its feature CSV (docs/TEXT.md §7.2).
public struct FeatureLayout: Sendable, Equatable, Codable {
    /// The dictionary families kotoba knows the layout of.
    public enum Family: String, Sendable, Codable, CaseIterable {
        case ipadic, unidic, juman
    }

    public var family: Family
    /// How many leading fields are part-of-speech levels.
    public var partOfSpeechFields: Int
    /// Field of the base (dictionary) form.
    public var baseFormIndex: Int
    /// Field of the reading, if the dictionary has one.
    public var readingIndex: Int?

    /// Short name, recorded in the manifest.
    public var name: String { family.rawValue }

    /// IPAdic 2.7.0: 品詞, 細分類1–3, 活用型, 活用形, 原形, 読み, 発音. Unknown words have 7 fields
    /// and `*` as 原形.
    public static let ipadic = FeatureLayout(family: .ipadic, partOfSpeechFields: 4, baseFormIndex: 6, readingIndex: 7)

    /// UniDic (Debian's unidic-mecab 3.1.1, 29 fields): pos1–4, cType, cForm, lForm, lemma, orth,
    /// pron, orthBase … The lemma (field 7) is counted, without the loan-word suffix
    /// (`グーグル-Google` → `グーグル`). Unknown words have 6 fields.
    public static let unidic = FeatureLayout(family: .unidic, partOfSpeechFields: 4, baseFormIndex: 7, readingIndex: 6)

    /// JUMAN (mecab-jumandic 7.0, 7 fields): 品詞, 細分類, 活用型, 活用形, 原形, 読み, 意味情報.
    public static let juman = FeatureLayout(family: .juman, partOfSpeechFields: 2, baseFormIndex: 4, readingIndex: 5)

    public static func layout(of family: Family) -> FeatureLayout {
        switch family {
        case .ipadic: .ipadic
        case .unidic: .unidic
        case .juman: .juman
        }
    }

    /// The layout of the dictionary in `directory`, told by its `dicrc`: the number of fields of
    /// its BOS/EOS feature (IPAdic 9, JUMAN 7, UniDic more than 9), or UniDic's own keys.
    public static func detect(directory: String) -> FeatureLayout? {
        guard let text = try? String(contentsOfFile: directory + "/dicrc", encoding: .utf8) else { return nil }
        if text.contains("lemma_id") || text.lowercased().contains("unidic") { return .unidic }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("bos-feature") }),
            let value = line.split(separator: "=", maxSplits: 1).last
        else { return nil }
        switch value.split(separator: ",", omittingEmptySubsequences: false).count {
        case 9: return .ipadic
        case 7: return .juman
        case 10...: return .unidic
        default: return nil
        }
    }
}

import Foundation
