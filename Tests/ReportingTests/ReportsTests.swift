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
    /// texts equal only by canonical equivalence (é composed and decomposed, kana with a
    /// combining voiced mark, a CJK compatibility ideograph), and texts that are prefixes of
    /// others. (`Term.<` is an order only where no text lies in bytes between two equivalent
    /// texts: e + U+0301 ≡ é, and Å lies between them, so those three would make a cycle.)
    @Test(arguments: [false, true])
    func displayRanksCompareAsTheTermsDo(plainOnly: Bool) {
        // With plainOnly, only texts plainly in NFC, which take the ranks' one-sort path.
        let plain = ["a", "ab", "b", "地域", "地域活性化", "-", "A", "ｱ", "ア", "", "が", "ガ", "ｶﾞ", "\u{8C48}"]
        let texts =
            plainOnly
            ? plain : plain + ["é", "e\u{301}", "か\u{3099}", "カ\u{3099}", "\u{F900}"]
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
