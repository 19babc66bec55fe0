/// Kruskal's non-metric multidimensional scaling, as `MASS::isoMDS` computes it: stress (in
/// percent) from the monotone regression of the configuration's distances on the order of the
/// given ones (pool-adjacent-violators over the ranks), minimized by R's variable-metric method
/// (`vmmin`, BFGS) with the same step rules, the same gradient and the same stopping tests, so
/// that the same start gives the same configuration and stress.
public struct KruskalScaling: Sendable, Equatable {
    /// Each point's coordinates, by point then axis.
    public let points: [[Double]]
    /// Kruskal's stress (formula 1) in percent, as `isoMDS` reports it.
    public let stress: Double

    /// Scales `count` objects from their distances (R's `dist` order, every one positive),
    /// starting from `start` (by point then axis), for at most `iterations` iterations, until the
    /// stress changes by less than `tolerance` relative to itself (`isoMDS`'s `maxit` and `tol`).
    public init(
        distances: [Double], count n: Int, start: [[Double]], iterations: Int = 50, tolerance: Double = 1e-3
    ) throws(MultivariateError) {
        guard n >= 3 else { throw .unsuitable("Kruskal's scaling needs at least 3 objects (got \(n))") }
        guard distances.allSatisfy({ $0 > 0 }) else {
            throw .unsuitable("Kruskal's scaling needs every distance to be positive")
        }
        let dimensions = start.first?.count ?? 0
        // ord: the pairs by ascending distance (ties in dist order, as R's order); rank: ord's inverse.
        let ord = distances.indices.sorted { (distances[$0], $0) < (distances[$1], $1) }
        var rank = [Int](repeating: 0, count: ord.count)
        for (position, pair) in ord.enumerated() { rank[pair] = position }
        var x = [Double](repeating: 0, count: n * dimensions)
        for i in 0..<n { for k in 0..<dimensions { x[i + k * n] = start[i][k] } }
        let function = StressFunction(objects: n, dimensions: dimensions, ord: ord, rank: rank)
        let minimum = VariableMetric.minimize(
            &x,
            value: { point in
                var unused: [Double] = []
                return function.stress(at: point, gradient: &unused, computingGradient: false)
            },
            gradient: { point, gradient in _ = function.stress(at: point, gradient: &gradient, computingGradient: true) },
            iterations: iterations, absoluteTolerance: 1e-2, relativeTolerance: tolerance)
        points = (0..<n).map { i in (0..<dimensions).map { x[i + $0 * n] } }
        stress = minimum
    }
}

/// `MASS`'s `VR_mds_fn`: the stress of a configuration and its gradient, with the same
/// arithmetic in the same order (so the same bits). The monotone regression is
/// `MonotoneRegression`'s; the gradient's factor for each pair is found once per pair rather than
/// once per pair, axis and end, and each pair's place in the order is looked up in a table.
private struct StressFunction {
    let objects: Int
    let dimensions: Int
    let ord: [Int]
    /// For objects u and s (u ≠ s), `rank` of their pair: `pairRank[u * objects + s]`.
    let pairRank: [Int]

    init(objects: Int, dimensions: Int, ord: [Int], rank: [Int]) {
        self.objects = objects
        self.dimensions = dimensions
        self.ord = ord
        var pairRank = [Int](repeating: 0, count: objects * objects)
        var index = 0
        for r1 in 0..<objects {
            for r2 in (r1 + 1)..<max(r1 + 1, objects) {
                pairRank[r1 * objects + r2] = rank[index]
                pairRank[r2 * objects + r1] = rank[index]
                index += 1
            }
        }
        self.pairRank = pairRank
    }

    func stress(at x: [Double], gradient: inout [Double], computingGradient: Bool) -> Double {
        let r = objects
        let pairs = ord.count
        // The configuration's distances, in dist order, then by the given distances' order.
        var d = [Double](repeating: 0, count: pairs)
        var index = 0
        for r1 in 0..<r {
            for r2 in (r1 + 1)..<r {
                var sum = 0.0
                for c in 0..<dimensions {
                    let difference = x[r1 + c * r] - x[r2 + c * r]
                    sum += difference * difference
                }
                d[index] = sum.squareRoot()
                index += 1
            }
        }
        let y = ord.map { d[$0] }
        // Monotone regression by pool-adjacent-violators, on cumulative sums.
        var cumulative = [Double](repeating: 0, count: pairs + 1)
        var total = 0.0
        for i in 0..<pairs {
            total += y[i]
            cumulative[i + 1] = total
        }
        var fitted = [Double](repeating: 0, count: pairs)
        MonotoneRegression.fit(cumulative: cumulative, into: &fitted)
        var sstar = 0.0
        var tstar = 0.0
        for i in 0..<pairs {
            let residual = y[i] - fitted[i]
            sstar += residual * residual
            tstar += y[i] * y[i]
        }
        let ssq = 100 * (sstar / tstar).squareRoot()
        guard computingGradient else { return ssq }
        // VR_mds_fn's ((y[k] − yf[k]) / sstar − y[k] / tstar), the same for every axis and end.
        var factor = [Double](repeating: 0, count: pairs)
        for k in 0..<pairs { factor[k] = (y[k] - fitted[k]) / sstar - y[k] / tstar }
        let (xs, ys, factors, ranks) = (x.span, y.span, factor.span, pairRank.span)
        for u in 0..<r {
            for i in 0..<dimensions {
                var sum = 0.0
                for s in 0..<r where s != u {
                    let k = ranks[unchecked: u * r + s]
                    var difference = xs[unchecked: u + r * i] - xs[unchecked: s + r * i]
                    let sign: Double = difference >= 0 ? 1 : -1
                    difference = abs(difference) / ys[unchecked: k]
                    sum += factors[unchecked: k] * sign * difference
                }
                gradient[u + i * r] = sum * ssq
            }
        }
        return ssq
    }
}

