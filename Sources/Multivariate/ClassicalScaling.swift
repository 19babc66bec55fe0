/// Classical (Torgerson) multidimensional scaling, as R's `cmdscale`: the distances squared,
/// double-centred (row means, then column means, subtracted), times −½, and the points the
/// largest eigenvectors (LAPACK's `dsyevr`) scaled by the square roots of their eigenvalues.
/// Axes are signed by `AxisSigns`.
public struct ClassicalScaling: Sendable, Equatable {
    /// Each point's coordinates, by point then axis.
    public let points: [[Double]]
    /// The eigenvalues of the axes, descending.
    public let eigenvalues: [Double]

    /// The `dimensions`-dimensional configuration of `count` objects from their distances in
    /// R's `dist` order (see `HierarchicalClustering.init`). Axes whose eigenvalue is not
    /// positive are left out, as `cmdscale` leaves them (with a warning).
    public init(distances: [Double], count n: Int, dimensions: Int = 2) throws(MultivariateError) {
        guard n > dimensions else {
            throw .unsuitable("classical scaling in \(dimensions) dimensions needs more than \(dimensions) objects (got \(n))")
        }
        var x = [Double](repeating: 0, count: n * n)
        var index = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let squared = distances[index] * distances[index]
                x[j * n + i] = squared
                x[i * n + j] = squared
                index += 1
            }
        }
        // R's DoubleCentre: each row's mean off, then each column's.
        for i in 0..<n {
            var mean = 0.0
            for j in 0..<n { mean += x[j * n + i] }
            mean /= Double(n)
            for j in 0..<n { x[j * n + i] -= mean }
        }
        for j in 0..<n {
            var mean = 0.0
            for i in 0..<n { mean += x[j * n + i] }
            mean /= Double(n)
            for i in 0..<n { x[j * n + i] -= mean }
        }
        for index in x.indices { x[index] = -x[index] / 2 }
        let (values, vectors) = try LAPACK.largestEigen(x, n: n, count: dimensions)
        let kept = values.indices.filter { values[$0] > 0 }
        var points = [[Double]](repeating: [], count: n)
        for k in kept {
            let column = vectors[(k * n)..<((k + 1) * n)]
            let flip = AxisSigns.mustFlip(column) ? -1.0 : 1.0
            let scale = values[k].squareRoot()
            for i in 0..<n { points[i].append(flip * column[k * n + i] * scale) }
        }
        self.points = points
        eigenvalues = kept.map { values[$0] }
    }
}
