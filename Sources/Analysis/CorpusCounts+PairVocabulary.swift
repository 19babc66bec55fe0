/// The pair vocabulary: the most frequent terms, whose pairs a run with a bounded pair table keeps.
extension CorpusCounts {
    /// The `size` most frequent terms (by occurrences, then by term): the terms whose pairs a
    /// run keeps, so that its pair table holds at most size(size − 1)/2 pairs.
    public func pairVocabulary(size: Int) -> Set<Term> {
        Self.mostFrequent(terms, frequencies: termFrequency, size: size)
    }

    /// The pair vocabulary the merge of `parts` would have (`pairVocabulary(size:)`), without
    /// merging them: so that each part can drop the pairs the merge would drop before merging.
    /// Terms are summed under their NFC bytes (`TermKey`), as the merge finds them, not hashed
    /// as `String`s, which normalizes them at every hash.
    public static func pairVocabulary(size: Int, over parts: [CorpusCounts]) -> Set<Term> {
        guard parts.count > 1 else { return parts.first?.pairVocabulary(size: size) ?? [] }
        var index: [TermKey: Int] = [:]
        index.reserveCapacity(parts.reduce(0) { $0 + $1.terms.count })
        var terms: [Term] = []
        var totals: [Int] = []
        for part in parts {
            for (id, term) in part.terms.enumerated() {
                if let known = index[TermKey(term)] {
                    totals[known] += part.termFrequency[id]
                } else {
                    index[TermKey(term)] = terms.count
                    terms.append(term)
                    totals.append(part.termFrequency[id])
                }
            }
        }
        return mostFrequent(terms, frequencies: totals, size: size)
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
