/// A paragraph of a document with its place in the document's structure: the unit between a
/// document and its sentences.
public struct Paragraph: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Running text.
        case body
        /// A heading, which also opens a section.
        case heading(level: Int)
        /// The body of a footnote (`※1 …`), kept as a record of its own.
        case footnote(id: String)
    }

    public var kind: Kind
    /// The speaker whose turn the paragraph belongs to (`西川区長`), without the mark.
    public var speaker: String?
    /// The turn's number in the document, from 1; a new number starts at each speaker label.
    public var turn: Int?
    /// The title of the innermost heading above the paragraph.
    public var section: String?
    public var text: TracedText

    public init(
        kind: Kind = .body, speaker: String? = nil, turn: Int? = nil, section: String? = nil, text: TracedText
    ) {
        self.kind = kind
        self.speaker = speaker
        self.turn = turn
        self.section = section
        self.text = text
    }
}
