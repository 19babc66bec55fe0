internal import CLAPACK

/// The two LAPACK routines the maps need, wrapped: the C pointers stay in this file.
///
/// Debian's reference LAPACK is single-threaded and deterministic; its results differ from R's
/// (which calls the same routines, `dgesdd` for `svd` and `dsyevr` for `eigen(symmetric = TRUE)`)
/// only in the last bits and in each vector's sign, which `AxisSigns` fixes.
enum LAPACK {
    /// The thin singular value decomposition of the `rows` × `columns` matrix `values` (column
    /// major): `u` is rows × r, `vt` r × columns (both column major), `s` descending, with
    /// r = min(rows, columns).
    static func svd(_ values: [Double], rows: Int, columns: Int) throws(MultivariateError) -> (
        u: [Double], s: [Double], vt: [Double]
    ) {
        let rank = min(rows, columns)
        var a = values
        var s = [Double](repeating: 0, count: rank)
        var u = [Double](repeating: 0, count: rows * rank)
        var vt = [Double](repeating: 0, count: rank * columns)
        var iwork = [Int32](repeating: 0, count: 8 * rank)
        var (m, n, lda, ldu, ldvt, info) = (Int32(rows), Int32(columns), Int32(rows), Int32(rows), Int32(rank), Int32(0))
        var job = CChar(UInt8(ascii: "S"))
        // A workspace query first, then the decomposition.
        var size = 0.0
        var query: Int32 = -1
        dgesdd_(&job, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &size, &query, &iwork, &info, 1)
        guard info == 0 else { throw .lapack(routine: "dgesdd", info: Int(info)) }
        var lwork = Int32(size.rounded(.up))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&job, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        guard info == 0 else { throw .lapack(routine: "dgesdd", info: Int(info)) }
        return (u, s, vt)
    }

    /// The `count` largest eigenvalues of the symmetric `n` × `n` matrix `values` (column major,
    /// its lower triangle read), descending, and their eigenvectors (n × count, column major).
    static func largestEigen(_ values: [Double], n: Int, count: Int) throws(MultivariateError) -> (
        values: [Double], vectors: [Double]
    ) {
        precondition(count >= 1 && count <= n)
        var a = values
        var (order, lda, il, iu, ldz, found, info) = (Int32(n), Int32(n), Int32(n - count + 1), Int32(n), Int32(n), Int32(0), Int32(0))
        var (vl, vu, abstol) = (0.0, 0.0, 0.0)
        var w = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n * count)
        var isuppz = [Int32](repeating: 0, count: 2 * count)
        var (job, range, uplo) = (CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "I")), CChar(UInt8(ascii: "L")))
        var size = 0.0
        var isize: Int32 = 0
        var query: Int32 = -1
        dsyevr_(
            &job, &range, &uplo, &order, &a, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w, &z, &ldz, &isuppz,
            &size, &query, &isize, &query, &info, 1, 1, 1)
        guard info == 0 else { throw .lapack(routine: "dsyevr", info: Int(info)) }
        var lwork = Int32(size.rounded(.up))
        var liwork = isize
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevr_(
            &job, &range, &uplo, &order, &a, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w, &z, &ldz, &isuppz,
            &work, &lwork, &iwork, &liwork, &info, 1, 1, 1)
        guard info == 0, Int(found) == count else { throw .lapack(routine: "dsyevr", info: Int(info)) }
        // Ascending from LAPACK: the largest first.
        var vectors = [Double](repeating: 0, count: n * count)
        for k in 0..<count {
            let source = count - 1 - k
            for i in 0..<n { vectors[k * n + i] = z[source * n + i] }
        }
        return (Array(w.prefix(count).reversed()), vectors)
    }
}
