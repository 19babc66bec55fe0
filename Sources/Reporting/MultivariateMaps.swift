import Analysis
import Foundation
import Multivariate

/// KH Coder's multivariate maps of a run, computed at report time from the merged counts (so a
/// merge of partials gives the same maps as one run): correspondence analysis of terms against
/// the groups of `--group-by` (or the documents), and the clustering and scaling of the most
/// frequent terms by their presence in the co-occurrence unit (docs/MULTIVARIATE.md).
///
/// The two parts are computed apart, each by the first table that needs it: the correspondence
/// tables do not wait for Kruskal's scaling, nor the cluster tables for the correspondence
/// analysis, so two workers compute them at once.
final class MultivariateMaps: Sendable {
    /// The correspondence analysis and its table.
    struct Correspondence: Sendable {
        /// `group` or `document`.
        let kind: String
        /// The term ids (rows), by descending χ²; the column labels (group names or doc_ids).
        let terms: [Int]
        let labels: [String]
        /// The table, term by column.
        let table: [[Int]]
        let analysis: CorrespondenceAnalysis?
    }

    /// The clustered terms: their ids (object i + 1 is `terms[i]`), 2×2 tables and distances.
    struct Clustering: Sendable {
        let terms: [Int]
        /// For i < j in dist order: units holding both, units in all.
        let both: [Int]
        let units: Int
        let distances: [Double]
        let tree: HierarchicalClustering?
        let clusters: Int
        let memberships: [Int]
        let classical: ClassicalScaling?
        /// The objects (from 0) Kruskal's scaling kept: a term at distance 0 from an earlier one
        /// is left out, as KH Coder leaves it out (`isoMDS` needs positive distances).
        let kruskalObjects: [Int]
        let kruskal: KruskalScaling?
    }

    private let correspondenceOnce: ComputedOnce<Correspondence>
    private let clusteringOnce: ComputedOnce<Clustering>

    var correspondence: Correspondence { correspondenceOnce.value }
    var clustering: Clustering { clusteringOnce.value }

    init(_ context: ReportContext, options: MapOptions) {
        correspondenceOnce = ComputedOnce { MultivariateMaps.correspondence(context, options: options) }
        clusteringOnce = ComputedOnce { MultivariateMaps.clustering(context, options: options) }
    }

    // MARK: Correspondence analysis

    /// Columns of cells as the correspondence analysis reads them, pass after pass: from their
    /// source (`ColumnCells`) or stored (`StoredCells`). The passes are generic over it, so
    /// that stored cells are read in a plain loop, without a closure call a cell.
    protocol CellColumns {
        /// How many columns there are.
        var count: Int { get }
        /// Calls `body` with each cell of `column` of a listed term with a count, a term once.
        func forEachCell(of column: Int, _ body: (_ id: Int, _ count: Int) -> Void)
    }

    /// The columns of the correspondence analysis and their cells, read column by column, as
    /// often as the analysis needs (`forEachCell`): each column's listed terms with a count, a
    /// term given twice in a column as one cell.
    ///
    /// Why read the cells again rather than hold them: every listed term's χ² needs all of its
    /// cells, and held term by term they were 12 bytes a cell, 85 MB on ten times the man pages
    /// (18,000 documents), made while the other reports were. Each term's sums are gathered as
    /// the columns go by instead, in the order the held cells were summed (columns ascending),
    /// so every χ² is the same to the bit; only the chosen terms' cells are kept. Columns of at
    /// most `storedCellLimit` cells in all (`cellBound`, known before they are read) have them
    /// stored in flat arrays as the first pass reads them (`StoredCells`): each pass over the
    /// documents decoded every document's term list again, about 170 instructions a cell, three
    /// times over the survey's 550,000.
    struct ColumnCells: CellColumns {
        /// How many columns there are.
        let count: Int
        /// At least as many cells as the columns hold (their terms before the listed ones are
        /// picked out): what storing them could take.
        let cellBound: Int
        private let allowed: [Bool]
        private let source: CellSource

