import Analysis
import Corpus
import Foundation

/// The tables of themes: `theme_terms.csv`, `theme_cooccurrence.csv` and `themes.csv`.
extension Reports {
    /// `theme_terms.csv`: per theme, in theme-file order, the `top` terms most associated with it
    /// over sentences (KH Coder's 関連語検索 from a coding rule): by descending `measure`, then
    /// descending `a`, then by term; only terms in at least `minimumCount` of the theme's
    /// sentences. Each row carries the 2×2 table (a: sentences with theme and term, b: with the
    /// theme only, c: with the term only, d: neither) and the measures of `cooccurrence.csv`.
    public static func themeTerms(
        _ counts: CorpusCounts, top: Int, minimumCount: Int, bounds: TermBounds = TermBounds(),
        measure: AssociationMeasure = .jaccard
    ) -> CSVTable {
        themeTerms(ReportContext(counts, bounds: bounds), top: top, minimumCount: minimumCount, measure: measure)
    }

    static func themeTerms(_ context: ReportContext, top: Int, minimumCount: Int, measure: AssociationMeasure) -> CSVTable {
        let counts = context.counts
        let (shown, ranks, allowed) = (context.terms.shown, context.terms.ranks, context.terms.allowed)
        return CSVTable(header: ["theme", "rank", "term", "pos"] + pairColumns, streamingRows: { emit in
            for (theme, name) in counts.themeNames.enumerated() {
                var scored: [(id: Int, table: PairCounts, score: Double)] = []
                for (id32, both) in counts.themeTermSentences[theme] where both >= minimumCount && allowed[Int(id32)] {
                    let id = Int(id32)
                    let table = PairCounts(
                        both: both, first: counts.themeSentences[theme], second: counts.sentenceFrequency[id],
                        units: counts.sentenceCount)
                    scored.append((id, table, measure.score(table)))
                }
                let best = first(top, of: scored) { lhs, rhs in
                    if lhs.score != rhs.score { return lhs.score > rhs.score }
                    if lhs.table.a != rhs.table.a { return lhs.table.a > rhs.table.a }
                    return ranks[lhs.id] < ranks[rhs.id]
                }
                for (rank, item) in best.enumerated() {
                    try emit(
                        [.text(name), .integer(rank + 1), .text(shown[item.id].text), .text(shown[item.id].partOfSpeech)]
                            + pairCells(item.table, unit: CooccurrenceUnit.sentence.rawValue))
                }
            }
        })
    }

    /// `theme_cooccurrence.csv`: every pair of themes, in theme-file order, with the sentences
    /// where both occur, the 2×2 table over sentences and the measures of `cooccurrence.csv`
    /// (KH Coder's コード間の関連, whose default is Jaccard).
    public static func themeCooccurrence(_ counts: CorpusCounts) -> CSVTable {
        var rows: [[CSVTable.Cell]] = []
        for first in counts.themeNames.indices {
            for second in counts.themeNames.indices where second > first {
                let table = PairCounts(
                    both: counts.themePairSentences[first][second], first: counts.themeSentences[first],
                    second: counts.themeSentences[second], units: counts.sentenceCount)
                rows.append(
                    [.text(counts.themeNames[first]), .text(counts.themeNames[second])]
                        + pairCells(table, unit: CooccurrenceUnit.sentence.rawValue))
            }
        }
        return CSVTable(header: ["theme_a", "theme_b"] + pairColumns, rows: rows)
    }

    /// `themes.csv`: per theme, in the order of the theme file: its forms (joined by `" | "` in
    /// the CSV, an array in `themes.json`), occurrences, and the sentences and documents where it
    /// occurs, with their shares.
    public static func themes(_ counts: CorpusCounts, themes: [Theme]) -> CSVTable {
        CSVTable(
            header: [
                "theme", "forms", "occurrences", "sentences", "sentence_ratio", "documents", "document_ratio",
            ],
            rows: themes.indices.map { index in
                [
                    .text(themes[index].name), .list(themes[index].forms),
                    .integer(counts.themeOccurrences[index]), .integer(counts.themeSentences[index]),
                    .decimal(ratio(counts.themeSentences[index], counts.sentenceCount)),
                    .integer(counts.themeDocuments[index]),
                    .decimal(ratio(counts.themeDocuments[index], counts.documentCount)),
                ]
            })
    }
}
