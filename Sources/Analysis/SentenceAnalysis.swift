/// What one sentence contributes to the counts: its terms in text order and its theme occurrences.
public struct SentenceAnalysis: Sendable {
    /// The sentence's terms, repeated as often as they occur.
    public var terms: [Term]
    /// Occurrences of each theme, indexed like the run's themes.
    public var themeOccurrences: [Int]

    public init(terms: [Term], themeOccurrences: [Int]) {
        self.terms = terms
        self.themeOccurrences = themeOccurrences
    }
}
