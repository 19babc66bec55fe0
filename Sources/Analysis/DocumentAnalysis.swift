/// Everything one document contributes to the counts, in a form that can be cached and counted
/// later: its summary, the distinct terms it uses, and per sentence the terms (in text order) and
/// theme occurrences.
///
/// It is much smaller than the document's own partial counts would be (a sentence with k
/// distinct terms has k² / 2 pairs), and counting it (`CorpusCounts.add`) takes a fraction of the
/// time tokenizing took, so it is what the incremental cache keeps.
public struct DocumentAnalysis: Sendable, Equatable {
    /// A term as it occurred: its key (under which it is counted) and its written form.
    public struct Entry: Hashable, Sendable {
        public var term: Term
        /// The form the text wrote it in; equal to `term.text` unless keys are case-folded.
        public var form: String

        public init(term: Term, form: String) {
            self.term = term
            self.form = form
        }
    }

    /// One sentence: its terms as indices into `entries` with the token each starts at, its
    /// theme occurrences, its place (speaker, paragraph, turn, section), and where the themes
    /// and the words looked for (`--kwic`) were found.
    public struct Sentence: Sendable, Equatable {
        public var terms: [Int32]
        /// Per term, the index of its first token in the sentence. Tokens that are no term
        /// (particles, symbols, stopwords) keep their places, as quanteda's padding does, so
        /// distances in tokens (the window unit, collocations) are the text's.
        public var positions: [Int32]
        /// The sentence's tokens, terms or not.
        public var tokenCount: Int
        /// Occurrences of each theme, indexed like the run's themes.
        public var themeOccurrences: [Int]
        public var place: SentencePlace
        /// Occurrences of the themes and of the words looked for, as token ranges, in text order.
        public var hits: [Hit]

        /// The speaker of the sentence's paragraph, if any.
        public var speaker: String? { place.speaker }

        /// A sentence whose terms stand at `positions` among `tokenCount` tokens; by default
        /// each term is one token and there is nothing between them.
        public init(
            terms: [Int32], positions: [Int32]? = nil, tokenCount: Int? = nil, themeOccurrences: [Int],
            place: SentencePlace = SentencePlace(), hits: [Hit] = []
        ) {
            precondition(positions == nil || positions?.count == terms.count, "one position per term")
            self.terms = terms
            self.positions = positions ?? terms.indices.map { Int32($0) }
            self.tokenCount = tokenCount ?? terms.count
            self.themeOccurrences = themeOccurrences
            self.place = place
            self.hits = hits
        }
    }

    /// An occurrence of a theme or of a word looked for: what was found (an index into the run's
    /// themes followed by its words), and its first and last token in the sentence.
    public struct Hit: Sendable, Equatable {
        public var match: Int
        public var firstToken: Int
        public var lastToken: Int

        public init(match: Int, firstToken: Int, lastToken: Int) {
            self.match = match
            self.firstToken = firstToken
            self.lastToken = lastToken
        }
    }

    public var summary: DocumentSummary
    public var entries: [Entry]
    public var sentences: [Sentence]
    /// Compound-noun candidates of two nouns or more, and how often each occurred.
    public var compounds: [CompoundKey: Int]

    public init(summary: DocumentSummary, entries: [Entry], sentences: [Sentence], compounds: [CompoundKey: Int] = [:]) {
        self.summary = summary
        self.entries = entries
        self.sentences = sentences
        self.compounds = compounds
    }

    /// An analysis from sentences given as terms (their written form is their key).
    public init(summary: DocumentSummary, sentences: [SentenceAnalysis]) {
        var index: [Term: Int32] = [:]
        var entries: [Entry] = []
        let converted = sentences.map { sentence in
            Sentence(
                terms: sentence.terms.map { term in
                    if let known = index[term] { return known }
                    let new = Int32(entries.count)
                    entries.append(Entry(term: term, form: term.text))
                    index[term] = new
                    return new
                },
                positions: sentence.positions, tokenCount: sentence.tokenCount,
                themeOccurrences: sentence.themeOccurrences, place: sentence.place, hits: sentence.hits)
        }
        self.init(summary: summary, entries: entries, sentences: converted)
    }
}
