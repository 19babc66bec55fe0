/// What one sentence contributes to the counts: its terms in text order and its theme occurrences.
public struct SentenceAnalysis: Sendable {
    /// The sentence's terms, repeated as often as they occur.
    public var terms: [Term]
    /// Per term, the index of its first token in the sentence (see `DocumentAnalysis.Sentence`).
    public var positions: [Int32]?
    /// The sentence's tokens, terms or not; `nil`: as many as terms.
    public var tokenCount: Int?
    /// Occurrences of each theme, indexed like the run's themes.
    public var themeOccurrences: [Int]
    /// Where the sentence stands (paragraph, turn, section); by default all in one paragraph.
    public var place: SentencePlace
    /// Occurrences of the themes and the words looked for.
    public var hits: [DocumentAnalysis.Hit]

    public init(
        terms: [Term], positions: [Int32]? = nil, tokenCount: Int? = nil, themeOccurrences: [Int],
        place: SentencePlace = SentencePlace(), hits: [DocumentAnalysis.Hit] = []
    ) {
        self.terms = terms
        self.positions = positions
        self.tokenCount = tokenCount
        self.themeOccurrences = themeOccurrences
        self.place = place
        self.hits = hits
    }
}
