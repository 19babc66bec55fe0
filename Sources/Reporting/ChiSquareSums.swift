/// The sums of one term's χ² against the columns of the correspondence analysis
/// (`MultivariateMaps.chiSquare(present:totals:total:)`), added a cell at a time, columns
/// ascending: the one place its arithmetic is written, so that a term's cells read all at once
/// and cells gathered column by column for every term (`MultivariateMaps.chiSquares`) give the
/// same bits.
struct ChiSquareSums {
    /// With more than two columns: Σ (count − expected)² / (expected (1 − p)) over the term's
    /// cells, and the columns' totals over them.
    private var sum = 0.0
    private var covered = 0.0
    /// With two columns: the term's count in each, for Yates's correction.
    private var counts = (0.0, 0.0)

    /// Adds the term's `count` in `column` (a place in `totals`); `p` is the term's share of all
    /// term occurrences (its counts summed as doubles, over the total).
    mutating func add(_ count: Double, column: Int, p: Double, totals: [Double]) {
        if totals.count == 2 {
            if column == 0 { counts.0 += count } else { counts.1 += count }
            return
        }
        let expected = totals[column] * p
        sum += (count - expected) * (count - expected) / (expected * (1 - p))
        covered += totals[column]
    }

    /// The statistic: the columns where the term is absent, whose cells are each
    /// (0 − Tp)² / (Tp(1 − p)) = Tp / (1 − p), add in one step.
    func value(p: Double, totals: [Double], total: Double) -> Double {
        if totals.count == 2 { return MultivariateMaps.chiSquare([counts.0, counts.1], totals: totals, total: total) }
        return sum + (total - covered) * p / (1 - p)
    }
}
