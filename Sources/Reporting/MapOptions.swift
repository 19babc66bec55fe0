import Multivariate

/// Settings of the multivariate maps (`--ca-terms`, `--ca-dims`, `--cluster-terms`,
/// `--cluster-distance`, `--cluster-method`, `--clusters`): KH Coder's defaults.
public struct MapOptions: Sendable, Equatable {
    /// Terms in the correspondence analysis: the most distinctive by χ² (KH Coder's 差異が顕著な語).
    public var correspondenceTerms: Int
    /// Axes written in `correspondence.csv` (every axis's eigenvalue is written).
    public var correspondenceDimensions: Int
    /// Most frequent terms clustered and scaled.
    public var clusterTerms: Int
    public var distance: PresenceDistance
    public var method: HierarchicalClustering.Method
    /// Clusters the tree is cut into; `nil`: KH Coder's Auto, ⌊√terms + ½⌋.
    public var clusters: Int?

    public init(
        correspondenceTerms: Int = 60, correspondenceDimensions: Int = 2, clusterTerms: Int = 60,
        distance: PresenceDistance = .jaccard, method: HierarchicalClustering.Method = .wardD2, clusters: Int? = nil
    ) {
        self.correspondenceTerms = correspondenceTerms
        self.correspondenceDimensions = correspondenceDimensions
        self.clusterTerms = clusterTerms
        self.distance = distance
        self.method = method
        self.clusters = clusters
    }
}
