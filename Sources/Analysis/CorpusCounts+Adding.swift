/// Adding one analyzed document: its totals, terms, groups, co-occurrence units (sentences,
/// larger units, windows) and collocates; or, in a run's second pass (`pairsOnly`), its pairs only.
extension CorpusCounts {
    /// Adds one document given as terms per sentence (tests and simple callers).
    public mutating func add(_ summary: DocumentSummary, sentences: [SentenceAnalysis]) {
        add(DocumentAnalysis(summary: summary, sentences: sentences))
    }

    /// Adds one analyzed document: its summary (sentence, term and theme totals are filled in
    /// here), its terms and sentences.
    public mutating func add(_ analysis: DocumentAnalysis) {
        add(analysis, ids: analysis.entries.map { id(for: $0.term) })
    }

    /// Adds one analyzed document whose entries have the ids `ids` here (`id(for:)` of each
    /// entry's term): its analyzer knows them without hashing the terms.
    mutating func add(_ analysis: DocumentAnalysis, ids: [Int32]) {
        if pairsOnly { return addPairs(analysis, ids: ids) }
        var summary = analysis.summary
        summary.sentenceCount = analysis.sentences.count
        summary.themeOccurrences = Array(repeating: 0, count: themeNames.count)
        summary.themeSentences = summary.themeOccurrences
        // Per entry of the document, its occurrences (a buffer kept from document to document).
        var occurrences = documentScratch.occurrences
        documentScratch.occurrences = []
        occurrences.removeAll(keepingCapacity: true)
        occurrences.append(contentsOf: repeatElement(0, count: ids.count))
        defer { documentScratch.occurrences = occurrences }
        // Units other than the sentence gather the distinct terms of consecutive sentences.
        var gathering = UnitGathering()
        var sentenceIndex = 0
        // The window unit and collocations need every term's place in the document's tokens.
        let needsPlaces = unit == .window || !words.isEmpty
        var placed: [(position: Int, id: Int32)] = []
        var hits: [(word: Int, first: Int, last: Int)] = []
        var base = 0
        for sentence in analysis.sentences {
            if needsPlaces {
                for (entry, position) in zip(sentence.terms, sentence.positions) {
                    placed.append((base + Int(position), ids[Int(entry)]))
                }
                for hit in sentence.hits where hit.match >= themeNames.count {
                    let word = hit.match - themeNames.count
                    if words.indices.contains(word) { hits.append((word, base + hit.firstToken, base + hit.lastToken)) }
                }
                base += sentence.tokenCount
            }
            for entry in sentence.terms { occurrences[Int(entry)] += 1 }
            if let grouping {
                let group = grouping.group(of: summary, speaker: sentence.speaker)
                addGroupSentence(group: group, themeOccurrences: sentence.themeOccurrences)
                if !sentence.terms.isEmpty {
                    groupTotals[group, default: 0] += sentence.terms.count
                    // In place: a copy taken out and put back would copy the group's whole table
                    // for every sentence.
                    for entry in sentence.terms { groupTerms[group, default: [:]][ids[Int(entry)], default: 0] += 1 }
                }
            }
            summary.termCount += sentence.terms.count
            let present = distinctIDs(of: sentence.terms, ids: ids)
            for id in present { sentenceFrequency[Int(id)] += 1 }
            if unit == .sentence {
                countUnit(present)
            } else if unit != .window, let closed = gathering.add(present, key: unit.key(sentence.place, sentence: sentenceIndex)) {
                countUnit(closed)
            }
            sentenceIndex += 1
            var firstTheme: Int?
            for (theme, count) in sentence.themeOccurrences.enumerated() where count > 0 {
                summary.themeOccurrences[theme] += count
                summary.themeSentences[theme] += 1
                for id in present { themeTermSentences[theme][id, default: 0] += 1 }
                if let first = firstTheme {
                    // A second theme in the sentence: count it with every theme before it.
                    for earlier in first..<theme where sentence.themeOccurrences[earlier] > 0 {
                        themePairSentences[earlier][theme] += 1
                    }
                } else {
                    firstTheme = theme
                }
            }
        }
        if let last = gathering.finish() { countUnit(last) }
        if unit == .window { countWindows(placed, tokens: base) }
        if !hits.isEmpty { countCollocates(hits, placed: placed, tokens: base) }
        // The document's terms by id: entries that differ only in their written form share one.
        var packed = documentScratch.packed
        documentScratch.packed = []
        packed.removeAll(keepingCapacity: true)
        defer { documentScratch.packed = packed }
        for (entry, count) in occurrences.enumerated() where count > 0 {
            let id = ids[entry]
            termFrequency[Int(id)] += count
            packed.append(Self.pack(id, count))
            let written = analysis.entries[entry]
            if written.form != written.term.text { termForms[id, default: [:]][written.form, default: 0] += count }
        }
        packed.sort()
        var inDocument: [UInt64] = []
        inDocument.reserveCapacity(packed.count)
        for item in packed {
            let (id, count) = Self.unpack(item)
            if let last = inDocument.last, Self.unpack(last).id == id {
                inDocument[inDocument.count - 1] = Self.pack(id, Self.unpack(last).count + count)
            } else {
                inDocument.append(item)
                documentFrequency[Int(id)] += 1
            }
        }
        for (compound, count) in analysis.compounds { compounds[compound, default: 0] += count }
        documentTerms.append(inDocument)
        for theme in themeNames.indices {
            themeOccurrences[theme] += summary.themeOccurrences[theme]
            themeSentences[theme] += summary.themeSentences[theme]
            if summary.themeOccurrences[theme] > 0 { themeDocuments[theme] += 1 }
        }
        documentCount += 1
        sentenceCount += analysis.sentences.count
        paragraphCount += summary.paragraphCount
        tokenCount += summary.tokenCount
        termTokenCount += summary.termCount
        documents.append(summary)
    }

