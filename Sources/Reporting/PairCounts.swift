/// The 2×2 table of two terms over the co-occurrence units (docs/MEASURES.md §1):
/// `a` units with both, `b` with the first only, `c` with the second only, `d` with neither.
public struct PairCounts: Sendable, Equatable {
    public let a: Int
    public let b: Int
    public let c: Int
    public let d: Int

    /// Builds the table from the pair's joint count, each term's unit count and the unit total.
    public init(both: Int, first: Int, second: Int, units: Int) {
        precondition(both <= first && both <= second && first + second - both <= units, "inconsistent counts")
        a = both
        b = first - both
        c = second - both
        d = units - first - second + both
    }

    /// The number of units, N = a + b + c + d.
    public var n: Int { a + b + c + d }

    /// Jaccard similarity a / (a + b + c), KH Coder's default co-occurrence measure.
    public var jaccard: Double {
        let union = a + b + c
        return union == 0 ? 0 : Double(a) / Double(union)
    }
}
