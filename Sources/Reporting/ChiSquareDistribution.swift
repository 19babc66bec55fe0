import Foundation

/// The upper tail of the χ² distribution, for the p-values of crosstab tests: P(X ≥ x) for X
/// with `degrees` degrees of freedom, which is the regularized upper incomplete gamma function
/// Q(k/2, x/2). Foundation has no incomplete gamma, so it is computed here by its power series
/// below a + 1 and its continued fraction (modified Lentz) above, as Numerical Recipes §6.2 does,
/// to about 1e-14 relative accuracy.
public enum ChiSquareDistribution {
    /// P(X ≥ `statistic`) with `degrees` (≥ 1) degrees of freedom; 1 for a statistic ≤ 0.
    public static func upperTail(_ statistic: Double, degrees: Int) -> Double {
        guard statistic > 0, degrees >= 1 else { return 1 }
        return regularizedUpperGamma(Double(degrees) / 2, statistic / 2)
    }

    static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            // P(a, x) = e^(−x) x^a / Γ(a + 1) · Σ x^n / ((a + 1) … (a + n)).
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<1000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        // Q(a, x) = e^(−x) x^a / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − …)).
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for step in 1...1000 {
            let an = -Double(step) * (Double(step) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return min(1, exp(logPrefix) * fraction)
    }
}
