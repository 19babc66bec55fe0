import Analysis
import Foundation

/// `collocations.csv`: for every word looked for (`--kwic`), the terms standing 1 to 5 tokens
/// before or after its occurrences, with KH Coder's collocation statistics (共起語, the KWIC
/// window's 集計), as `mysql_conc.pm` computes them:
///
///     j = L1 + … + L5 + R1 + … + R5    (occurrences of the term in the span)
///     score   Σᵢ (Lᵢ + Rᵢ) / i
///     MI      log₂(j T / (f_n f_c))            MI3  log₂(j³ T / (f_n f_c))
///     T       (j − f_n f_c / T) / √j
///     Z       (j − p f_n S) / √(p f_n S (1 − p)),  p = f_c / (T − f_n), S = 10
///     Dice    2j / (f_n + f_c)                Jaccard  j / (f_n + f_c − j)
///     LL      2 [j ln j + (f_c − j) ln(f_c − j) + (f_n − j) ln(f_n − j)
///                + (T − f_c − f_n + j) ln(T − f_c − f_n + j) − f_c ln f_c − f_n ln f_n
///                − (T − f_n) ln(T − f_n) − (T − f_c) ln(T − f_c) + T ln T]   (ln of 0 or less as 0)
///
/// f_n is the word's occurrences, f_c the term's in the whole corpus, T all tokens (particles and
/// symbols included, as KH Coder's positions). KH Coder rounds to three decimals; kotoba does
/// not. Rows go by word (in the order given), then descending score, then term.
public enum CollocationTable {
    public static let header = [
        "word", "term", "pos", "total", "left_total", "right_total", "l5", "l4", "l3", "l2", "l1", "r1", "r2", "r3", "r4", "r5",
        "score", "word_frequency", "term_frequency", "tokens", "mi", "mi3", "t", "z", "dice", "jaccard", "ll",
    ]

    /// The statistics of one collocate: `near` its counts by distance, `word` the word's
    /// occurrences (f_n), `term` the term's (f_c), `tokens` all tokens (T).
    public struct Scores: Equatable {
        public var score, mi, mi3, t, z, dice, jaccard, ll: Double

        public init(near: CorpusCounts.Collocates, word: Int, term: Int, tokens: Int) {
            let j = Double(near.left.reduce(0, +) + near.right.reduce(0, +))
            let (fn, fc, total) = (Double(word), Double(term), Double(tokens))
            score = (0..<near.left.count).reduce(0.0) { sum, index in
                sum + Double(near.left[index] + near.right[index]) / Double(index + 1)
            }
            mi = log2(j * total / (fn * fc))
            mi3 = log2(j * j * j * total / (fn * fc))
            t = (j - fn * fc / total) / j.squareRoot()
            let positions = Double(2 * CorpusCounts.collocationSpan)
            let p = fc / (total - fn)
            z = (j - p * fn * positions) / (p * fn * positions * (1 - p)).squareRoot()
            dice = 2 * j / (fn + fc)
            jaccard = j / (fn + fc - j)
            /// x ln x, with MySQL's `IFNULL(LOG(x), 0)`: 0 where the logarithm is undefined.
            func xlnx(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
            ll = 2 * (xlnx(j) + xlnx(fc - j) + xlnx(fn - j) + xlnx(total - fc - fn + j) - xlnx(fc) - xlnx(fn)
                - xlnx(total - fn) - xlnx(total - fc) + xlnx(total))
        }
    }

    public static func table(_ counts: CorpusCounts) -> CSVTable {
        table(ReportContext(counts))
    }

    static func table(_ context: ReportContext) -> CSVTable {
        let counts = context.counts
        let (shown, ranks) = (context.terms.shown, context.terms.ranks)
        // Each word's collocates are scored and sorted as the table is written.
        return CSVTable(header: header, streamingRows: { emit in
            for (word, name) in counts.words.enumerated() {
                let frequency = counts.wordOccurrences[word]
                let scored = counts.collocates[word].map { id, near in
                    (
                        term: shown[Int(id)], rank: ranks[Int(id)], near: near,
                        scores: Scores(
                            near: near, word: frequency, term: counts.termFrequency[Int(id)], tokens: counts.tokenCount),
                        frequency: counts.termFrequency[Int(id)]
                    )
                }.sorted { lhs, rhs in
                    lhs.scores.score != rhs.scores.score ? lhs.scores.score > rhs.scores.score : lhs.rank < rhs.rank
                }
                for item in scored {
                    let (left, right) = (item.near.left.reduce(0, +), item.near.right.reduce(0, +))
                    let s = item.scores
                    try emit(
                        [.text(name), .text(item.term.text), .text(item.term.partOfSpeech), .integer(left + right),
                         .integer(left), .integer(right)]
                            + item.near.left.reversed().map(CSVTable.Cell.integer) + item.near.right.map(CSVTable.Cell.integer)
                            + [.decimal(s.score), .integer(frequency), .integer(item.frequency), .integer(counts.tokenCount)]
                            + [s.mi, s.mi3, s.t, s.z, s.dice, s.jaccard, s.ll].map(CSVTable.Cell.decimal))
                }
            }
        })
    }
}