        /// A column's cells: `source(column, body)` calls `body` with each (term, count) of the
        /// column, a term's cells next to each other; it is called once per pass over the columns.
        typealias CellSource = (_ column: Int, _ body: (_ id: Int32, _ count: Int) -> Void) -> Void

        init(columns count: Int, cellBound: Int = .max, allowed: [Bool], source: @escaping CellSource) {
            (self.count, self.cellBound, self.allowed, self.source) = (count, cellBound, allowed, source)
        }

        /// Calls `body` with each cell of `column` of a listed term with a count: a term given
        /// twice in a row once, with both counts.
        func forEachCell(of column: Int, _ body: (_ id: Int, _ count: Int) -> Void) {
            var pending = (id: -1, count: 0)
            source(column) { id, count in
                guard count > 0, allowed[Int(id)] else { return }
                if Int(id) == pending.id {
                    pending.count += count
                    return
                }
                if pending.id >= 0 { body(pending.id, pending.count) }
                pending = (Int(id), count)
            }
            if pending.id >= 0 { body(pending.id, pending.count) }
        }
    }

    /// The most cells the correspondence analysis stores (8 bytes each: 8 MB), rather than read
    /// again from their source in each of its passes; columns that may hold more are not stored,
    /// so a large corpus's peak does not grow by them.
    static let storedCellLimit = 1 << 20

    /// Cells stored as a first pass reads them, column after column, in room reserved for
    /// `capacity` (`ColumnCells.cellBound`); the later passes then read them here. A count
    /// beyond 32 bits leaves them not stored (`isComplete` false: read from the source again).
    struct StoredCells: CellColumns {
        private var ids: [Int32] = []
        private var counts: [Int32] = []
        private var ends: [Int] = []
        /// False once a count did not fit in 32 bits.
        private(set) var isComplete = true

        init(columns: Int, capacity: Int) {
            ids.reserveCapacity(capacity)
            counts.reserveCapacity(capacity)
            ends.reserveCapacity(columns)
        }

        var count: Int { ends.count }

        mutating func add(_ id: Int, _ count: Int) {
            guard isComplete else { return }
            guard let count = Int32(exactly: count) else {
                (isComplete, ids, counts, ends) = (false, [], [], [])
                return
            }
            ids.append(Int32(id))
            counts.append(count)
        }

        mutating func endColumn() {
            if isComplete { ends.append(ids.count) }
        }

        func forEachCell(of column: Int, _ body: (_ id: Int, _ count: Int) -> Void) {
            for index in (column == 0 ? 0 : ends[column - 1])..<ends[column] {
                body(Int(ids[index]), Int(counts[index]))
            }
        }
    }

    /// The columns of the correspondence analysis: each named group (sorted by bytes; the
    /// unnamed group, sentences outside any turn, is left out as KH Coder leaves out missing
    /// values), or each document in run order; with the listed terms' counts and each column's
    /// term occurrences (KH Coder's document length). A column's label is made only for the
    /// columns the analysis keeps (a survey's 58,000 doc_ids as strings took 40 M instructions).
    static func columns(_ context: ReportContext) -> (
        kind: String, label: (_ column: Int) -> String, cells: ColumnCells, totals: [Int]
    ) {
        let counts = context.counts
        let allowed = context.terms.allowed
        if counts.grouping != nil {
            let groups = namedGroups(counts)
            let bound = groups.reduce(0) { $0 + (counts.groupTerms[$1]?.count ?? 0) }
            let cells = ColumnCells(columns: groups.count, cellBound: bound, allowed: allowed) { column, body in
                for (id, count) in counts.groupTerms[groups[column]] ?? [:] { body(id, count) }
            }
            return ("group", { groups[$0] }, cells, groups.map { counts.groupTotals[$0] ?? 0 })
        }
        let order = context.documents.order
        // A document's terms come by id: a term given twice is given in a row.
        let bound = order.reduce(0) { $0 + counts.distinctTermCount(ofDocument: $1) }
        let cells = ColumnCells(columns: order.count, cellBound: bound, allowed: allowed) { column, body in
            counts.forEachTerm(ofDocument: order[column], body)
        }
        // Read through a span, field by field (`ReportContext.Documents`).
        let documents = counts.documents.span
        let totals = order.map { documents[$0].termCount }
        return ("document", { String($0 + 1) }, cells, totals)
    }

