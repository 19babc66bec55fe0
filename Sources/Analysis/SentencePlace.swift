/// Where a sentence stands in its document: its paragraph, speaker turn and section, so that
/// co-occurrence can be counted in any of these units (`CooccurrenceUnit`).
public struct SentencePlace: Sendable, Equatable, Hashable {
    /// The speaker of the sentence's paragraph, if any.
    public var speaker: String?
    /// The paragraph's index in the document, from 0.
    public var paragraph: Int
    /// The speaker turn the paragraph belongs to (numbered within the document), if any.
    public var turn: Int?
    /// The section's index in the document: 0 before the first heading, then one more at every
    /// change of section.
    public var section: Int

    public init(speaker: String? = nil, paragraph: Int = 0, turn: Int? = nil, section: Int = 0) {
        self.speaker = speaker
        self.paragraph = paragraph
        self.turn = turn
        self.section = section
    }
}

/// The unit co-occurrence is counted in (`--unit`): two terms co-occur once in every unit that
/// holds both, as KH Coder's 集計単位 (文, 段落, H1–H5) and quanteda's `fcm(context = "document")`.
/// A speaker turn is a run of paragraphs by one speaker; paragraphs outside any turn count as
/// units of their own there.
///
/// `window` units are every run of `CorpusCounts.window` + 1 consecutive tokens of a document (a
/// sliding window; the whole document when it is shorter), tokens that are no term included (as
/// quanteda's padding keeps their places): two terms co-occur in a window exactly when they
/// stand at most `window` tokens apart, and in more windows the nearer they stand (N + 1 − d at
/// distance d). Counting presence per window keeps the 2×2 table a real one (a ≤ both margins),
/// so every measure means what it means for sentences; quanteda's `fcm(context = "window")`
/// counts pairs of occurrences instead, which can exceed either term's frequency.
public enum CooccurrenceUnit: String, Sendable, Codable, CaseIterable {
    case sentence
    case paragraph
    case turn
    case section
    case document
    case window

    /// The key of `place`'s unit within its document: consecutive sentences with the same key
    /// are one unit.
    func key(_ place: SentencePlace, sentence: Int) -> Int {
        switch self {
        case .sentence: sentence
        case .paragraph: place.paragraph
        case .turn: place.turn.map { -1 - $0 } ?? place.paragraph
        case .section: place.section
        case .document, .window: 0
        }
    }
}
