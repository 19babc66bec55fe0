import Foundation

/// Log-likelihood G² and χ² of a 2×2 table (docs/MEASURES.md §4), for a term in a group:
/// `a` its occurrences in the group, `b` outside, `c` the group's other term occurrences, `d` the
/// rest.
///
///     G² = 2 Σ O ln(O / E)  over the four cells (0 · ln 0 = 0)
///     χ² = N (ad − bc)² / ((a + b)(c + d)(a + c)(b + d))   (0 when a margin is empty)
public enum Keyness {
    public static func expected(_ table: PairCounts) -> Double {
        let n = Double(table.n)
        return n == 0 ? 0 : Double(table.a + table.b) * Double(table.a + table.c) / n
    }

    public static func logLikelihood(_ table: PairCounts) -> Double {
        let (a, b, c, d) = (Double(table.a), Double(table.b), Double(table.c), Double(table.d))
        let n = a + b + c + d
        guard n > 0 else { return 0 }
        func term(_ observed: Double, _ row: Double, _ column: Double) -> Double {
            let expected = row * column / n
            return observed > 0 && expected > 0 ? observed * log(observed / expected) : 0
        }
        return 2 * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c) + term(d, c + d, b + d))
    }

    public static func chiSquare(_ table: PairCounts) -> Double {
        let (a, b, c, d) = (Double(table.a), Double(table.b), Double(table.c), Double(table.d))
        let denominator = (a + b) * (c + d) * (a + c) * (b + d)
        guard denominator > 0 else { return 0 }
        let difference = a * d - b * c
        return (a + b + c + d) * difference * difference / denominator
    }
}
