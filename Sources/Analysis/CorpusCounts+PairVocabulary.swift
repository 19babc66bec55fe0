/// The pair vocabulary: the most frequent terms, whose pairs a run with a bounded pair table keeps.
extension CorpusCounts {
    /// The `size` most frequent terms (by occurrences, then by term): the terms whose pairs a
    /// run keeps, so that its pair table holds at most size(size − 1)/2 pairs.
    public func pairVocabulary(size: Int) -> Set<Term> {
        Set(Self.mostFrequent(terms, frequencies: termFrequency, size: size).map { terms[$0] })
    }

    /// The pair vocabulary (`pairVocabulary(size:)`), and each term's place among it, the most
    /// frequent first (by id; -1 for a term not in it): what `countPairs(_:pairsOnly:ranks:)`
    /// takes, renamed to each worker's ids, so that no worker looks its terms up in the set or
    /// sorts them. The places are the pair array's rows (`PairTable`): by frequency, the pairs
    /// of the terms met most often, which most units hold, are in the first rows of the
    /// triangle, a few hundred kilobytes that stay in the caches, where places in term order
    /// spread them over all of its 16 MB (the survey's pairs were counted a third faster).
    public func pairVocabularyRanks(size: Int) -> (vocabulary: Set<Term>, ranks: [Int32]) {
        let ids = Self.mostFrequent(terms, frequencies: termFrequency, size: size)
        var ranks = [Int32](repeating: -1, count: terms.count)
        for (place, id) in ids.enumerated() { ranks[id] = Int32(place) }
        return (Set(ids.map { terms[$0] }), ranks)
    }

    /// The ids of the `size` terms of `terms` with the highest `frequencies` (same indices), ties
    /// by term. Only the terms at least as frequent as the `size`-th are sorted: a run has tens
    /// of thousands of terms, and its pair vocabulary 2,000.
    private static func mostFrequent(_ terms: [Term], frequencies: [Int], size: Int) -> [Int] {
        guard terms.count > size else { return Array(terms.indices) }
        guard size > 0 else { return [] }
        let cut = frequencies.sorted(by: >)[size - 1]
        let ranked = terms.indices.filter { frequencies[$0] >= cut }.sorted { lhs, rhs in
            frequencies[lhs] != frequencies[rhs] ? frequencies[lhs] > frequencies[rhs] : terms[lhs] < terms[rhs]
        }
        return Array(ranked.prefix(size))
    }
}
