import Tokenization

/// One worker's analysis: turns tokenized sentences into terms and theme occurrences and adds
/// them to the worker's `CorpusCounts`.
///
/// A known word's term (lemma and category) depends only on its dictionary entry, so it is
/// decided once per entry and kept by the entry's features object (which MeCab's tagger shares
/// between all tokens of the entry), as a term id in `counts`. Only unknown words, whose lemma is
/// their surface, are looked up by text each time. Terms are counted under their key (`key`, the
/// case fold when that rule is on); the written form is remembered where it differs, for display.
/// Not thread safe: one per worker.
public struct CorpusAnalyzer {
    public private(set) var counts: CorpusCounts
    private let extractor = TermExtractor()
    private let matcher: ThemeMatcher
    private let key: @Sendable (String) -> String
    /// By dictionary entry: the term id, and the written form if it differs from the key; an id
    /// of -1 marks an entry that is not a term.
    private var entries: [ObjectIdentifier: (id: Int32, form: String?)] = [:]

    /// - Parameters:
    ///   - themes: the themes to count, with forms already normalized and keyed like `key`.
    ///   - key: the key a term or text is compared under; identity by default.
    public init(themes: [Theme], key: @escaping @Sendable (String) -> String = { $0 }) {
        counts = CorpusCounts(themeNames: themes.map(\.name))
        matcher = ThemeMatcher(themes: themes, key: key)
        self.key = key
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
            guard let term = extractor.term(for: token) else { return nil }
            return intern(term).id
        }
        let entry = ObjectIdentifier(token.features)
        let cached: (id: Int32, form: String?)
        if let known = entries[entry] {
            cached = known
        } else if let category = extractor.category(of: token) {
            let term = Term(text: token.lemma, partOfSpeech: category)
            let keyed = Term(text: key(term.text), partOfSpeech: category)
            cached = (counts.id(for: keyed), keyed.text == term.text ? nil : term.text)
            entries[entry] = cached
        } else {
            entries[entry] = (-1, nil)
            return nil
        }
        // The category is the entry's; a surface made only of symbols is still refused.
        guard cached.id >= 0, !TermExtractor.isSymbolOnly(token.surface) else { return nil }
        if let form = cached.form { counts.recordForm(form, of: cached.id) }
        return cached.id
    }

    /// The id of `term` under its key, recording the written form if it differs.
    private mutating func intern(_ term: Term) -> (id: Int32, form: String?) {
        let keyed = Term(text: key(term.text), partOfSpeech: term.partOfSpeech)
        let id = counts.id(for: keyed)
        guard keyed.text != term.text else { return (id, nil) }
        counts.recordForm(term.text, of: id)
        return (id, term.text)
    }
}
