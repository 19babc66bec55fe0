import Analysis
import Testing

@testable import Reporting

/// KH Coder's collocation statistics (`mysql_conc.pm`), against values worked out with Python's
/// `math` from the formulas in docs/MEASURES.md §6: j = 2 (L1 and R1), f_n = 4, f_c = 10,
/// T = 1000.
struct CollocationTableTests {
    @Test func scoresFollowKHCodersFormulas() {
        let near = CorpusCounts.Collocates(left: [1, 0, 0, 0, 0], right: [1, 0, 0, 0, 0])
        let scores = CollocationTable.Scores(near: near, word: 4, term: 10, tokens: 1000)
        #expect(scores.score == 2)
        #expect(abs(scores.mi - 5.643856189774724) < 1e-12)  // log2(2·1000 / 40)
        #expect(abs(scores.mi3 - 7.643856189774724) < 1e-12)  // log2(8·1000 / 40)
        #expect(abs(scores.t - 1.3859292911256331) < 1e-12)  // (2 − 0.04) / √2
        #expect(abs(scores.z - 2.5349804260879583) < 1e-12)  // p = 10/996, S = 10
        #expect(abs(scores.dice - 0.2857142857142857) < 1e-12)
        #expect(abs(scores.jaccard - 0.16666666666666666) < 1e-12)
        #expect(abs(scores.ll - 13.333429573362082) < 1e-12)
    }

    /// The score weighs each position by 1 / distance: L4 counts 1/4, R5 1/5.
    @Test func theScoreWeighsByDistance() {
        let near = CorpusCounts.Collocates(left: [0, 0, 0, 1, 0], right: [0, 0, 0, 0, 1])
        let scores = CollocationTable.Scores(near: near, word: 1, term: 2, tokens: 100)
        #expect(abs(scores.score - 0.45) < 1e-12)
    }

    @Test func rowsGoByDescendingScoreWithPositionsLeftToRight() {
        var counts = CorpusCounts(themeNames: [], words: ["w"])
        let term = { (text: String) in Term(text: text, partOfSpeech: "名詞") }
        counts.add(
            DocumentSummary(path: "d.txt", byteCount: 1, sha256: "d", characterCount: 1, paragraphCount: 1, tokenCount: 10),
            sentences: [
                SentenceAnalysis(
                    terms: ["X", "Y"].map(term), positions: [0, 5], tokenCount: 10, themeOccurrences: [],
                    hits: [DocumentAnalysis.Hit(match: 0, firstToken: 4, lastToken: 4)])
            ])
        let table = CollocationTable.table(counts)
        #expect(table.header.prefix(16) == ["word", "term", "pos", "total", "left_total", "right_total", "l5", "l4", "l3", "l2", "l1", "r1", "r2", "r3", "r4", "r5"])
        #expect(table.rows.map { $0[1] } == [.text("Y"), .text("X")])  // R1 (1) before L4 (1/4)
        #expect(Array(table.rows[1][3...15]) == [1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0].map(CSVTable.Cell.integer))
    }
}
