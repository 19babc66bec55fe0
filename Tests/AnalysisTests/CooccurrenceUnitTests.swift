import Testing

@testable import Analysis

/// Co-occurrence per unit, on one document whose units are laid out by hand:
///
///     sentence  terms  paragraph  turn  section
///     0         A B    0          0     0
///     1         A C    0          0     0
///     2         B C    1          0     1
///     3         D      2          –     1
///     4         A D    3          1     1
struct CooccurrenceUnitTests {
    static let sentences: [SentenceAnalysis] = {
        let rows: [([String], Int, Int?, Int)] = [
            (["A", "B"], 0, 0, 0), (["A", "C"], 0, 0, 0), (["B", "C"], 1, 0, 1), (["D"], 2, nil, 1), (["A", "D"], 3, 1, 1),
        ]
        return rows.map { terms, paragraph, turn, section in
            SentenceAnalysis(
                terms: terms.map { Term(text: $0, partOfSpeech: "名詞") }, themeOccurrences: [],
                place: SentencePlace(paragraph: paragraph, turn: turn, section: section))
        }
    }()

    static func counts(_ unit: CooccurrenceUnit, documents: Int = 1) -> CorpusCounts {
        var counts = CorpusCounts(themeNames: [], unit: unit)
        for index in 0..<documents {
            counts.add(
                DocumentSummary(path: "d\(index).txt", byteCount: 1, sha256: "\(index)", characterCount: 1, paragraphCount: 4, tokenCount: 9),
                sentences: sentences)
        }
        return counts
    }

    /// Units, units per term (A B C D) and units per pair, by name ("AB").
    static func summary(_ counts: CorpusCounts) -> (Int, [Int], [String: Int]) {
        let name = { (id: Int32) in counts.terms[Int(id)].text }
        let frequency = ["A", "B", "C", "D"].map { text in
            counts.terms.firstIndex { $0.text == text }.map { counts.unitFrequency[$0] } ?? 0
        }
        var pairs: [String: Int] = [:]
        for (pair, count) in counts.pairUnits {
            pairs[[name(pair.first), name(pair.second)].sorted().joined()] = count
        }
        return (counts.unitCount, frequency, pairs)
    }

    @Test(arguments: [
        (CooccurrenceUnit.sentence, 5, [3, 2, 2, 2], ["AB": 1, "AC": 1, "BC": 1, "AD": 1]),
        (.paragraph, 4, [2, 2, 2, 2], ["AB": 1, "AC": 1, "BC": 2, "AD": 1]),
        (.turn, 3, [2, 1, 1, 2], ["AB": 1, "AC": 1, "BC": 1, "AD": 1]),
        (.section, 2, [2, 2, 2, 1], ["AB": 2, "AC": 2, "BC": 2, "AD": 1, "BD": 1, "CD": 1]),
        (.document, 1, [1, 1, 1, 1], ["AB": 1, "AC": 1, "BC": 1, "AD": 1, "BD": 1, "CD": 1]),
    ])
    func unitsAreCountedAsLaidOut(unit: CooccurrenceUnit, units: Int, frequency: [Int], pairs: [String: Int]) {
        let (count, perTerm, perPair) = Self.summary(Self.counts(unit))
        #expect(count == units)
        #expect(perTerm == frequency)
        #expect(perPair == pairs)
        // Sentence counts do not depend on the unit.
        let counts = Self.counts(unit)
        #expect(counts.sentenceCount == 5 && counts.sentenceFrequency.reduce(0, +) == 9)
    }

    @Test(arguments: CooccurrenceUnit.allCases)
    func unitsAddUpAcrossDocumentsAndMerges(unit: CooccurrenceUnit) {
        let (single, singleTerms, singlePairs) = Self.summary(Self.counts(unit))
        var merged = Self.counts(unit)
        merged.merge(Self.counts(unit))
        let (count, perTerm, perPair) = Self.summary(merged)
        #expect(count == 2 * single)
        #expect(perTerm == singleTerms.map { 2 * $0 })
        #expect(perPair == singlePairs.mapValues { 2 * $0 })
        #expect(Self.summary(Self.counts(unit, documents: 2)).0 == 2 * single)
    }

    /// Windows of 3 tokens (`window` 2) over one document of two sentences (8 and 3 tokens),
    /// with terms at document positions A 0, B 2, C 6 and A 8 (the second sentence's token 0):
    /// 11 tokens give 9 windows [t, t + 2]. A is in windows {0, 6, 7, 8}, B in {0, 1, 2}, C in
    /// {4, 5, 6}; A and B share window 0, A and C window 6 (across the sentence boundary), B and
    /// C none (4 tokens apart).
    @Test func windowsSlideOverTokensAcrossSentences() {
        let term = { (text: String) in Term(text: text, partOfSpeech: "名詞") }
        var counts = CorpusCounts(themeNames: [], unit: .window, window: 2)
        counts.add(
            DocumentSummary(path: "w.txt", byteCount: 1, sha256: "w", characterCount: 1, paragraphCount: 1, tokenCount: 11),
            sentences: [
                SentenceAnalysis(terms: [term("A"), term("B"), term("C")], positions: [0, 2, 6], tokenCount: 8, themeOccurrences: []),
                SentenceAnalysis(terms: [term("A")], positions: [0], tokenCount: 3, themeOccurrences: []),
            ])
        let (units, frequency, pairs) = Self.summary(counts)
        #expect(units == 9)
        #expect(frequency == [4, 3, 3, 0])
        #expect(pairs == ["AB": 1, "AC": 1])
        #expect(counts.unitName == "window:2")
        // A document shorter than a window is one window; an empty one is none.
        var short = CorpusCounts(themeNames: [], unit: .window, window: 5)
        short.add(
            DocumentSummary(path: "s.txt", byteCount: 1, sha256: "s", characterCount: 1, paragraphCount: 1, tokenCount: 3),
            sentences: [SentenceAnalysis(terms: [term("A"), term("B")], positions: [0, 2], tokenCount: 3, themeOccurrences: [])])
        short.add(
            DocumentSummary(path: "e.txt", byteCount: 0, sha256: "e", characterCount: 0, paragraphCount: 0, tokenCount: 0),
            sentences: [])
        #expect(Self.summary(short).0 == 1 && Self.summary(short).2 == ["AB": 1])
    }
}
