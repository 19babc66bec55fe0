import Foundation
import Testing
import TestSupport

@testable import Analysis
@testable import Reporting

/// Report tables from the counts of `SmallCorpus`, entered by hand (its tokens are in its
/// documentation), checked against its hand-computed rows.
struct ReportsTests {
    static func term(_ text: String, _ pos: String) -> Term { Term(text: text, partOfSpeech: pos) }

    static let counts: CorpusCounts = {
        let chiiki = term("地域", "名詞")
        let kassei = term("活性", "名詞")
        let shien = term("支援", "サ変名詞")
        let suru = term("する", "動詞B")
        let kigyou = term("企業", "名詞")
        let susumu = term("進む", "動詞")
        var counts = CorpusCounts(themeNames: ["地域活性化", "観光"])
        counts.add(
            DocumentSummary(
                path: "b.txt", byteCount: 30, sha256: "bb", characterCount: 10, paragraphCount: 1,
                tokenCount: 7),
            sentences: [SentenceAnalysis(terms: [kigyou, kassei, susumu], themeOccurrences: [0, 0])])
        counts.add(
            DocumentSummary(
                path: "a.txt", byteCount: 69, sha256: "aa", characterCount: 23, paragraphCount: 1,
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
                case .list(let items): items.joined(separator: CSVTable.Cell.listSeparator)
                }
            }
        }
    }

    /// Display ranks order the terms as `Term.<` does, pair by pair: with terms shown alike,
    /// texts equal only by canonical equivalence (é composed and decomposed), and texts that are
    /// prefixes of others.
    @Test func displayRanksCompareAsTheTermsDo() {
        let texts = ["a", "ab", "b", "é", "e\u{301}", "地域", "地域活性化", "-", "A", "ｱ", "ア", ""]
        let partsOfSpeech = ["名詞", "動詞", "サ変名詞", ""]
        var shown: [Term] = []
        for (index, text) in texts.enumerated() {
            for pos in partsOfSpeech.prefix(1 + index % partsOfSpeech.count) { shown.append(Self.term(text, pos)) }
        }
        shown += shown.prefix(7)  // terms shown alike
        shown.reverse()
        let ranks = Reports.displayRanks(shown)
        for lhs in shown.indices {
            for rhs in shown.indices {
                #expect((ranks[lhs] < ranks[rhs]) == (shown[lhs] < shown[rhs]), "\(shown[lhs]) \(shown[rhs])")
            }
        }
    }

    @Test func termFrequencyIsRankedWithTiesSharingTheLowestRank() {
        let table = Reports.termFrequency(Self.counts)
        #expect(table.header == ["rank", "term", "pos", "term_count", "doc_count", "doc_ratio", "sentence_count"])
        #expect(text(table) == SmallCorpus.termFrequencyRows)
    }

    @Test func cooccurrenceCarriesTheTwoByTwoTableAndJaccard() {
        let rows = text(Reports.cooccurrence(Self.counts, minimumCount: 1))
        #expect(rows.count == SmallCorpus.pairCount)
        for row in SmallCorpus.cooccurrenceRows { #expect(rows.map { Array($0.prefix(row.count)) }.contains(row)) }
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

/// `summary.json` from the same hand-entered counts.
struct ReportSummaryTests {
    @Test func summaryHoldsTheCorpusTotalsTopTermsAndThemes() throws {
        let themes = [
            Theme(name: "地域活性化", forms: ["地域活性化"], normalizedForms: ["地域活性化"]),
            Theme(name: "観光", forms: ["観光"], normalizedForms: ["観光"]),
        ]
        let summary = ReportSummary(counts: ReportsTests.counts, themes: themes, bounds: TermBounds())
        #expect(
            summary.corpus
                == .init(
                    documents: 2, paragraphs: 2, sentences: 3, characters: 33, tokens: 21, terms: 11, distinctTerms: 6,
                    speakers: 0))
        #expect(summary.topTerms.map { [String($0.rank), $0.term, $0.pos, String($0.count), String($0.documents)] }
            == SmallCorpus.termFrequencyRows.map { Array($0.prefix(5)) })
        #expect(summary.themes.map(\.occurrences) == [2, 0])
        #expect(summary.themes.map(\.sentences) == [1, 0])
        #expect(summary.themeTable.by == "document")
        #expect(summary.themeTable.rows.map(\.group) == ["a.txt", "b.txt"])
        #expect(summary.themeTable.rows.map(\.themeSentences) == [[1, 0], [0, 0]])
        let json = try #require(try JSONSerialization.jsonObject(with: summary.json()) as? [String: Any])
        #expect((json["corpus"] as? [String: Int])?["distinct_terms"] == 6)
    }

    @Test func themeTableByGroupCountsSentencesAndSurvivesAMerge() {
        let term = Term(text: "地域", partOfSpeech: "名詞")
        func document(_ path: String, themes: [[Int]]) -> (DocumentSummary, [SentenceAnalysis]) {
            (
                DocumentSummary(path: path, byteCount: 1, sha256: path, characterCount: 1, paragraphCount: 1, tokenCount: 1),
                themes.map { SentenceAnalysis(terms: [term], themeOccurrences: $0) }
            )
        }
        let documents = [document("x/a.txt", themes: [[2, 0], [0, 0]]), document("y/b.txt", themes: [[1, 1]])]
        var whole = CorpusCounts(themeNames: ["p", "q"], grouping: .folder)
        var first = whole
        var second = whole
        for (summary, sentences) in documents { whole.add(summary, sentences: sentences) }
        first.add(documents[0].0, sentences: documents[0].1)
        second.add(documents[1].0, sentences: documents[1].1)
        first.merge(second)
        for counts in [whole, first] {
            #expect(counts.groupSentences == ["x": 2, "y": 1])
            #expect(counts.groupThemeSentences == ["x": [1, 0], "y": [1, 1]])
        }
    }
}

/// `Reports.first(_:of:by:)` gives the first items of a stable sort.
struct FirstItemsTests {
    @Test(arguments: [0, 1, 3, 30, 500])
    func firstItemsAreThoseOfAStableSort(count: Int) {
        var random = SplitMix(state: 5)
        // Few distinct keys, so that many items tie; the second value tells tied items apart.
        let items = (0..<300).map { index in (key: Int(random.next() % 20), index: index) }
        let sorted = items.sorted { $0.key > $1.key }
        let first = Reports.first(count, of: items) { $0.key > $1.key }
        #expect(first.map(\.index) == sorted.prefix(count).map(\.index))
    }
}
