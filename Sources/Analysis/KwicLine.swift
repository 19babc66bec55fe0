/// One line of the concordance (`kwic.csv`): a theme or word found in a sentence, shown in the
/// original text with the characters around it.
public struct KwicLine: Sendable, Equatable, Codable {
    /// The paragraph and sentence in the document, from 1.
    public var paragraph: Int
    public var sentence: Int
    public var speaker: String?
    /// The theme or word found.
    public var match: String
    /// The original text before the match, the match as written, and the text after it; line
    /// breaks show as spaces.
    public var left: String
    public var keyword: String
    public var right: String
    /// The match's place in the original document, in Unicode code points.
    public var start: Int
    public var end: Int

    public init(
        paragraph: Int, sentence: Int, speaker: String?, match: String, left: String, keyword: String, right: String,
        start: Int, end: Int
    ) {
        self.paragraph = paragraph
        self.sentence = sentence
        self.speaker = speaker
        self.match = match
        self.left = left
        self.keyword = keyword
        self.right = right
        self.start = start
        self.end = end
    }
}
