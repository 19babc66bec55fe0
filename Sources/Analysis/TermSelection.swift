/// Which categories count as terms: a preset, then categories or part-of-speech paths added or
/// taken away.
public struct TermSelection: Sendable, Codable, Equatable {
    public enum Preset: String, Sendable, Codable, CaseIterable {
        /// KH Coder's default: every category but the hiragana-only B categories, 否定助動詞,
        /// 形容詞（非自立） and その他.
        case khcoder
        /// Content words: nouns (hiragana-only ones too), verbs, adjectives, unknown words.
        case content
        /// Nouns of every kind, unknown words, force-picked words and compounds.
        case nouns
        /// Every category, その他 too (particles, auxiliaries …).
        case all
    }

    public var preset: Preset
    /// Categories (`副詞B`) or part-of-speech path prefixes (`名詞-数`) to count besides the preset's.
    public var include: [String]
    /// Categories or path prefixes never to count.
    public var exclude: [String]

    public init(preset: Preset = .khcoder, include: [String] = [], exclude: [String] = []) {
        self.preset = preset
        self.include = include
        self.exclude = exclude
    }

    /// The categories of `preset`.
    public static func categories(of preset: Preset) -> Set<String> {
        presetCategories[preset] ?? []
    }

    /// Every preset's categories, made once.
    private static let presetCategories: [Preset: Set<String>] = Dictionary(
        uniqueKeysWithValues: Preset.allCases.map { ($0, makeCategories(of: $0)) })

    private static func makeCategories(of preset: Preset) -> Set<String> {
        typealias C = TermCategory
        let nouns: Set<String> = [
            C.noun, C.nounB, C.nounC, C.verbalNoun, C.adjectivalNoun, C.naiAdjective, C.adverbialNoun, C.properNoun,
            C.place, C.person, C.organization, C.unknown, C.tag, C.compound,
        ]
        switch preset {
        case .khcoder:
            return Set(C.all).subtracting([C.nounB, C.verbB, C.adjectiveB, C.adverbB, C.negative, C.dependentAdjective, C.other])
        case .content:
            return nouns.union([C.verb, C.verbB, C.adjective, C.adjectiveB])
        case .nouns:
            return nouns
        case .all:
            return Set(C.all)
        }
    }

    /// Whether a token of `category` and part-of-speech `path` (`名詞-一般`) counts.
    public func includes(category: String, path: String) -> Bool {
        func matches(_ item: String) -> Bool { item == category || PartOfSpeechPath.is(path, under: item) }
        if exclude.contains(where: matches) { return false }
        return Self.categories(of: preset).contains(category) || include.contains(where: matches)
    }
}
