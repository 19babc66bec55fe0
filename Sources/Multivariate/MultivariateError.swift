/// Why a multivariate map could not be computed.
public enum MultivariateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A LAPACK routine failed (`info` as it returned it).
    case lapack(routine: String, info: Int)
    /// The data cannot give the map: too few rows or columns, a distance not positive …
    case unsuitable(String)

    public var description: String {
        switch self {
        case .lapack(let routine, let info): "LAPACK's \(routine) failed (info \(info))"
        case .unsuitable(let reason): reason
        }
    }
}
