import Analysis
import Corpus
import Foundation

/// The tables of terms and their pairs: `term_frequency.csv`, `cooccurrence.csv` (and the
/// columns every pair table ends with), `compound_candidates.csv` and `group_terms.csv`.
extension Reports {
    /// `term_frequency.csv`: every term by descending frequency. `rank` gives tied terms the same
    /// (lowest) rank, as quanteda's `ties_method = "min"`; `doc_ratio` is the share of documents
    /// that contain the term; `sentence_count` the sentences that contain it.
    public static func termFrequency(_ counts: CorpusCounts, bounds: TermBounds = TermBounds()) -> CSVTable {
        termFrequency(ReportContext(counts, bounds: bounds))
    }

    static func termFrequency(_ context: ReportContext) -> CSVTable {
        let counts = context.counts
        let terms = context.terms
        let (termFrequency, documentFrequency, sentenceFrequency) = (
            counts.termFrequency, counts.documentFrequency, counts.sentenceFrequency
        )
        let documentCount = counts.documentCount
        let order = context.termsByFrequency
        // Each row's rank: its position, or the rank of the row before if their counts tie.
        var ranks = [Int](repeating: 1, count: order.count)
        for position in order.indices.dropFirst() {
            let tied = termFrequency[order[position]] == termFrequency[order[position - 1]]
            ranks[position] = tied ? ranks[position - 1] : position + 1
        }
        return CSVTable(
            header: ["rank", "term", "pos", "term_count", "doc_count", "doc_ratio", "sentence_count"],
            itemCount: order.count
        ) { [ranks] position, rows in
            let id = order[position]
            rows.append(.integer(ranks[position]))
            rows.appendTerm(id, of: terms)
            rows.append(.integer(termFrequency[id]))
            rows.append(.integer(documentFrequency[id]))
            rows.append(.decimal(ratio(documentFrequency[id], documentCount)))
            rows.append(.integer(sentenceFrequency[id]))
            rows.endRow()
        }
    }

    /// `cooccurrence.csv`: pairs of terms found together in at least `minimumCount` units (the
    /// counts' `unit`), with their 2×2 counts (a, b, c, d, n), Jaccard and the other measures of
    /// `AssociationMeasure` (empty where one has no value): see `pairColumns`. `term_a` sorts
    /// before `term_b`. Rows go by descending `measure` (Jaccard unless `--measure` says
    /// otherwise; pairs where it has no value last), then descending `a`, then by the terms.
    ///
    /// The pairs are sorted as compact (ids, display ranks, count, score) values, so ties compare
    /// integers instead of term text; each row is written into the file as it is made.
    public static func cooccurrence(
        _ counts: CorpusCounts, minimumCount: Int, bounds: TermBounds = TermBounds(), measure: AssociationMeasure = .jaccard
    ) -> CSVTable {
        cooccurrence(ReportContext(counts, bounds: bounds), minimumCount: minimumCount, measure: measure)
    }

