/// Adding another instance's counts: the reduce of map → merge → report.
extension CorpusCounts {
    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: CorpusCounts) {
        let mapping = mergeAllButPairs(other)
        mergePairs(of: other, mapping: mapping)
    }

    /// Adds `other`'s counts to these but for its pairs, and returns how its ids map to these,
    /// for `mergePairs(of:mapping:)`: a run merges its workers' counts first, takes its pair
    /// vocabulary from the merged frequencies, has every worker count its kept units' pairs
    /// among it side by side, and only then adds the pairs.
    ///
    /// With `summaries` false, `other`'s document summaries are left to the caller, who has taken
    /// these counts' out (`takeSummaries()`) to append them elsewhere, on another thread.
    @discardableResult
    public mutating func mergeAllButPairs(_ other: CorpusCounts, summaries: Bool = true) -> [Int32] {
        precondition(other.themeNames == themeNames, "merging counts of different theme sets")
        precondition(other.grouping == grouping, "merging counts of different groupings")
        precondition(other.unit == unit, "merging counts of different co-occurrence units")
        precondition(other.window == window && other.words == words, "merging counts of different windows or words")
        let mapping = other.terms.map { id(for: $0) }
        for (otherID, id) in mapping.enumerated() {
            termFrequency[Int(id)] += other.termFrequency[otherID]
            documentFrequency[Int(id)] += other.documentFrequency[otherID]
            sentenceFrequency[Int(id)] += other.sentenceFrequency[otherID]
            if countsLargerUnits { largerUnitFrequency[Int(id)] += other.largerUnitFrequency[otherID] }
        }
        for (word, terms) in other.collocates.enumerated() {
            // Word occurrences come with the totals (`addTotals`).
            for (otherID, counts) in terms { collocates[word][mapping[Int(otherID)], default: Collocates()].add(counts) }
        }
        for (set, count) in other.unitSets { unitSets[set.map { mapping[Int($0)] }.sorted(), default: 0] += count }
        for (otherID, forms) in other.termForms {
            termForms[mapping[Int(otherID)], default: [:]].merge(forms, uniquingKeysWith: +)
        }
        for (group, counts) in other.groupTerms {
            var mine = groupTerms[group] ?? [:]
            for (otherID, count) in counts { mine[mapping[Int(otherID)], default: 0] += count }
            groupTerms[group] = mine
        }
        groupTotals.merge(other.groupTotals, uniquingKeysWith: +)
        for (group, sentences) in other.groupSentences {
            let themes = other.groupThemeSentences[group] ?? []
            addGroupSentences(group: group, sentences: sentences, themeSentences: themes)
        }
        for (key, count) in zip(other.compoundKeys, other.compoundCounts) { addCompound(key, count: count) }
        for (theme, terms) in other.themeTermSentences.enumerated() {
            for (otherID, count) in terms { themeTermSentences[theme][mapping[Int(otherID)], default: 0] += count }
        }
        for (first, row) in other.themePairSentences.enumerated() {
            for (second, count) in row.enumerated() where count > 0 {
                addThemePair(first, second, sentences: count)
            }
        }
        addTotals(other.totals)
        if summaries { documents += other.documents }
        var packed: [UInt64] = []
        for index in 0..<other.documentTerms.count {
            packed.removeAll(keepingCapacity: true)
            other.documentTerms.forEach(ofDocument: index) { id, count in packed.append(Self.pack(mapping[Int(id)], count)) }
            packed.sort()
            documentTerms.append(sorted: packed)
        }
        return mapping
    }

    /// The documents' summaries, taken out: the counts hold none until `restoreSummaries(_:)`.
    /// A run's merge appends its workers' summaries to them on another thread while it merges
    /// the rest (`mergeAllButPairs(_:summaries:)`): appending a summary copies it, a retain of each
    /// of its strings and arrays, and for tens of thousands of short documents that was a third
    /// of a merge that has one core working.
    public mutating func takeSummaries() -> [DocumentSummary] {
        var taken: [DocumentSummary] = []
        swap(&taken, &documents)
        return taken
    }

    /// Puts back the summaries `takeSummaries()` took, with those appended to them since.
    public mutating func restoreSummaries(_ summaries: consuming [DocumentSummary]) {
        precondition(documents.isEmpty, "summaries restored to counts that have some")
        documents = summaries
    }

    /// Adds `other`'s pairs, whose ids map to these by `mapping` (`mergeAllButPairs`): those it
    /// counted, and the units it kept while deferring (`deferPairs()`).
    public mutating func mergePairs(of other: CorpusCounts, mapping: [Int32]) {
        pairUnits.add(contentsOf: other.pairUnits, mapping: mapping)
        addDeferredUnits(of: other, mapping: mapping)
    }

    /// Adds the pairs `other` counted (in a second pass, `pairsOnly`) and nothing else.
    public mutating func mergePairs(_ other: CorpusCounts) {
        mergePairs(of: other, mapping: other.terms.map { id(for: $0) })
    }
}
