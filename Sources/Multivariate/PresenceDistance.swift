/// Distances between two terms from their presence in n units (the 2×2 table of
/// `cooccurrence.csv`: a units hold both, b only the first, c only the second), as KH Coder's
/// word clustering and MDS offer them (docs/MULTIVARIATE.md):
///
/// - `jaccard`: 1 − a / (a + b + c), R's `dist(method = "binary")`, KH Coder's default;
/// - `dice`: 1 − 2a / (2a + b + c);
/// - `simpson`: 1 − a / min(a + b, a + c);
/// - `cosine`: 1 − a / √((a + b)(a + c)), amap's `Dist(method = "pearson")` on presence;
/// - `euclid`: the Euclidean distance between the two presence vectors each standardized
///   (R's `dist(t(scale(t(d))))`, as KH Coder standardizes each word), √(2(n − 1)(1 − r)) with r
///   their correlation (φ); a term present in every unit or in none has no spread, and r = 0.
public enum PresenceDistance: String, Sendable, CaseIterable, Codable {
    case jaccard, dice, simpson, cosine, euclid

    /// The distance of two terms found together in `a` units, the first alone in `b`, the second
    /// alone in `c`, of `n` units.
    public func distance(a: Int, b: Int, c: Int, n: Int) -> Double {
        let (a, b, c, n) = (Double(a), Double(b), Double(c), Double(n))
        switch self {
        case .jaccard: return a + b + c > 0 ? 1 - a / (a + b + c) : 0
        case .dice: return a + b + c > 0 ? 1 - 2 * a / (2 * a + b + c) : 0
        case .simpson:
            let smaller = min(a + b, a + c)
            return smaller > 0 ? 1 - a / smaller : 1
        case .cosine:
            let product = (a + b) * (a + c)
            return product > 0 ? 1 - a / product.squareRoot() : 1
        case .euclid:
            let spread = (a + b) * (n - a - b) * (a + c) * (n - a - c)
            let r = spread > 0 ? (n * a - (a + b) * (a + c)) / spread.squareRoot() : 0
            return max(0, 2 * (n - 1) * (1 - r)).squareRoot()
        }
    }
}
