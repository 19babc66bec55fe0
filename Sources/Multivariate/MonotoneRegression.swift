/// The monotone (isotonic) regression of Kruskal's stress, as `MASS`'s `VR_mds_fn` computes it:
/// pool-adjacent-violators on cumulative sums, each block's fitted value the slope to the first
/// point of least slope after it. The same blocks and the same divisions give the same bits.
///
/// `VR_mds_fn` finds each block's end by computing the slope to every later point, so a fit of
/// *p* values with *b* blocks costs about *p·b*/2 divisions; it is most of a stress evaluation.
/// Here the later points are taken in runs, and a run is skipped when a lower bound of its slopes
/// is no less than the least slope so far: such a run holds no point that `VR_mds_fn` would take
/// (it takes a point only for a slope strictly less). The bound is exact in floating point, not
/// only in real numbers, because the values are not negative: the cumulative sums then never
/// decrease, and rounding keeps the order of what it rounds.
enum MonotoneRegression {
    /// Points of a run checked one by one, at least; a run is an eighth of its distance from the
    /// block's start otherwise, so the bound stays within about 11 % of the slopes it bounds.
    static let shortestRun = 8

    /// Writes into `fitted` (as long as `values`) the monotone regression of `values` (not
    /// negative), given `cumulative`: 0, then the running sums of `values` (`values.count + 1`).
    static func fit(cumulative: [Double], into fitted: inout [Double]) {
        let count = cumulative.count - 1
        var known = 0
        var ip = 0
        repeat {
            let base = cumulative[known]
            var slope = 1.0e200
            var next = known + 1
            while next <= count {
                let last = min(count, next + max(shortestRun, (next - known) / 8) - 1)
                // Every point of next...last has a cumulative sum at least cumulative[next] and a
                // distance at most last − known, so a slope at least this.
                if (cumulative[next] - base) / Double(last - known) >= slope {
                    next = last + 1
                    continue
                }
                for i in next...last {
                    let value = (cumulative[i] - base) / Double(i - known)
                    if value < slope {
                        slope = value
                        ip = i
                    }
                }
                next = last + 1
            }
            for i in known..<ip { fitted[i] = (cumulative[ip] - base) / Double(ip - known) }
            known = ip
        } while known < count
    }
}
