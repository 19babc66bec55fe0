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
    /// It is three steps, which a run's merge takes apart to add the documents on another thread
    /// (`Pipeline.mergeAllButPairs(_:into:)`): the terms (`addTerms(of:)`), the counts
    /// (`mergeCounts(of:mapping:)`) and the documents (`Documents.append(_:mapping:)`).
    @discardableResult
    public mutating func mergeAllButPairs(_ other: CorpusCounts) -> [Int32] {
        let mapping = addTerms(of: other)
        mergeCounts(of: other, mapping: mapping)
        var documents = takeDocuments()
        documents.append(other, mapping: mapping)
        restoreDocuments(documents)
        return mapping
    }

    /// The ids here of `other`'s terms, by its ids; its terms new here are added, with nothing
    /// counted yet. The first step of a merge.
    public mutating func addTerms(of other: CorpusCounts) -> [Int32] {
        precondition(other.themeNames == themeNames, "merging counts of different theme sets")
        precondition(other.grouping == grouping, "merging counts of different groupings")
        precondition(other.unit == unit, "merging counts of different co-occurrence units")
        precondition(other.window == window && other.words == words, "merging counts of different windows or words")
        return other.terms.map { id(for: $0) }
    }

    /// Adds `other`'s counts, its ids mapped by `mapping` (`addTerms(of:)`), but for its pairs
    /// and its documents.
    public mutating func mergeCounts(of other: CorpusCounts, mapping: [Int32]) {
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
    }

    /// The documents of counts, taken out (`takeDocuments()`): their summaries, and their terms by
    /// the counts' ids. A run's merge adds its workers' documents to them on another thread while
    /// it adds the rest: a summary's copy is a retain of each of its strings and arrays, and a
    /// document's terms are mapped to the merged ids and sorted again, the most of a merge that
    /// had one core working.
    public struct Documents: Sendable {
        fileprivate var summaries: [DocumentSummary]
        fileprivate var termLists: DocumentTermLists

        /// No documents.
        public static var none: Documents { Documents(summaries: [], termLists: DocumentTermLists()) }

        /// Appends `other`'s documents, its term ids mapped by `mapping` (`addTerms(of:)`).
        public mutating func append(_ other: CorpusCounts, mapping: [Int32]) {
            append(other.documents, other.documentTerms, mapping: mapping)
        }

        /// Appends the documents `taken` out of other counts (`takeDocuments()`), their term
        /// ids mapped by `mapping`, and frees them where this runs: a run's merge takes its
        /// parts' documents out, so that freeing a part after the merge (on one core, before the
        /// reports) no longer releases a survey's summaries one by one.
        public mutating func append(_ taken: consuming Documents, mapping: [Int32]) {
            append(taken.summaries, taken.termLists, mapping: mapping)
        }

        private mutating func append(
            _ otherSummaries: [DocumentSummary], _ otherTerms: DocumentTermLists, mapping: [Int32]
        ) {
            summaries += otherSummaries
            var packed: [UInt64] = []
            for index in 0..<otherTerms.count {
                packed.removeAll(keepingCapacity: true)
                otherTerms.forEach(ofDocument: index) { id, count in
                    packed.append(CorpusCounts.pack(mapping[Int(id)], count))
                }
                packed.sort()
                termLists.append(sorted: packed)
            }
        }
    }

    /// The documents, taken out: the counts hold none until `restoreDocuments(_:)`.
    public mutating func takeDocuments() -> Documents {
        var taken = Documents.none
        swap(&taken.summaries, &documents)
        swap(&taken.termLists, &documentTerms)
        return taken
    }

    /// Puts back the documents `takeDocuments()` took, with those appended to them since.
    public mutating func restoreDocuments(_ taken: consuming Documents) {
        precondition(documents.isEmpty && documentTerms.count == 0, "documents restored to counts that have some")
        swap(&taken.summaries, &documents)
        swap(&taken.termLists, &documentTerms)
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
