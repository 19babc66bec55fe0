import Testing

@testable import Analysis

/// Counts checked against hand-computed values.
struct CorpusCountsTests {
    static let chiiki = Term(text: "地域", partOfSpeech: "名詞")
    static let kassei = Term(text: "活性", partOfSpeech: "名詞")
    static let shien = Term(text: "支援", partOfSpeech: "サ変名詞")
    static let suru = Term(text: "する", partOfSpeech: "動詞B")
    static let kigyou = Term(text: "企業", partOfSpeech: "名詞")
    static let susumu = Term(text: "進む", partOfSpeech: "動詞")

    /// Two documents, three sentences:
    /// A: 地域の活性化を支援する。地域の企業を支援する。  B: 企業の活性化が進む。
    static let documentA: [SentenceAnalysis] = [
        SentenceAnalysis(terms: [chiiki, kassei, shien, suru], themeOccurrences: [1]),
        SentenceAnalysis(terms: [chiiki, kigyou, shien, suru], themeOccurrences: [0]),
    ]
    static let documentB: [SentenceAnalysis] = [
        SentenceAnalysis(terms: [kigyou, kassei, susumu], themeOccurrences: [0])
    ]

    static func summary(_ id: Int) -> DocumentSummary {
        DocumentSummary(
            path: "\(id).txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0)
    }

    static func counts(_ documents: [(Int, [SentenceAnalysis])]) -> CorpusCounts {
        var counts = CorpusCounts(themeNames: ["地域活性化"])
        for (id, sentences) in documents { counts.add(summary(id), sentences: sentences) }
        return counts
    }

    func value(_ counts: CorpusCounts, _ term: Term, _ keyPath: KeyPath<CorpusCounts, [Int]>) -> Int? {
        counts.id(of: term).map { counts[keyPath: keyPath][Int($0)] }
    }

    func pair(_ counts: CorpusCounts, _ a: Term, _ b: Term) -> Int {
        guard let x = counts.id(of: a), let y = counts.id(of: b) else { return 0 }
        return counts.pairUnits[CorpusCounts.PairKey(x, y)]
    }

    @Test func termDocumentAndSentenceFrequencies() {
        let counts = Self.counts([(1, Self.documentA), (2, Self.documentB)])
        #expect(counts.documentCount == 2)
        #expect(counts.sentenceCount == 3)
        #expect(counts.termTokenCount == 11)
        for (term, tf, df, sf) in [
            (Self.chiiki, 2, 1, 2), (Self.kassei, 2, 2, 2), (Self.shien, 2, 1, 2), (Self.suru, 2, 1, 2),
            (Self.kigyou, 2, 2, 2), (Self.susumu, 1, 1, 1),
        ] {
            #expect(value(counts, term, \.termFrequency) == tf, "\(term)")
            #expect(value(counts, term, \.documentFrequency) == df, "\(term)")
            #expect(value(counts, term, \.sentenceFrequency) == sf, "\(term)")
        }
    }

    /// Terms are found by their bytes in NFC (`TermKey`): a term written decomposed is the same
    /// term as written composed, as `String`'s equality says, and a different one is not.
    @Test func termsCanonicallyEqualShareAnIDAndOthersDoNot() {
        let composed = Term(text: "ガス", partOfSpeech: "名詞")
        let decomposed = Term(text: "カ\u{3099}ス", partOfSpeech: "名詞")
        #expect(composed == decomposed && !composed.text.utf8.elementsEqual(decomposed.text.utf8))
        var counts = CorpusCounts(themeNames: [])
        counts.add(Self.summary(1), sentences: [SentenceAnalysis(terms: [composed, Self.chiiki], themeOccurrences: [])])
        counts.add(Self.summary(2), sentences: [SentenceAnalysis(terms: [decomposed], themeOccurrences: [])])
        #expect(counts.terms.count == 2)
        #expect(value(counts, decomposed, \.termFrequency) == 2)
        #expect(value(counts, decomposed, \.documentFrequency) == 2)
        #expect(counts.id(of: Term(text: "ガス", partOfSpeech: "動詞")) == nil)
        #expect(counts.id(of: Term(text: "カス", partOfSpeech: "名詞")) == nil)
    }

    @Test func pairsCountSentencesWithBothTerms() {
        let counts = Self.counts([(1, Self.documentA), (2, Self.documentB)])
        // 6 pairs in each of the first two sentences, 3 in the third; 3 pairs are shared.
        #expect(counts.pairUnits.count == 12)
        #expect(pair(counts, Self.chiiki, Self.shien) == 2)
        #expect(pair(counts, Self.shien, Self.chiiki) == 2)
        #expect(pair(counts, Self.chiiki, Self.kassei) == 1)
        #expect(pair(counts, Self.kigyou, Self.susumu) == 1)
        #expect(pair(counts, Self.chiiki, Self.susumu) == 0)
    }

    @Test func aTermRepeatedInASentenceCountsOncePerPairAndSentence() {
        var counts = CorpusCounts(themeNames: [])
        counts.add(
            Self.summary(1),
            sentences: [SentenceAnalysis(terms: [Self.chiiki, Self.chiiki, Self.kassei, Self.chiiki], themeOccurrences: [])])
        #expect(value(counts, Self.chiiki, \.termFrequency) == 3)
        #expect(value(counts, Self.chiiki, \.sentenceFrequency) == 1)
        #expect(pair(counts, Self.chiiki, Self.kassei) == 1)
        #expect(counts.pairUnits.count == 1)
    }

    @Test func themeTotals() {
        let counts = Self.counts([(1, Self.documentA), (2, Self.documentB)])
        #expect(counts.themeOccurrences == [1])
        #expect(counts.themeSentences == [1])
        #expect(counts.themeDocuments == [1])
        #expect(counts.sortedDocuments.map(\.themeOccurrences) == [[1], [0]])
    }

    @Test func mergingGivesTheSameCountsWhateverTheSplit() {
        let whole = Self.counts([(1, Self.documentA), (2, Self.documentB)])
        var merged = Self.counts([(2, Self.documentB)])
        merged.merge(Self.counts([(1, Self.documentA)]))
        for term in [Self.chiiki, Self.kassei, Self.shien, Self.suru, Self.kigyou, Self.susumu] {
            #expect(value(merged, term, \.termFrequency) == value(whole, term, \.termFrequency))
            #expect(value(merged, term, \.documentFrequency) == value(whole, term, \.documentFrequency))
            #expect(value(merged, term, \.sentenceFrequency) == value(whole, term, \.sentenceFrequency))
            for other in [Self.chiiki, Self.kassei, Self.shien, Self.suru, Self.kigyou, Self.susumu] {
                #expect(pair(merged, term, other) == pair(whole, term, other))
            }
        }
        #expect(merged.pairUnits.count == whole.pairUnits.count)
        // Summaries with their terms (sorted by term), in run order.
        func summaries(_ counts: CorpusCounts) -> [DocumentSummary] {
            counts.sortedDocumentIndices.map(counts.summaryWithTerms(ofDocument:))
        }
        #expect(summaries(merged) == summaries(whole))
        #expect(summaries(whole)[0].terms.count == 5)  // 地域, 活性, 支援, する, 企業
        #expect(merged.themeOccurrences == whole.themeOccurrences)
    }

    /// A run's merge in its three steps, the documents taken out and added on another thread
    /// while the counts are added (`Pipeline.mergeAllButPairs(_:into:)`), gives what the merge in
    /// one step gives: the same terms, counts, summaries and each document's terms, in order.
    @Test func theMergeInStepsWithTheDocumentsAsideIsTheMergeInOne() async {
        let parts = [
            Self.counts([(1, Self.documentA)]), Self.counts([(2, Self.documentB)]),
            Self.counts([(3, Self.documentB), (4, Self.documentA)]),
        ]
        var oneStep = parts[0]
        for part in parts.dropFirst() { oneStep.mergeAllButPairs(part) }
        var steps = parts[0]
        var documents = steps.takeDocuments()
        #expect(steps.documents.isEmpty)
        for part in parts.dropFirst() {
            let mapping = steps.addTerms(of: part)
            let aside = documents
            let added = Task.detached {
                var moved = aside
                moved.append(part, mapping: mapping)
                return moved
            }
            steps.mergeCounts(of: part, mapping: mapping)
            documents = await added.value
        }
        steps.restoreDocuments(documents)
        #expect(steps.terms == oneStep.terms)
        #expect(steps.termFrequency == oneStep.termFrequency)
        #expect(steps.documentFrequency == oneStep.documentFrequency)
        #expect(steps.documents.map(\.path) == ["1.txt", "2.txt", "3.txt", "4.txt"])
        #expect(steps.documents == oneStep.documents)
        for index in 0..<4 {
            #expect(steps.summaryWithTerms(ofDocument: index) == oneStep.summaryWithTerms(ofDocument: index))
        }
        #expect(steps.summaryWithTerms(ofDocument: 3).terms.count == 5)
    }

    /// The pair vocabulary of merged counts (frequencies 地域 2, 活性 2, 支援 2, する 2, 企業 2,
    /// 進む 1: the ties go by term), for every size; and a run's merge (everything but the pairs,
    /// the vocabulary of those merged counts, each part's pairs among it, then the pairs, with
    /// the ids mapped once) keeps the pairs that restricting the whole merge keeps.
    @Test func pairsMergedAfterTheVocabularyAreTheMergedOnes() {
        let parts = [Self.counts([(1, Self.documentA)]), Self.counts([(2, Self.documentB)])]
        var merged = parts[0]
        merged.merge(parts[1])
        #expect(merged.pairVocabulary(size: 5) == [Self.chiiki, Self.kassei, Self.shien, Self.suru, Self.kigyou])
        for size in 6...7 { #expect(merged.pairVocabulary(size: size).count == 6) }
        let vocabulary = merged.pairVocabulary(size: 3)
        var early = parts[0]
        let mapping = early.mergeAllButPairs(parts[1])
        #expect(early.pairVocabulary(size: 3) == vocabulary)
        early.countPairs(.terms(vocabulary))
        var second = parts[1]
        second.countPairs(.terms(vocabulary))
        early.mergePairs(of: second, mapping: mapping)
        var late = merged
        late.countPairs(.terms(vocabulary))
        let pairs = { (counts: CorpusCounts) in
            Set(counts.pairUnits.map { "\(counts.terms[Int($0.key.first)].text)|\(counts.terms[Int($0.key.second)].text)|\($0.value)" })
        }
        #expect(pairs(early).count == 3)
        #expect(pairs(early).count == pairs(late).count)
        #expect(Set(pairs(early).map { $0.split(separator: "|").sorted() }) == Set(pairs(late).map { $0.split(separator: "|").sorted() }))
    }

    /// Counts that keep their units (`deferPairs`) count, once told the vocabulary, the pairs of
    /// counting every pair and then restricting to it; by hand, among 地域, 活性 and 企業 (the
    /// three most frequent, ties by term): 地域–活性 1 (A's first sentence), 地域–企業 1 (A's
    /// second), 活性–企業 1 (B). Kept units survive a merge, into counts that keep theirs or into
    /// counts that count, and `.none` drops them. Their room is a pair's for every 16 bytes.
    @Test func deferredPairsAreThoseOfTheVocabulary() {
        func deferring(_ documents: [(Int, [SentenceAnalysis])]) -> CorpusCounts {
            var counts = CorpusCounts(themeNames: ["地域活性化"])
            counts.deferPairs()
            for (id, sentences) in documents { counts.add(Self.summary(id), sentences: sentences) }
            return counts
        }
        let vocabulary: Set<Term> = [Self.chiiki, Self.kassei, Self.kigyou]
        var restricted = Self.counts([(1, Self.documentA), (2, Self.documentB)])
        restricted.countPairs(.terms(vocabulary))
        let expected: [(Term, Term, Int)] = [
            (Self.chiiki, Self.kassei, 1), (Self.chiiki, Self.kigyou, 1), (Self.kassei, Self.kigyou, 1),
            (Self.chiiki, Self.shien, 0), (Self.kigyou, Self.susumu, 0),
        ]
        var whole = deferring([(1, Self.documentA), (2, Self.documentB)])
        #expect(whole.pairUnits.isEmpty && whole.deferringPairs)
        // Three units of 4, 4 and 3 ids, each with its length and times, a byte each: 17 bytes,
        // one pair's room.
        #expect(whole.pairRoom == 1)
        var mergedDeferring = deferring([(2, Self.documentB)])
        mergedDeferring.merge(deferring([(1, Self.documentA)]))
        var mergedCounting = Self.counts([(2, Self.documentB)])
        mergedCounting.merge(deferring([(1, Self.documentA)]))
        mergedCounting.countPairs(.terms(vocabulary))
        whole.countPairs(.terms(vocabulary))
        mergedDeferring.countPairs(.terms(vocabulary))
        for counts in [whole, mergedDeferring, mergedCounting, restricted] {
            #expect(!counts.deferringPairs && counts.pairUnits.count == 3)
            for (a, b, count) in expected { #expect(pair(counts, a, b) == count, "\(a.text)–\(b.text)") }
        }
        var dropped = deferring([(1, Self.documentA)])
        dropped.countPairs(.none)
        #expect(dropped.pairUnits.isEmpty && dropped.pairRoom == 0)
    }
}
