/// The pair vocabulary: the most frequent terms, whose pairs a run with a bounded pair table keeps.
extension CorpusCounts {
    /// The `size` most frequent terms (by occurrences, then by term): the terms whose pairs a
    /// run keeps, so that its pair table holds at most size(size − 1)/2 pairs.
    public func pairVocabulary(size: Int) -> Set<Term> {
        Self.mostFrequent(terms, frequencies: termFrequency, size: size)
    }

    /// The `size` terms of `terms` with the highest `frequencies` (same indices), ties by term.
    /// Only the terms at least as frequent as the `size`-th are sorted: a run has tens of
    /// thousands of terms, and its pair vocabulary 2,000.
    private static func mostFrequent(_ terms: [Term], frequencies: [Int], size: Int) -> Set<Term> {
        guard terms.count > size else { return Set(terms) }
        guard size > 0 else { return [] }
        let cut = frequencies.sorted(by: >)[size - 1]
        let ranked = terms.indices.filter { frequencies[$0] >= cut }.sorted { lhs, rhs in
            frequencies[lhs] != frequencies[rhs] ? frequencies[lhs] > frequencies[rhs] : terms[lhs] < terms[rhs]
        }
        return Set(ranked.prefix(size).map { terms[$0] })
    }
}
