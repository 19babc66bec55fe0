import Corpus

/// One row of `documents.csv`: what a document is, where it came from and how much of it there was.
public struct DocumentSummary: Sendable, Equatable, Codable {
    /// For a row of a table: its number among the data rows, from 1.
    public var record: Int?
    public var path: String
    /// The encoding the input was read in (`UTF-8`, `CP932` …).
    public var encoding: String
    /// Document variables (table columns, metadata), in their columns' order.
    public var variables: [DocumentVariable]
    public var byteCount: Int
    public var sha256: String
    /// Characters of the decoded text, as Unicode code points (what Python's `len` counts).
    public var characterCount: Int
    public var paragraphCount: Int
    public var footnoteCount: Int
    public var sentenceCount: Int
    /// Tokens MeCab produced, symbols and particles included.
    public var tokenCount: Int
    /// Tokens kept as terms.
    public var termCount: Int
    /// Per theme: occurrences, and sentences with at least one occurrence.
    public var themeOccurrences: [Int]
    public var themeSentences: [Int]
    /// The document's speakers, in order of their first turn.
    public var speakers: [SpeakerSummary]
    /// How often each term occurs in the document (filled in when counted), in no order.
    public var terms: [TermCount]
    /// The document's concordance lines: every theme and word found, in text order.
    public var kwic: [KwicLine]

    public init(
        record: Int? = nil, path: String, encoding: String = "UTF-8", variables: [DocumentVariable] = [],
        byteCount: Int, sha256: String, characterCount: Int, paragraphCount: Int, footnoteCount: Int = 0,
        tokenCount: Int, speakers: [SpeakerSummary] = []
    ) {
        self.record = record
        self.path = path
        self.encoding = encoding
        self.variables = variables
        self.byteCount = byteCount
        self.sha256 = sha256
        self.characterCount = characterCount
        self.paragraphCount = paragraphCount
        self.footnoteCount = footnoteCount
        self.tokenCount = tokenCount
        self.speakers = speakers
        sentenceCount = 0
        termCount = 0
        themeOccurrences = []
        themeSentences = []
        terms = []
        kwic = []
    }

    /// Documents sort by path (UTF-8 bytes, the order inputs are read in), then by row: the same
    /// order however the corpus was split between workers, shards or machines.
    public static func inRunOrder(_ lhs: DocumentSummary, _ rhs: DocumentSummary) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        return (lhs.record ?? 0) < (rhs.record ?? 0)
    }
}

/// What one speaker said in one document.
public struct SpeakerSummary: Sendable, Equatable, Codable {
    public var name: String
    /// Turns: each label opens one.
    public var turns: Int
    public var paragraphs: Int
    public var sentences: Int
    /// Characters of the speaker's normalized sentences, as Unicode code points.
    public var characters: Int

    public init(name: String, turns: Int = 0, paragraphs: Int = 0, sentences: Int = 0, characters: Int = 0) {
        self.name = name
        self.turns = turns
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.characters = characters
    }
}

/// A term and how often it occurred.
public struct TermCount: Sendable, Equatable, Codable {
    public var term: Term
    public var count: Int

    public init(term: Term, count: Int) {
        self.term = term
        self.count = count
    }
}
