import Foundation
import Testing

@testable import Analysis
@testable import Reporting

/// `theme_cooccurrence.csv` on sentences whose themes are set by hand.
struct ThemeCooccurrenceTests {
    @Test func themePairsCountSentencesWithBothAndSurviveAMerge() {
        let term = Term(text: "地域", partOfSpeech: "名詞")
        func summary(_ path: String) -> DocumentSummary {
            DocumentSummary(path: path, byteCount: 1, sha256: path, characterCount: 1, paragraphCount: 1, tokenCount: 1)
        }
        // Themes p, q, r: p+q in one sentence (p twice there), p alone, q alone, none; r nowhere.
        let first = [[2, 1, 0], [1, 0, 0]].map { SentenceAnalysis(terms: [term], themeOccurrences: $0) }
        let second = [[0, 1, 0], [0, 0, 0]].map { SentenceAnalysis(terms: [term], themeOccurrences: $0) }
        var whole = CorpusCounts(themeNames: ["p", "q", "r"])
        var split = whole
        var other = whole
        whole.add(summary("a.txt"), sentences: first + second)
        split.add(summary("a.txt"), sentences: first)
        other.add(summary("b.txt"), sentences: second)
        split.merge(other)
        for counts in [whole, split] {
            let table = Reports.themeCooccurrence(counts)
            #expect(table.header.prefix(9) == ["theme_a", "theme_b", "unit", "a", "b", "c", "d", "n", "jaccard"])
            #expect(table.rows.map { Array($0.prefix(8)) } == [
                [.text("p"), .text("q"), .text("sentence"), .integer(1), .integer(1), .integer(1), .integer(1), .integer(4)],
                [.text("p"), .text("r"), .text("sentence"), .integer(0), .integer(2), .integer(0), .integer(2), .integer(4)],
                [.text("q"), .text("r"), .text("sentence"), .integer(0), .integer(2), .integer(0), .integer(2), .integer(4)],
            ])
            #expect(table.rows[0][8] == .decimal(1.0 / 3))
        }
    }
}
