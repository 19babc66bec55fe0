import Tokenization

/// One worker's analysis: turns tokenized sentences into terms and theme occurrences and adds
/// them to the worker's `CorpusCounts`.
///
/// A known word's term (lemma and category) depends only on its dictionary entry, so it is
/// decided once per entry and kept by the entry's features object (which MeCab's tagger shares
/// between all tokens of the entry), as a term id in `counts`. Only unknown words, whose lemma is
/// their surface, are looked up by text each time. Not thread safe: one per worker.
public struct CorpusAnalyzer {
    public private(set) var counts: CorpusCounts
    private let extractor = TermExtractor()
    private let matcher: ThemeMatcher
    /// Term id by dictionary entry; -1 marks an entry that is not a term.
    private var entryTermIDs: [ObjectIdentifier: Int32] = [:]

    public init(themes: [Theme]) {
        counts = CorpusCounts(themeNames: themes.map(\.name))
        matcher = ThemeMatcher(themes: themes)
    }

    /// Adds one document: its summary and its sentences with their tokens.
    public mutating func add(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token])]) {
        var analyzed: [CorpusCounts.SentenceTerms] = []
        analyzed.reserveCapacity(sentences.count)
        for sentence in sentences {
            var ids: [Int32] = []
            ids.reserveCapacity(sentence.tokens.count)
            for token in sentence.tokens {
                if let id = termID(for: token) { ids.append(id) }
            }
            analyzed.append(
                CorpusCounts.SentenceTerms(
                    termIDs: ids, themeOccurrences: matcher.occurrences(in: sentence.text, tokens: sentence.tokens)))
        }
        counts.add(summary, sentences: analyzed)
    }

    private mutating func termID(for token: Token) -> Int32? {
        guard !token.isUnknown, token.features.baseForm != nil else {
            return extractor.term(for: token).map { counts.id(for: $0) }
        }
        let entry = ObjectIdentifier(token.features)
        if let cached = entryTermIDs[entry] {
            guard cached >= 0 else { return nil }
            // The category is the entry's; a surface made only of symbols is still refused.
            return TermExtractor.isSymbolOnly(token.surface) ? nil : cached
        }
        guard let category = extractor.category(of: token) else {
            entryTermIDs[entry] = -1
            return nil
        }
        let id = counts.id(for: Term(text: token.lemma, partOfSpeech: category))
        entryTermIDs[entry] = id
        return TermExtractor.isSymbolOnly(token.surface) ? nil : id
    }
}
