import Tokenization

/// One worker's analysis: turns a document's tokenized sentences into a `DocumentAnalysis` (terms
/// and theme occurrences) and adds it to the worker's `CorpusCounts`.
///
/// A known word's term (lemma and category) depends only on its dictionary entry, so it is
/// decided once per entry and kept by the entry's features object (which MeCab's tagger shares
/// between all tokens of the entry). Only unknown words, whose lemma is their surface, are looked
/// up by text each time. Terms are counted under their key (`key`: the case fold when that rule is
/// on); the written form is kept beside it, for display. Not thread safe: one per worker.
public struct CorpusAnalyzer {
    public private(set) var counts: CorpusCounts
    private let extractor = TermExtractor()
    private let matcher: ThemeMatcher
    private let key: @Sendable (String) -> String
    /// Every term entry this worker has seen, and its index.
    private var entries: [DocumentAnalysis.Entry] = []
    private var entryIndex: [DocumentAnalysis.Entry: Int32] = [:]
    /// The entry of each dictionary entry (by its features object); -1 if it is no term.
    private var knownWords: [ObjectIdentifier: Int32] = [:]
    /// Per worker entry, its index in the document being analyzed (-1: not used yet).
    private var local: [Int32] = []

    /// - Parameters:
    ///   - themes: the themes to count, with forms already normalized and keyed like `key`.
    ///   - key: the key a term or text is compared under; identity by default.
    public init(themes: [Theme], key: @escaping @Sendable (String) -> String = { $0 }) {
        counts = CorpusCounts(themeNames: themes.map(\.name))
        matcher = ThemeMatcher(themes: themes, key: key)
        self.key = key
    }

    /// Analyzes one document and adds it to `counts`; returns the analysis, for the cache.
    @discardableResult
    public mutating func add(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token])])
        -> DocumentAnalysis
    {
        let analysis = analyze(summary, sentences: sentences)
        counts.add(analysis)
        return analysis
    }

    /// Adds an analysis made earlier (from the cache).
    public mutating func add(_ analysis: DocumentAnalysis) {
        counts.add(analysis)
    }

    /// The analysis of one document.
    public mutating func analyze(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token])])
        -> DocumentAnalysis
    {
        var used: [DocumentAnalysis.Entry] = []
        var usedWorkerEntries: [Int32] = []
        var analyzed: [DocumentAnalysis.Sentence] = []
        analyzed.reserveCapacity(sentences.count)
        for sentence in sentences {
            var terms: [Int32] = []
            terms.reserveCapacity(sentence.tokens.count)
            for token in sentence.tokens {
                guard let worker = workerEntry(for: token) else { continue }
                if local[Int(worker)] < 0 {
                    local[Int(worker)] = Int32(used.count)
                    used.append(entries[Int(worker)])
                    usedWorkerEntries.append(worker)
                }
                terms.append(local[Int(worker)])
            }
            analyzed.append(
                DocumentAnalysis.Sentence(
                    terms: terms, themeOccurrences: matcher.occurrences(in: sentence.text, tokens: sentence.tokens)))
        }
        for worker in usedWorkerEntries { local[Int(worker)] = -1 }
        return DocumentAnalysis(summary: summary, entries: used, sentences: analyzed)
    }

    /// The worker entry `token` counts as, or `nil` if it is no term.
    private mutating func workerEntry(for token: Token) -> Int32? {
        guard !token.isUnknown, token.features.baseForm != nil else {
            guard let term = extractor.term(for: token) else { return nil }
            return intern(term)
        }
        let identity = ObjectIdentifier(token.features)
        let entry: Int32
        if let known = knownWords[identity] {
            entry = known
        } else {
            if let category = extractor.category(of: token) {
                entry = intern(Term(text: token.lemma, partOfSpeech: category))
            } else {
                entry = -1
            }
            knownWords[identity] = entry
        }
        // The category is the entry's; a surface made only of symbols is still refused.
        guard entry >= 0, !TermExtractor.isSymbolOnly(token.surface) else { return nil }
        return entry
    }

    /// The worker entry of `term` as written, under its key.
    private mutating func intern(_ term: Term) -> Int32 {
        let entry = DocumentAnalysis.Entry(
            term: Term(text: key(term.text), partOfSpeech: term.partOfSpeech), form: term.text)
        if let known = entryIndex[entry] { return known }
        let index = Int32(entries.count)
        entries.append(entry)
        entryIndex[entry] = index
        local.append(-1)
        return index
    }
}
