import Foundation
import Testing
import TestSupport

@testable import Analysis
@testable import Reporting

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
