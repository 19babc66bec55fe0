/// The pair vocabulary: the most frequent terms, whose pairs a run with a bounded pair table keeps.
extension CorpusCounts {
    /// The `size` most frequent terms (by occurrences, then by term): the terms whose pairs a
    /// run keeps, so that its pair table holds at most size(size − 1)/2 pairs.
    public func pairVocabulary(size: Int) -> Set<Term> {
        Self.mostFrequent(terms, frequencies: termFrequency, size: size)
    }

    /// The pair vocabulary the merge of `parts` would have (`pairVocabulary(size:)`), without
    /// merging them: so that each part can drop the pairs the merge would drop before merging.
    public static func pairVocabulary(size: Int, over parts: [CorpusCounts]) -> Set<Term> {
        guard parts.count > 1 else { return parts.first?.pairVocabulary(size: size) ?? [] }
        var totals: [Term: Int] = [:]
        for part in parts {
            for (id, term) in part.terms.enumerated() { totals[term, default: 0] += part.termFrequency[id] }
        }
        return mostFrequent(Array(totals.keys), frequencies: Array(totals.values), size: size)
    }

    /// The `size` terms of `terms` with the highest `frequencies` (same indices), ties by term.
    private static func mostFrequent(_ terms: [Term], frequencies: [Int], size: Int) -> Set<Term> {
        guard terms.count > size else { return Set(terms) }
        let ranked = terms.indices.sorted { lhs, rhs in
            frequencies[lhs] != frequencies[rhs] ? frequencies[lhs] > frequencies[rhs] : terms[lhs] < terms[rhs]
        }
        return Set(ranked.prefix(size).map { terms[$0] })
    }
}
