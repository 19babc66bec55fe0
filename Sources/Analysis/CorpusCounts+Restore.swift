extension CorpusCounts {
    /// Adds the totals of one term, as written in a partial file by another process.
    public mutating func addTerm(
        _ term: Term, frequency: Int, documents: Int, sentences: Int, units: Int, forms: [String: Int]
    ) {
        let id = id(for: term)
        termFrequency[Int(id)] += frequency
        documentFrequency[Int(id)] += documents
        sentenceFrequency[Int(id)] += sentences
        if countsLargerUnits { largerUnitFrequency[Int(id)] += units }
        if !forms.isEmpty { termForms[id, default: [:]].merge(forms, uniquingKeysWith: +) }
    }

    /// Adds the sentences two terms share, as written in a partial file.
    public mutating func addPair(_ first: Term, _ second: Term, sentences: Int) {
        pairUnits.add(PairKey(id(for: first), id(for: second)), sentences)
    }

    /// Adds occurrences of a term in a group, as written in a partial file.
    public mutating func addGroupTerm(_ term: Term, group: String, count: Int) {
        let id = id(for: term)
        groupTerms[group, default: [:]][id, default: 0] += count
    }

    /// Adds a group's term occurrences in all.
    public mutating func addGroupTotal(group: String, count: Int) {
        groupTotals[group, default: 0] += count
    }

    /// Adds a group's sentences and, per theme, its sentences where the theme occurs.
    public mutating func addGroupSentences(group: String, sentences: Int, themeSentences: [Int]) {
        groupSentences[group, default: 0] += sentences
        var themes = groupThemeSentences[group] ?? Array(repeating: 0, count: themeNames.count)
        for (theme, count) in themeSentences.enumerated() where theme < themes.count { themes[theme] += count }
        groupThemeSentences[group] = themes
    }

    /// Adds sentences where themes `first` and `second` (indices, first < second) both occur.
    public mutating func addThemePair(_ first: Int, _ second: Int, sentences: Int) {
        guard first < second, second < themeNames.count else { return }
        themePairSentences[first][second] += sentences
    }

    /// Adds sentences where theme `theme` (an index) occurs with `term`, as written in a partial.
    public mutating func addThemeTerm(_ theme: Int, _ term: Term, sentences: Int) {
        guard themeNames.indices.contains(theme) else { return }
        themeTermSentences[theme][id(for: term), default: 0] += sentences
    }

    /// Adds how often `term` stood at each distance from word `word` (an index), from a partial.
    public mutating func addCollocates(word: Int, term: Term, left: [Int], right: [Int]) {
        let span = Self.collocationSpan
        guard words.indices.contains(word), left.count == span, right.count == span else { return }
        collocates[word][id(for: term), default: Collocates()].add(Collocates(left: left, right: right))
    }

    /// Adds occurrences of a compound-noun candidate.
    public mutating func addCompound(_ nouns: [String], count: Int) {
        addCompound(CompoundKey(nouns: nouns), count: count)
    }

    /// Adds a document's summary, with its terms (its other counts are added separately, with
    /// `addTotals`).
    public mutating func addSummary(_ summary: DocumentSummary) {
        var summary = summary
        documentTerms.append(unsorted: summary.terms.map { Self.pack(id(for: $0.term), $0.count) })
        summary.terms = []
        documents.append(summary)
    }

    /// The summary of document `index` (of `documents`) with its terms filled in, sorted by term,
    /// as partial files write it.
    public func summaryWithTerms(ofDocument index: Int) -> DocumentSummary {
        var summary = documents[index]
        summary.terms = terms(ofDocument: index).map { TermCount(term: terms[Int($0.id)], count: $0.count) }
            .sorted { $0.term < $1.term }
        return summary
    }

    /// The corpus totals, as one value, for partial files.
    public struct Totals: Sendable, Codable, Equatable {
        public var documents: Int
        public var sentences: Int
        /// Co-occurrence units.
        public var units: Int
        public var paragraphs: Int
        public var tokens: Int
        public var termTokens: Int
        public var themeOccurrences: [Int]
        public var themeSentences: [Int]
        public var themeDocuments: [Int]
        /// Occurrences of each word looked for (absent in partials without words).
        public var wordOccurrences: [Int]?

        public init(
            documents: Int, sentences: Int, units: Int, paragraphs: Int, tokens: Int, termTokens: Int,
            themeOccurrences: [Int], themeSentences: [Int], themeDocuments: [Int], wordOccurrences: [Int]?
        ) {
            self.documents = documents
            self.sentences = sentences
            self.units = units
            self.paragraphs = paragraphs
            self.tokens = tokens
            self.termTokens = termTokens
            self.themeOccurrences = themeOccurrences
            self.themeSentences = themeSentences
            self.themeDocuments = themeDocuments
            self.wordOccurrences = wordOccurrences
        }
    }

    public var totals: Totals {
        Totals(
            documents: documentCount, sentences: sentenceCount, units: unitCount, paragraphs: paragraphCount,
            tokens: tokenCount,
            termTokens: termTokenCount, themeOccurrences: themeOccurrences, themeSentences: themeSentences,
            themeDocuments: themeDocuments, wordOccurrences: words.isEmpty ? nil : wordOccurrences)
    }

    /// Adds corpus totals read from a partial file.
    public mutating func addTotals(_ totals: Totals) {
        precondition(totals.themeOccurrences.count == themeNames.count, "totals of another theme set")
        documentCount += totals.documents
        sentenceCount += totals.sentences
        if countsLargerUnits { largerUnitCount += totals.units }
        for (word, count) in (totals.wordOccurrences ?? []).enumerated() where words.indices.contains(word) {
            wordOccurrences[word] += count
        }
        paragraphCount += totals.paragraphs
        tokenCount += totals.tokens
        termTokenCount += totals.termTokens
        for theme in themeNames.indices {
            themeOccurrences[theme] += totals.themeOccurrences[theme]
            themeSentences[theme] += totals.themeSentences[theme]
            themeDocuments[theme] += totals.themeDocuments[theme]
        }
    }
}

extension CorpusCounts {
    /// A document's terms and counts, interned in these counts: what `addSummary(_:packedTerms:)`
    /// takes, kept compact while a merge waits for the document's summary.
    public struct PackedTerms: Sendable {
        fileprivate var packed: [UInt64]
    }

    /// Interns `terms` and packs them with their counts.
    public mutating func packTerms(_ terms: [(Term, Int)]) -> PackedTerms {
        PackedTerms(packed: terms.map { Self.pack(id(for: $0.0), $0.1) })
    }

    /// Adds a document's summary (its `terms` ignored) with its terms, packed by `packTerms`.
    public mutating func addSummary(_ summary: DocumentSummary, packedTerms: PackedTerms) {
        var summary = summary
        summary.terms = []
        documentTerms.append(unsorted: packedTerms.packed)
        documents.append(summary)
    }
}
