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
}
