import Analysis

/// Bounds on terms' occurrences and documents, as KH Coder's 最小/最大出現数 and 文書数: terms
/// outside them are left out of every term report (frequencies, document terms, co-occurrence,
/// group terms). Counts are never changed, only what is listed.
public struct TermBounds: Sendable, Equatable {
    public var minimumCount: Int?
    public var maximumCount: Int?
    public var minimumDocuments: Int?
    public var maximumDocuments: Int?

    public init(minimumCount: Int? = nil, maximumCount: Int? = nil, minimumDocuments: Int? = nil, maximumDocuments: Int? = nil) {
        self.minimumCount = minimumCount
        self.maximumCount = maximumCount
        self.minimumDocuments = minimumDocuments
        self.maximumDocuments = maximumDocuments
    }

    /// For each term id of `counts`, whether it is listed.
    func allowed(in counts: CorpusCounts) -> [Bool] {
        counts.terms.indices.map { id in
            let (frequency, documents) = (counts.termFrequency[id], counts.documentFrequency[id])
            return frequency >= (minimumCount ?? 0) && frequency <= (maximumCount ?? .max)
                && documents >= (minimumDocuments ?? 0) && documents <= (maximumDocuments ?? .max)
        }
    }
}
