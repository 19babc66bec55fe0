/// A paragraph of a document, with the speaker whose turn it belongs to, if the text is a
/// transcript with speaker marks (○西川区長, ●司会).
public struct Paragraph: Sendable, Equatable {
    /// The speaker's label without its mark (`西川区長`), or `nil` outside any turn.
    public var speaker: String?
    /// The paragraph's text, one line, without the speaker label.
    public var text: String

    public init(speaker: String?, text: String) {
        self.speaker = speaker
        self.text = text
    }
}