/// R's `vmmin` (optim's BFGS), step for step: the same line search (steps shrunk by 0.2 until
/// the Armijo test with 1e-4 passes), the same inverse-Hessian update and restarts, and the same
/// stopping tests, so that it stops where R stops.
enum VariableMetric {
    static func minimize(
        _ b: inout [Double], value fminfn: ([Double]) -> Double,
        gradient fmingr: ([Double], inout [Double]) -> Void,
        iterations maxit: Int, absoluteTolerance abstol: Double, relativeTolerance reltol: Double
    ) -> Double {
        let stepredn = 0.2
        let acctol = 0.0001
        let reltest = 10.0
        let n = b.count
        if maxit <= 0 { return fminfn(b) }
        var g = [Double](repeating: 0, count: n)
        var t = [Double](repeating: 0, count: n)
        var xs = [Double](repeating: 0, count: n)
        var c = [Double](repeating: 0, count: n)
        // The inverse Hessian's lower triangle, row by row: element (i, j ≤ i) at row(i) + j.
        var matrix = [Double](repeating: 0, count: n * (n + 1) / 2)
        func row(_ i: Int) -> Int { i * (i + 1) / 2 }
        var f = fminfn(b)
        var fmin = f
        var gradcount = 1
        fmingr(b, &g)
        var iter = 1
        var ilast = gradcount
        var count = 0
        repeat {
            if ilast == gradcount {
                for i in 0..<n {
                    for j in 0..<i { matrix[row(i) + j] = 0 }
                    matrix[row(i) + i] = 1
                }
            }
            for i in 0..<n {
                xs[i] = b[i]
                c[i] = g[i]
            }
            var gradproj = 0.0
            do {
                // Read through spans: the matrix's n² reads are most of an iteration.
                let (m, gs) = (matrix.span, g.span)
                for i in 0..<n {
                    var s = 0.0
                    let start = row(i)
                    for j in 0...i { s -= m[unchecked: start + j] * gs[unchecked: j] }
                    for j in (i + 1)..<n { s -= m[unchecked: row(j) + i] * gs[unchecked: j] }
                    t[i] = s
                    gradproj += s * g[i]
                }
            }
            if gradproj < 0 {
                var steplength = 1.0
                var accpoint = false
                repeat {
                    count = 0
                    for i in 0..<n {
                        b[i] = xs[i] + steplength * t[i]
                        if reltest + xs[i] == reltest + b[i] { count += 1 }
                    }
                    if count < n {
                        f = fminfn(b)
                        accpoint = f.isFinite && f <= fmin + gradproj * steplength * acctol
                        if !accpoint { steplength *= stepredn }
                    }
                } while !(count == n || accpoint)
                let enough = f > abstol && abs(f - fmin) > reltol * (abs(fmin) + reltol)
                if !enough {
                    count = n
                    fmin = f
                }
                if count < n {
                    fmin = f
                    fmingr(b, &g)
                    gradcount += 1
                    iter += 1
                    var d1 = 0.0
                    for i in 0..<n {
                        t[i] = steplength * t[i]
                        c[i] = g[i] - c[i]
                        d1 += t[i] * c[i]
                    }
                    if d1 > 0 {
                        var d2 = 0.0
                        do {
                            let (m, cs) = (matrix.span, c.span)
                            for i in 0..<n {
                                var s = 0.0
                                let start = row(i)
                                for j in 0...i { s += m[unchecked: start + j] * cs[unchecked: j] }
                                for j in (i + 1)..<n { s += m[unchecked: row(j) + i] * cs[unchecked: j] }
                                xs[i] = s
                                d2 += s * c[i]
                            }
                        }
                        d2 = 1 + d2 / d1
                        do {
                            var m = matrix.mutableSpan
                            let (ts, xss) = (t.span, xs.span)
                            for i in 0..<n {
                                let (start, ti, xsi) = (row(i), ts[i], xss[i])
                                for j in 0...i {
                                    m[unchecked: start + j] +=
                                        (d2 * ti * ts[unchecked: j] - xsi * ts[unchecked: j] - ti * xss[unchecked: j]) / d1
                                }
                            }
                        }
                    } else {
                        ilast = gradcount
                    }
                } else if ilast < gradcount {
                    count = 0
                    ilast = gradcount
                }
            } else {
                count = 0
                if ilast == gradcount { count = n } else { ilast = gradcount }
            }
            if iter >= maxit { break }
            if gradcount - ilast > 2 * n { ilast = gradcount }
        } while count != n || ilast != gradcount
        return fmin
    }
}
