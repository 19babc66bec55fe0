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
public enum CooccurrenceUnit: String, Sendable, Codable, CaseIterable {
    case sentence
    case paragraph
    case turn
    case section
    case document

    /// The key of `place`'s unit within its document: consecutive sentences with the same key
    /// are one unit.
    func key(_ place: SentencePlace, sentence: Int) -> Int {
        switch self {
        case .sentence: sentence
        case .paragraph: place.paragraph
        case .turn: place.turn.map { -1 - $0 } ?? place.paragraph
        case .section: place.section
        case .document: 0
        }
    }
}
