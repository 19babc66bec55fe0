/// One row of `documents.csv`: what a document is and how much of it there was.
public struct DocumentSummary: Sendable, Equatable {
    /// Position of the document in the run's sorted input list, from 1.
    public var id: Int
    public var path: String
    public var byteCount: Int
    public var sha256: String
    /// Characters (extended grapheme clusters) of the decoded text.
    public var characterCount: Int
    public var paragraphCount: Int
    public var sentenceCount: Int
    /// Tokens MeCab produced, symbols and particles included.
    public var tokenCount: Int
    /// Tokens kept as terms.
    public var termCount: Int
    /// Per theme: occurrences, and sentences with at least one occurrence.
    public var themeOccurrences: [Int]
    public var themeSentences: [Int]

    public init(
        id: Int, path: String, byteCount: Int, sha256: String, characterCount: Int,
        paragraphCount: Int, tokenCount: Int
    ) {
        self.id = id
        self.path = path
        self.byteCount = byteCount
        self.sha256 = sha256
        self.characterCount = characterCount
        self.paragraphCount = paragraphCount
        self.tokenCount = tokenCount
        sentenceCount = 0
        termCount = 0
        themeOccurrences = []
        themeSentences = []
    }
}