    /// Counts the window units of a document of `tokens` tokens whose terms stand at `placed`
    /// (in text order): every run of `window` + 1 consecutive tokens (the whole document when it
    /// is shorter). Runs of windows holding the same terms are counted at once.
    private mutating func countWindows(_ placed: [(position: Int, id: Int32)], tokens: Int) {
        let windows = tokens == 0 ? 0 : max(1, tokens - window)
        var (low, high, start) = (0, 0, 0)
        while start < windows {
            while high < placed.count, placed[high].position <= start + window { high += 1 }
            while low < high, placed[low].position < start { low += 1 }
            // The windows from `start` hold the same terms until one leaves or the next enters.
            var next = windows
            if low < high { next = min(next, placed[low].position + 1) }
            if high < placed.count { next = min(next, placed[high].position - window) }
            countUnit(Self.distinct(placed[low..<high].map(\.id)), times: next - start)
            start = next
        }
    }

    /// Counts, for every hit of a word looked for, the terms starting 1 to 5 tokens before its
    /// first token and after its last one (KH Coder's L5–R5), within the document of `tokens`
    /// tokens.
    private mutating func countCollocates(
        _ hits: [(word: Int, first: Int, last: Int)], placed: [(position: Int, id: Int32)], tokens: Int
    ) {
        var termAt = [Int32](repeating: -1, count: tokens)
        for (position, id) in placed where position < tokens { termAt[position] = id }
        let span = Self.collocationSpan
        for hit in hits {
            wordOccurrences[hit.word] += 1
            for distance in 1...span {
                let left = hit.first - distance
                if left >= 0, termAt[left] >= 0 {
                    collocates[hit.word][termAt[left], default: Collocates()].left[distance - 1] += 1
                }
                let right = hit.last + distance
                if right < tokens, termAt[right] >= 0 {
                    collocates[hit.word][termAt[right], default: Collocates()].right[distance - 1] += 1
                }
            }
        }
    }

    /// Counts one sentence of `group` with its theme occurrences.
    mutating func addGroupSentence(group: String, themeOccurrences: [Int]) {
        groupSentences[group, default: 0] += 1
        // In place: a copy taken out and put back would copy the group's row for every sentence.
        func count(into themes: inout [Int]) {
            for (theme, count) in themeOccurrences.enumerated() where count > 0 { themes[theme] += 1 }
        }
        count(into: &groupThemeSentences[group, default: Array(repeating: 0, count: themeNames.count)])
    }

    /// Adds the pairs of one document and nothing else (see `pairsOnly`), unit by unit as `add`.
    private mutating func addPairs(_ analysis: DocumentAnalysis, ids: [Int32]) {
        var placed: [(position: Int, id: Int32)] = []
        var base = 0
        var gathering = UnitGathering()
        for (index, sentence) in analysis.sentences.enumerated() {
            let present = distinctIDs(of: sentence.terms, ids: ids)
            switch unit {
            case .sentence: countUnit(present)
            case .window:
                for (entry, position) in zip(sentence.terms, sentence.positions) {
                    placed.append((base + Int(position), ids[Int(entry)]))
                }
                base += sentence.tokenCount
            default:
                if let closed = gathering.add(present, key: unit.key(sentence.place, sentence: index)) { countUnit(closed) }
            }
        }
        if let last = gathering.finish() { countUnit(last) }
        if unit == .window { countWindows(placed, tokens: base) }
    }
}
