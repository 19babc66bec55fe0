import Foundation
import Testing

@testable import Analysis
@testable import Reporting

/// `theme_terms.csv` on four sentences laid out by hand: theme p in the first two.
///
///     sentence  terms  p
///     0         X Y    1
///     1         X      1
///     2         X Z    0
///     3         Y      0
struct ThemeTermsTests {
    static let counts: CorpusCounts = {
        let rows: [([String], Int)] = [(["X", "Y"], 1), (["X"], 1), (["X", "Z"], 0), (["Y"], 0)]
        var counts = CorpusCounts(themeNames: ["p"])
        counts.add(
            DocumentSummary(path: "a.txt", byteCount: 1, sha256: "a", characterCount: 1, paragraphCount: 1, tokenCount: 6),
            sentences: rows.map { terms, theme in
                SentenceAnalysis(terms: terms.map { Term(text: $0, partOfSpeech: "名詞") }, themeOccurrences: [theme])
            })
        return counts
    }()

    @Test func termsAreRankedByJaccardWithTheirTwoByTwoTables() {
        let table = Reports.themeTerms(Self.counts, top: 30, minimumCount: 1)
        #expect(table.header.prefix(11) == ["theme", "rank", "term", "pos", "unit", "a", "b", "c", "d", "n", "jaccard"])
        // X: a 2, b 0, c 1, d 1 → 2/3; Y: a 1, b 1, c 1, d 1 → 1/3; Z never meets p.
        #expect(table.rows.map { Array($0.prefix(10)) } == [
            [.text("p"), .integer(1), .text("X"), .text("名詞"), .text("sentence"), .integer(2), .integer(0), .integer(1), .integer(1), .integer(4)],
            [.text("p"), .integer(2), .text("Y"), .text("名詞"), .text("sentence"), .integer(1), .integer(1), .integer(1), .integer(1), .integer(4)],
        ])
        #expect(table.rows.map { $0[10] } == [.decimal(2.0 / 3), .decimal(1.0 / 3)])
        #expect(Reports.themeTerms(Self.counts, top: 30, minimumCount: 2).rows.count == 1)
        #expect(Reports.themeTerms(Self.counts, top: 1, minimumCount: 1).rows.count == 1)
    }
}