    static func cooccurrence(_ context: ReportContext, minimumCount: Int, measure: AssociationMeasure) -> CSVTable {
        struct Pair {
            let first: Int32
            let second: Int32
            /// The terms' places in display order (`displayRanks`).
            let firstRank: Int32
            let secondRank: Int32
            let both: Int
            let score: Double
        }
        let counts = context.counts
        let terms = context.terms
        let (ranks, allowed) = (terms.ranks, terms.allowed)
        let (unitFrequency, unitCount) = (counts.unitFrequency, counts.unitCount)
        @Sendable func table(_ first: Int32, _ second: Int32, both: Int) -> PairCounts {
            PairCounts(both: both, first: unitFrequency[Int(first)], second: unitFrequency[Int(second)], units: unitCount)
        }
        // Counted first, so the list is made at its size: grown by doubling, it held up to twice
        // its rows, and a copy while it grew, beside the other tables being made.
        func kept(_ first: Int32, _ second: Int32, _ both: Int) -> Bool {
            both >= minimumCount && allowed[Int(first)] && allowed[Int(second)]
        }
        var rowCount = 0
        for (key, both) in counts.pairUnits where kept(key.first, key.second, both) { rowCount += 1 }
        var pairs: [Pair] = []
        pairs.reserveCapacity(rowCount)
        for (key, both) in counts.pairUnits where kept(key.first, key.second, both) {
            var (first, second) = (key.first, key.second)
            if ranks[Int(second)] < ranks[Int(first)] { swap(&first, &second) }
            let score = measure.score(table(first, second, both: both))
            pairs.append(
                Pair(
                    first: first, second: second, firstRank: ranks[Int(first)], secondRank: ranks[Int(second)], both: both,
                    score: score))
        }
        pairs.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.both != rhs.both { return lhs.both > rhs.both }
            if lhs.firstRank != rhs.firstRank { return lhs.firstRank < rhs.firstRank }
            return lhs.secondRank < rhs.secondRank
        }
        // The rows keep their two ids, in order, and their count alone (16 bytes, not the 32 of
        // a `Pair`): the sorted list lives while the rows are written, beside the other tables
        // being made, and on ten times the man pages it was 48 MB. (Reading the count again from
        // the pair table, in the rows' order, missed the caches: 2 % of a `--force` run of the
        // man pages.)
        let rowPairs = pairs.map { (first: $0.first, second: $0.second) }
        let rowCounts = pairs.map(\.both)
        pairs = []
        let unit = FormattedTexts([counts.unitName], as: terms.texts)
        return CSVTable(header: ["term_a", "pos_a", "term_b", "pos_b"] + pairColumns, itemCount: rowPairs.count) {
            [rowPairs, rowCounts] index, rows in
            let (first, second) = rowPairs[index]
            rows.appendTerm(Int(first), of: terms)
            rows.appendTerm(Int(second), of: terms)
            appendPairCells(table(first, second, both: rowCounts[index]), unit: unit, to: &rows)
            rows.endRow()
        }
    }

    /// The columns every pair table ends with: the unit, the 2×2 table, Jaccard, and every other
    /// measure of `AssociationMeasure` but the count (that is `a`).
    static let pairColumns = ["unit", "a", "b", "c", "d", "n", "jaccard"] + pairMeasures.map(\.rawValue)

    /// The measures after Jaccard in a pair table, in `AssociationMeasure` order.
    static let pairMeasures = AssociationMeasure.allCases.filter { $0 != .count && $0 != .jaccard }

    /// The cells of `pairColumns` for `table` (empty where a measure has no value).
    static func pairCells(_ table: PairCounts, unit: String) -> [CSVTable.Cell] {
        var rows = CSVTable.RowWriter()
        appendPairCells(table, unit: FormattedTexts([unit]), to: &rows)
        rows.endRow()
        return rows.takeRows()[0]
    }

    /// Appends the cells of `pairColumns` for `table` to the current row of `rows`; `unit` is
    /// the unit's name, formatted.
    static func appendPairCells(_ table: PairCounts, unit: FormattedTexts, to rows: inout CSVTable.RowWriter) {
        rows.append(0, of: unit)
        // Jaccard, then the nine `pairMeasures` in order (a tenth measure would need room here).
        var measures = InlineArray<10, Double>(repeating: .nan)
        measures[0] = table.jaccard
        for (index, measure) in pairMeasures.enumerated() { measures[index + 1] = measure.value(table) ?? .nan }
        rows.append(integers: [table.a, table.b, table.c, table.d, table.n], decimals: measures)
    }

    /// `compound_candidates.csv`: noun compounds of two or more nouns, by FLR (KH Coder's 複合語の
    /// 検出), with how often each occurred as a whole and its LR.
    public static func compoundCandidates(_ counts: CorpusCounts) -> CSVTable {
        // A key holds its nouns joined by a separator byte: the compound is the key without it,
        // the nouns the key with a space for it.
        let separator = CompoundKey.separatorByte
        // Single nouns are left out as the candidates are ranked, not after: a large corpus has
        // hundreds of thousands of candidates, ranked while other tables are made.
        let ranked = CompoundRanking.rankKeys(zip(counts.compoundKeys, counts.compoundCounts), compoundsOnly: true)
        return CSVTable(header: ["rank", "compound", "nouns", "frequency", "lr", "flr"], itemCount: ranked.count) {
            index, rows in
            let item = ranked[index]
            rows.append(.integer(index + 1))
            var key = item.key.joined
            key.withUTF8Span { key in
                var text: [UInt8] = []
                text.reserveCapacity(key.count)
                for position in key.indices where key[unchecked: position] != separator { text.append(key[unchecked: position]) }
                rows.appendText(utf8: text.span)
                text.removeAll(keepingCapacity: true)
                for position in key.indices {
                    let byte = key[unchecked: position]
                    text.append(byte == separator ? UInt8(ascii: " ") : byte)
                }
                rows.appendText(utf8: text.span)
            }
            rows.append(.integer(item.frequency))
            rows.append(.decimal(item.lr))
            rows.append(.decimal(item.flr))
            rows.endRow()
        }
    }

    /// `group_terms.csv`: each group's characteristic terms, those more frequent in the group than
    /// expected, by descending G², at most `top` a group; with the 2×2 table over term occurrences
    /// (a in the group, b elsewhere, c the group's other terms, d the rest), the expected a, G²
    /// and χ².
    public static func groupTerms(_ counts: CorpusCounts, top: Int, bounds: TermBounds = TermBounds()) -> CSVTable {
        groupTerms(ReportContext(counts, bounds: bounds), top: top)
    }

    static func groupTerms(_ context: ReportContext, top: Int) -> CSVTable {
        let counts = context.counts
        let (shown, ranks, allowed) = (context.terms.shown, context.terms.ranks, context.terms.allowed)
        let total = counts.groupTotals.values.reduce(0, +)
        // Each term's occurrences in all groups, summed once.
        var overallCounts = [Int](repeating: 0, count: counts.terms.count)
        for terms in counts.groupTerms.values {
            for (id, count) in terms { overallCounts[Int(id)] += count }
        }
        var rows: [[CSVTable.Cell]] = []
        for group in counts.groupTotals.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let inGroup = counts.groupTotals[group] ?? 0
            var scored: [(id: Int, table: PairCounts, g2: Double)] = []
            for (id32, a) in counts.groupTerms[group] ?? [:] where allowed[Int(id32)] {
                let id = Int(id32)
                let overall = overallCounts[id]
                let table = PairCounts(both: a, first: overall, second: inGroup, units: total)
                guard Double(a) > Keyness.expected(table) else { continue }
                scored.append((id, table, Keyness.logLikelihood(table)))
            }
            let best = first(top, of: scored) { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : ranks[$0.id] < ranks[$1.id] }
            for (rank, item) in best.enumerated() {
                rows.append([
                    .text(GroupName.shown(group)), .integer(rank + 1), .text(shown[item.id].text), .text(shown[item.id].partOfSpeech),
                    .integer(item.table.a), .integer(item.table.b), .integer(item.table.c), .integer(item.table.d),
                    .integer(item.table.n), .decimal(Keyness.expected(item.table)), .decimal(item.g2),
                    .decimal(Keyness.chiSquare(item.table)),
                ])
            }
        }
        return CSVTable(
            header: ["group", "rank", "term", "pos", "a", "b", "c", "d", "n", "expected", "g2", "chi2"], rows: rows)
    }
}
