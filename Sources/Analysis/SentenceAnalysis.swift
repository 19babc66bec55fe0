/// What one sentence contributes to the counts: its terms in text order and its theme occurrences.
public struct SentenceAnalysis: Sendable {
    /// The sentence's terms, repeated as often as they occur.
    public var terms: [Term]
    /// Occurrences of each theme, indexed like the run's themes.
    public var themeOccurrences: [Int]
    /// Where the sentence stands (paragraph, turn, section); by default all in one paragraph.
    public var place: SentencePlace

    public init(terms: [Term], themeOccurrences: [Int], place: SentencePlace = SentencePlace()) {
        self.terms = terms
        self.themeOccurrences = themeOccurrences
        self.place = place
    }
}
