import Foundation
import Testing

@testable import Analysis
@testable import Reporting

/// Report tables from hand-computed counts: two documents, three sentences,
/// A: 地域の活性化を支援する。地域の企業を支援する。  B: 企業の活性化が進む。
struct ReportsTests {
    static func term(_ text: String, _ pos: String) -> Term { Term(text: text, partOfSpeech: pos) }

    static let counts: CorpusCounts = {
        let chiiki = term("地域", "名詞")
        let kassei = term("活性", "名詞")
        let shien = term("支援", "サ変名詞")
        let suru = term("する", "動詞")
        let kigyou = term("企業", "名詞")
        let susumu = term("進む", "動詞")
        var counts = CorpusCounts(themeNames: ["地域活性化", "観光"])
        counts.add(
            DocumentSummary(
                id: 2, path: "b.txt", byteCount: 30, sha256: "bb", characterCount: 10, paragraphCount: 1,
                tokenCount: 7),
            sentences: [SentenceAnalysis(terms: [kigyou, kassei, susumu], themeOccurrences: [0, 0])])
        counts.add(
            DocumentSummary(
                id: 1, path: "a.txt", byteCount: 69, sha256: "aa", characterCount: 23, paragraphCount: 1,
                tokenCount: 14),
            sentences: [
                SentenceAnalysis(terms: [chiiki, kassei, shien, suru], themeOccurrences: [2, 0]),
                SentenceAnalysis(terms: [chiiki, kigyou, shien, suru], themeOccurrences: [0, 0]),
            ])
        return counts
    }()

    func text(_ table: CSVTable) -> [[String]] {
        table.rows.map { row in
            row.map { cell in
                switch cell {
                case .text(let value): value
                case .integer(let value): String(value)
                case .decimal(let value): CSVTable.format(value)
                }
            }
        }
    }

    @Test func termFrequencyIsRankedWithTiesSharingTheLowestRank() {
        let table = Reports.termFrequency(Self.counts)
        #expect(table.header == ["rank", "term", "pos", "term_count", "doc_count", "doc_ratio", "sentence_count"])
        // Ties at 2 sort by code point: す U+3059 < 企 U+4F01 < 地 U+5730 < 支 U+652F < 活 U+6D3B.
        #expect(
            text(table) == [
                ["1", "する", "動詞", "2", "1", "0.500000", "2"],
                ["1", "企業", "名詞", "2", "2", "1.000000", "2"],
                ["1", "地域", "名詞", "2", "1", "0.500000", "2"],
                ["1", "支援", "サ変名詞", "2", "1", "0.500000", "2"],
                ["1", "活性", "名詞", "2", "2", "1.000000", "2"],
                ["6", "進む", "動詞", "1", "1", "0.500000", "1"],
            ])
    }

    @Test func cooccurrenceCarriesTheTwoByTwoTableAndJaccard() {
        let rows = text(Reports.cooccurrence(Self.counts, minimumCount: 1))
        #expect(rows.count == 12)
        func row(_ a: String, _ b: String) -> [String]? { rows.first { $0[0] == a && $0[2] == b } }
        // 地域 and 支援: both in sentences 1 and 2, neither in 3.
        #expect(row("地域", "支援") == ["地域", "名詞", "支援", "サ変名詞", "sentence", "2", "0", "0", "1", "3", "1.000000"])
        // 地域 (1, 2) and 活性 (1, 3): a = 1, b = 1, c = 1, d = 0, Jaccard 1/3.
        #expect(row("地域", "活性") == ["地域", "名詞", "活性", "名詞", "sentence", "1", "1", "1", "0", "3", "0.333333"])
        // 企業 (2, 3) and 進む (3): a = 1, b = 1, c = 0, d = 1, Jaccard 1/2.
        #expect(row("企業", "進む") == ["企業", "名詞", "進む", "動詞", "sentence", "1", "1", "0", "1", "3", "0.500000"])
        // Highest Jaccard first; within a Jaccard, larger a first, then by the terms.
        #expect(rows.prefix(3).map { [$0[0], $0[2]] } == [["する", "地域"], ["する", "支援"], ["地域", "支援"]])
        #expect(rows.allSatisfy { $0[0].utf8.lexicographicallyPrecedes($0[2].utf8) })
    }

    @Test func theMinimumPairCountFiltersRows() {
        #expect(Reports.cooccurrence(Self.counts, minimumCount: 2).rows.count == 3)
        #expect(Reports.cooccurrence(Self.counts, minimumCount: 3).rows.isEmpty)
    }

    @Test func pairCountsFollowTheReferenceFormulas() {
        let table = PairCounts(both: 3, first: 5, second: 4, units: 20)
        #expect([table.a, table.b, table.c, table.d, table.n] == [3, 2, 1, 14, 20] as [Int])
        #expect(table.jaccard == 0.5)
    }

    @Test func documentsAndThemesAreInInputOrder() {
        #expect(text(Reports.documents(Self.counts)).map { $0[0] + $0[1] } == ["1a.txt", "2b.txt"])
        #expect(
            text(Reports.documentThemes(Self.counts)) == [
                ["1", "a.txt", "地域活性化", "1", "2", "1"], ["1", "a.txt", "観光", "0", "0", "0"],
                ["2", "b.txt", "地域活性化", "0", "0", "0"], ["2", "b.txt", "観光", "0", "0", "0"],
            ])
        let themes = [
            Theme(name: "地域活性化", forms: ["地域活性化", "地域の活性化"], normalizedForms: ["地域活性化", "地域の活性化"]),
            Theme(name: "観光", forms: ["観光"], normalizedForms: ["観光"]),
        ]
        #expect(
            text(Reports.themes(Self.counts, themes: themes)) == [
                ["地域活性化", "地域活性化 | 地域の活性化", "2", "1", "0.333333", "1", "0.500000"],
                ["観光", "観光", "0", "0", "0.000000", "0", "0.000000"],
            ])
    }
}
