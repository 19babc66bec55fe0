/// Simple correspondence analysis of a table of counts, as `MASS::corresp` and `ca::ca` compute
/// it: the singular value decomposition of the standardized residuals
/// S = D_r^-1/2 (P − r cᵀ) D_c^-1/2 (P the table over its total, r and c its row and column
/// masses), by LAPACK's `dgesdd`.
///
/// Standard coordinates are U / √r and V / √c (each axis of unit weighted variance, as
/// `corresp`'s `rscore` and `cscore` and `ca`'s `rowcoord` and `colcoord`); principal
/// coordinates are those times the singular value; a point's contribution to an axis is its mass
/// times its standard coordinate squared (the axis's contributions add up to 1 over rows, and
/// over columns). Axes are signed by `AxisSigns` on the row standard coordinates.
public struct CorrespondenceAnalysis: Sendable, Equatable {
    /// Each axis's singular value (canonical correlation, `corresp`'s `cor`), descending: one
    /// axis fewer than the table's smaller side.
    public let singularValues: [Double]
    /// Row and column masses.
    public let rowMasses: [Double]
    public let columnMasses: [Double]
    /// Standard coordinates, by point then axis: `rowStandard[i][k]`.
    public let rowStandard: [[Double]]
    public let columnStandard: [[Double]]

    /// Each axis's eigenvalue (principal inertia): its singular value squared.
    public var eigenvalues: [Double] { singularValues.map { $0 * $0 } }
    /// The table's total inertia (χ² over n): the sum of the eigenvalues.
    public var totalInertia: Double { eigenvalues.reduce(0, +) }

    /// Principal coordinates, by point then axis.
    public var rowPrincipal: [[Double]] { Self.principal(rowStandard, singularValues) }
    public var columnPrincipal: [[Double]] { Self.principal(columnStandard, singularValues) }

    /// The analysis of `table` (`table[i][j]`: row i, column j), whose rows and columns must each
    /// have a positive total, with at least two rows and two columns.
    public init(table: [[Double]]) throws(MultivariateError) {
        let rows = table.count
        let columns = table.first?.count ?? 0
        guard rows >= 2, columns >= 2 else {
            throw .unsuitable("correspondence analysis needs at least two rows and two columns (got \(rows) × \(columns))")
        }
        let total = table.reduce(0) { $0 + $1.reduce(0, +) }
        let rowMasses = table.map { $0.reduce(0, +) / total }
        var columnMasses = [Double](repeating: 0, count: columns)
        for row in table { for j in 0..<columns { columnMasses[j] += row[j] } }
        columnMasses = columnMasses.map { $0 / total }
        guard rowMasses.allSatisfy({ $0 > 0 }), columnMasses.allSatisfy({ $0 > 0 }) else {
            throw .unsuitable("correspondence analysis needs every row and column to have a count")
        }
        // The standardized residuals, column major for LAPACK.
        var residuals = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                let expected = rowMasses[i] * columnMasses[j]
                residuals[j * rows + i] = (table[i][j] / total - expected) / expected.squareRoot()
            }
        }
        let (u, s, vt) = try LAPACK.svd(residuals, rows: rows, columns: columns)
        let rank = min(rows, columns)
        let axes = rank - 1
        var rowStandard = [[Double]](repeating: [Double](repeating: 0, count: axes), count: rows)
        var columnStandard = [[Double]](repeating: [Double](repeating: 0, count: axes), count: columns)
        for k in 0..<axes {
            let flip = AxisSigns.mustFlip((0..<rows).lazy.map { u[k * rows + $0] / rowMasses[$0].squareRoot() }) ? -1.0 : 1.0
            for i in 0..<rows { rowStandard[i][k] = flip * u[k * rows + i] / rowMasses[i].squareRoot() }
            for j in 0..<columns { columnStandard[j][k] = flip * vt[j * rank + k] / columnMasses[j].squareRoot() }
        }
        singularValues = Array(s.prefix(axes))
        self.rowMasses = rowMasses
        self.columnMasses = columnMasses
        self.rowStandard = rowStandard
        self.columnStandard = columnStandard
    }

    private static func principal(_ standard: [[Double]], _ singularValues: [Double]) -> [[Double]] {
        standard.map { point in point.indices.map { point[$0] * singularValues[$0] } }
    }
}
