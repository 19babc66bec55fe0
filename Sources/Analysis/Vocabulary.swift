/// The analyst's control over what counts as a term, beyond parts of speech: words that always
/// count as one term (force-pick, KH Coder's 強制抽出), synonyms merged into one term (表記ゆれ),
/// stopwords, and compound nouns.
///
/// Forms are matched in the normalized text at token boundaries, as themes are, so a force-picked
/// 地域活性化 is one term although the dictionary splits it. Stopwords apply to final terms (after
/// force-pick, synonyms and compounds), never to the parts of a compound: 化 and 者 are stopwords
/// in most lists, yet 地域活性化 and 小規模事業者 survive.
public struct Vocabulary: Sendable, Equatable {
    /// A phrase that counts as one term: the forms that express it and the term it counts as.
    public struct Entry: Sendable, Equatable {
        /// The term's text (the synonym group's head, or the force-picked word itself).
        public var term: String
        /// Normalized and keyed forms to match.
        public var forms: [String]

        public init(term: String, forms: [String]) {
            self.term = term
            self.forms = forms
        }
    }

    public var selection: TermSelection
    /// Count surfaces instead of dictionary forms.
    public var useSurface: Bool
    /// Force-picked words and synonym groups, each one term (category タグ).
    public var entries: [Entry]
    /// Term keys never counted.
    public var stopwords: Set<String>
    /// Count noun compounds (TermExtract's rules) as single terms instead of their parts.
    public var joinsCompounds: Bool

    public init(
        selection: TermSelection = TermSelection(), useSurface: Bool = false, entries: [Entry] = [],
        stopwords: Set<String> = [], joinsCompounds: Bool = false
    ) {
        self.selection = selection
        self.useSurface = useSurface
        self.entries = entries
        self.stopwords = stopwords
        self.joinsCompounds = joinsCompounds
    }

    /// The term each single-token form is renamed to (a synonym written as one word, conjugated
    /// forms included, since the term's dictionary form is compared).
    var renames: [String: String] {
        var renames: [String: String] = [:]
        for entry in entries {
            for form in entry.forms where renames[form] == nil { renames[form] = entry.term }
        }
        return renames
    }
}
