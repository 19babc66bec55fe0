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

    /// One sentence: its terms as indices into `entries`, its theme occurrences, its place
    /// (speaker, paragraph, turn, section).
    public struct Sentence: Sendable, Equatable {
        public var terms: [Int32]
        /// Occurrences of each theme, indexed like the run's themes.
        public var themeOccurrences: [Int]
        public var place: SentencePlace

        /// The speaker of the sentence's paragraph, if any.
        public var speaker: String? { place.speaker }

        public init(terms: [Int32], themeOccurrences: [Int], place: SentencePlace = SentencePlace()) {
            self.terms = terms
            self.themeOccurrences = themeOccurrences
            self.place = place
        }
    }

    public var summary: DocumentSummary
    public var entries: [Entry]
    public var sentences: [Sentence]
    /// Compound-noun candidates (their nouns) and how often each occurred.
    public var compounds: [[String]: Int]

    public init(summary: DocumentSummary, entries: [Entry], sentences: [Sentence], compounds: [[String]: Int] = [:]) {
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
                themeOccurrences: sentence.themeOccurrences, place: sentence.place)
        }
        self.init(summary: summary, entries: entries, sentences: converted)
    }
}