    /// The named groups with term occurrences (the unnamed one not counted).
    static func namedGroups(_ counts: CorpusCounts) -> [String] {
        counts.groupTotals.keys.filter { !$0.isEmpty && (counts.groupTotals[$0] ?? 0) > 0 }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func correspondence(_ context: ReportContext, options: MapOptions) -> Correspondence {
        let (kind, label, source, allTotals) = columns(context)
        let ranks = context.terms.ranks
        let termCount = context.counts.terms.count
        // First pass: which columns have a listed term, and each term's frequency over them.
        var hasTerms = [Bool](repeating: false, count: source.count)
        var frequency = [Int](repeating: 0, count: termCount)
        var stored =
            source.cellBound <= Self.storedCellLimit ? StoredCells(columns: source.count, capacity: source.cellBound) : nil
        for column in 0..<source.count {
            source.forEachCell(of: column) { id, count in
                hasTerms[column] = true
                frequency[id] += count
                stored?.add(id, count)
            }
            stored?.endColumn()
        }
        return if let stored, stored.isComplete {
            correspondence(
                stored, hasTerms: hasTerms, frequency: frequency, kind: kind, label: label, totals: allTotals,
                ranks: ranks, options: options)
        } else {
            correspondence(
                source, hasTerms: hasTerms, frequency: frequency, kind: kind, label: label, totals: allTotals,
                ranks: ranks, options: options)
        }
    }

    /// The analysis after its first pass over `columnCells` (which columns have a listed term,
    /// `hasTerms`, and each term's `frequency` over them).
    private static func correspondence<Cells: CellColumns>(
        _ columnCells: Cells, hasTerms: [Bool], frequency: [Int], kind: String, label: (_ column: Int) -> String,
        totals allTotals: [Int], ranks: [Int32], options: MapOptions
    ) -> Correspondence {
        let termCount = frequency.count
        // Columns without any listed term are dropped (KH Coder's `subset(d, rowSums(d) > 0)`).
        let kept = hasTerms.indices.filter { hasTerms[$0] }
        var place = [Int](repeating: -1, count: hasTerms.count)
        for (position, column) in kept.enumerated() { place[column] = position }
        let totals = kept.map { Double(allTotals[$0]) }
        let total = totals.reduce(0, +)
        // Each term's χ² against the columns, as KH Coder's chisq.test(cbind(d[, i], n_total − d[, i])),
        // summed over the columns it occurs in (`chiSquare(present:totals:total:)`), as they go by.
        let chi2 = chiSquares(columnCells, place: place, frequency: frequency, totals: totals, total: total)
        var scored: [(id: Int, chi2: Double, frequency: Int)] = []
        for id in 0..<termCount where frequency[id] > 0 {
            scored.append((id, chi2[id].isNaN ? -.infinity : chi2[id], frequency[id]))
        }
        let chosen = Reports.first(options.correspondenceTerms, of: scored) { lhs, rhs in
            if lhs.chi2 != rhs.chi2 { return lhs.chi2 > rhs.chi2 }
            if lhs.frequency != rhs.frequency { return lhs.frequency > rhs.frequency }
            return ranks[lhs.id] < ranks[rhs.id]
        }.map(\.id)
        // The chosen terms' cells (kept column and count, columns ascending), the only ones kept.
        var chosenPlace = [Int](repeating: -1, count: termCount)
        for (position, id) in chosen.enumerated() { chosenPlace[id] = position }
        var chosenCells = [[(column: Int, count: Int)]](repeating: [], count: chosen.count)
        for column in kept {
            columnCells.forEachCell(of: column) { id, count in
                if chosenPlace[id] >= 0 { chosenCells[chosenPlace[id]].append((place[column], count)) }
            }
        }
        // Columns left empty by the choice are dropped too: the columns used are those of the
        // chosen terms' cells, found from the cells, not from a dense row of every column.
        var isUsed = [Bool](repeating: false, count: kept.count)
        for cells in chosenCells {
            for cell in cells { isUsed[cell.column] = true }
        }
        let used = kept.indices.filter { isUsed[$0] }
        var usedPlace = [Int](repeating: -1, count: kept.count)
        for (position, column) in used.enumerated() { usedPlace[column] = position }
        let table = chosenCells.map { cells -> [Int] in
            var row = [Int](repeating: 0, count: used.count)
            for cell in cells { row[usedPlace[cell.column]] += cell.count }
            return row
        }
        let labels = used.map { label(kept[$0]) }
        var analysis: CorrespondenceAnalysis?
        do {
            analysis = try CorrespondenceAnalysis(table: table.map { $0.map(Double.init) })
        } catch .unsuitable {
            analysis = nil  // too few terms or columns: the tables stay empty
        } catch {
            preconditionFailure("correspondence analysis: \(error)")
        }
        return Correspondence(kind: kind, terms: chosen, labels: labels, table: table, analysis: analysis)
    }

    /// Every term's `chiSquare(present:totals:total:)` (NaN for a term with no cell), its cells
    /// read column by column (`place`: a column's place among `totals`, -1 for a dropped one):
    /// each term's `ChiSquareSums` take its cells in the order the function gives them, columns
    /// ascending, so the results are the same to the bit.
    static func chiSquares<Cells: CellColumns>(
        _ cells: Cells, place: [Int], frequency: [Int], totals: [Double], total: Double
    ) -> [Double] {
        // p as the function finds it: the term's counts summed as doubles, over the total.
        let p = frequency.map { Double($0) / total }
        var sums = [ChiSquareSums](repeating: ChiSquareSums(), count: frequency.count)
        for column in place.indices where place[column] >= 0 {
            cells.forEachCell(of: column) { id, count in
                sums[id].add(Double(count), column: place[column], p: p[id], totals: totals)
            }
        }
        return sums.indices.map { id in frequency[id] > 0 ? sums[id].value(p: p[id], totals: totals, total: total) : .nan }
    }

    /// R's `chisq.test(x)$statistic` of the k × 2 table (`counts`, `totals` − `counts`), the
    /// term's counts given only where it occurs (`present`: column and count, columns ascending):
    /// with Yates's correction when k = 2. The columns where the term is absent, whose cells are
    /// each (0 − Tp)² / (Tp(1 − p)) = Tp / (1 − p), add in one step.
    static func chiSquare(present cells: [(column: Int, count: Double)], totals: [Double], total: Double) -> Double {
        let p = cells.reduce(0) { $0 + $1.count } / total
        var sums = ChiSquareSums()
        for cell in cells { sums.add(cell.count, column: cell.column, p: p, totals: totals) }
        return sums.value(p: p, totals: totals, total: total)
    }

    /// R's `chisq.test(x)$statistic` of the k × 2 table (`counts`, `totals` − `counts`): with
    /// Yates's correction when k = 2.
    static func chiSquare(_ counts: [Double], totals: [Double], total: Double) -> Double {
        let present = counts.reduce(0, +)
        let p = present / total
        if counts.count == 2 {
            var cells: [(observed: Double, expected: Double)] = []
            for g in 0..<2 {
                cells.append((counts[g], totals[g] * p))
                cells.append((totals[g] - counts[g], totals[g] * (1 - p)))
            }
            let yates = min(0.5, cells.map { abs($0.observed - $0.expected) }.min() ?? 0)
            return cells.reduce(0) { $0 + pow(abs($1.observed - $1.expected) - yates, 2) / $1.expected }
        }
        var chi2 = 0.0
        for g in counts.indices {
            let expected = totals[g] * p
            chi2 += (counts[g] - expected) * (counts[g] - expected) / (expected * (1 - p))
        }
        return chi2
    }

    // MARK: Clustering and scaling

    /// The `clusterTerms` most frequent listed terms (ties in display order) whose pairs are
    /// counted.
    static func clusterTerms(_ context: ReportContext, count: Int) -> [Int] {
        let counts = context.counts
        let (allowed, ranks) = (context.terms.allowed, context.terms.ranks)
        let paired: (Int) -> Bool
        switch counts.pairScope {
        case .all: paired = { _ in true }
        case .none, .units: paired = { _ in false }
        case .terms(let terms): paired = { terms.contains(counts.terms[$0]) }
        }
        let candidates = counts.terms.indices.filter { id in allowed[id] && counts.termFrequency[id] > 0 && paired(id) }
        return Reports.first(count, of: candidates) { lhs, rhs in
            let (left, right) = (counts.termFrequency[lhs], counts.termFrequency[rhs])
            return left != right ? left > right : ranks[lhs] < ranks[rhs]
        }
    }

    static func clustering(_ context: ReportContext, options: MapOptions) -> Clustering {
        let counts = context.counts
        let terms = clusterTerms(context, count: options.clusterTerms)
        let n = terms.count
        let units = counts.unitCount
        let frequency = counts.unitFrequency
        var both: [Int] = []
        var distances: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let a = counts.pairUnits[CorpusCounts.PairKey(Int32(terms[i]), Int32(terms[j]))]
                both.append(a)
                distances.append(
                    options.distance.distance(a: a, b: frequency[terms[i]] - a, c: frequency[terms[j]] - a, n: units))
            }
        }
        let k = min(n, options.clusters ?? Int((Double(n).squareRoot() + 0.5).rounded(.down)))
        guard n >= 2 else {
            return Clustering(
                terms: terms, both: both, units: units, distances: distances, tree: nil, clusters: k,
                memberships: Array(repeating: 1, count: n), classical: nil, kruskalObjects: [], kruskal: nil)
        }
        let tree = HierarchicalClustering(distances: distances, count: n, method: options.method)
        let memberships = tree.memberships(clusters: max(1, k))
        let classical = scaled { () throws(MultivariateError) in try ClassicalScaling(distances: distances, count: n) }
        // KH Coder's check4mds: while two terms are at distance 0, the later is left out.
        var objects = Array(0..<n)
        while let dropped = firstZero(distances, objects: objects, n: n) { objects.remove(at: dropped) }
        let kept = subset(distances, objects: objects, n: n)
        var kruskal: KruskalScaling?
        if let start = scaled({ () throws(MultivariateError) in try ClassicalScaling(distances: kept, count: objects.count) }),
            start.points.allSatisfy({ $0.count == 2 })
        {
            kruskal = scaled { () throws(MultivariateError) in
                try KruskalScaling(
                    distances: kept, count: objects.count, start: start.points, iterations: 3000, tolerance: 1e-6)
            }
        }
        return Clustering(
            terms: terms, both: both, units: units, distances: distances, tree: tree, clusters: max(1, k),
            memberships: memberships, classical: classical, kruskalObjects: objects, kruskal: kruskal)
    }

    /// The result, or nil when the data cannot give it (too few terms); a LAPACK failure is a bug.
    private static func scaled<Result>(_ compute: () throws(MultivariateError) -> Result) -> Result? {
        do {
            return try compute()
        } catch .unsuitable {
            return nil
        } catch {
            preconditionFailure("scaling: \(error)")
        }
    }

    /// The place in `objects` of the first object at distance 0 from an earlier one, scanning as
    /// R's `which(jm == 0, arr.ind = TRUE)` does (column by column of the lower triangle).
    static func firstZero(_ distances: [Double], objects: [Int], n: Int) -> Int? {
        for (column, first) in objects.enumerated() {
            for row in (column + 1)..<max(column + 1, objects.count) where distances[index(first, objects[row], n: n)] == 0 {
                return row
            }
        }
        return nil
    }

    /// The distances among `objects`, in dist order.
    static func subset(_ distances: [Double], objects: [Int], n: Int) -> [Double] {
        var kept: [Double] = []
        for i in objects.indices {
            for j in (i + 1)..<max(i + 1, objects.count) { kept.append(distances[index(objects[i], objects[j], n: n)]) }
        }
        return kept
    }

    /// Where the distance of objects i < j (from 0) is in dist order.
    static func index(_ i: Int, _ j: Int, n: Int) -> Int {
        j - i - 1 + i * (2 * n - i - 1) / 2
    }
}
