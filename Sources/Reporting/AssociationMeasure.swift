import Foundation

/// The association measures of a 2×2 table over co-occurrence units, exactly as
/// docs/MEASURES.md §2 defines them, with a units holding both terms, b the first only, c
/// the second only, d neither, N = a + b + c + d and E = (a + b)(a + c) / N the expected a:
///
///     count    a
///     jaccard  a / (a + b + c)                       KH Coder's default
///     dice     2a / (2a + b + c)
///     simpson  a / min(a + b, a + c)
///     cosine   a / √((a + b)(a + c))                 binary cosine (Ochiai)
///     lift     a / E = aN / ((a + b)(a + c))
///     pmi      ln(a / E)                             natural log, as quanteda
///     npmi     pmi / (−ln(a / N))                    in [−1, 1]
///     g2       2 Σ O ln(O / E) over the four cells   0 · ln 0 = 0
///     chi2     N(ad − bc)² / ((a + b)(c + d)(a + c)(b + d))
///     tscore   (a − E) / √a
///
/// Where a formula has no value, the measure is `nil` (an empty CSV cell, JSON null) rather
/// than a number made up: PMI and t-score when a = 0 (the terms never meet; NPMI is then −1 by
/// its definition's limit), NPMI when a = N (the pair is in every unit: PMI is 0 and so is
/// its denominator; the terms always co-occur, so NPMI is 1, its upper bound, by convention).
/// Ratios with an empty denominator (a term in no unit) are 0, as `PairCounts.jaccard` is.
public enum AssociationMeasure: String, CaseIterable, Sendable, Codable {
    case count, jaccard, dice, simpson, cosine, lift, pmi, npmi, g2, chi2, tscore

    /// The value to rank by: the measure, or −∞ where it has none, so such pairs come last.
    public func score(_ table: PairCounts) -> Double {
        value(table) ?? -.infinity
    }

    /// The measure of `table`, or nil where it has no value (see above).
    public func value(_ table: PairCounts) -> Double? {
        let (a, b, c, d) = (Double(table.a), Double(table.b), Double(table.c), Double(table.d))
        let n = a + b + c + d
        let expected = n > 0 ? (a + b) * (a + c) / n : 0
        func ratio(_ numerator: Double, _ denominator: Double) -> Double { denominator > 0 ? numerator / denominator : 0 }
        switch self {
        case .count: return a
        case .jaccard: return table.jaccard
        case .dice: return ratio(2 * a, 2 * a + b + c)
        case .simpson: return ratio(a, min(a + b, a + c))
        case .cosine: return ratio(a, ((a + b) * (a + c)).squareRoot())
        case .lift: return ratio(a, expected)
        case .pmi:
            guard a > 0 else { return nil }
            return log(a / expected)
        case .npmi:
            guard a > 0 else { return -1 }
            guard a < n else { return 1 }
            return log(a / expected) / -log(a / n)
        case .g2: return Keyness.logLikelihood(table)
        case .chi2: return Keyness.chiSquare(table)
        case .tscore:
            guard a > 0 else { return nil }
            return (a - expected) / a.squareRoot()
        }
    }
}
