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
        var (batch, _) = DocumentBatch.of([analysis])
        batch.ids = analysis.entries.map { id(for: $0.term) }
        add(batch, document: 0)
    }

    /// Adds the documents of `batch`, whose ids are these counts' (`id(for:)`): each document's
    /// summary (sentence, term and theme totals are filled in here), its terms and sentences;
    /// or, in a run's second pass (`pairsOnly`), its pairs only.
    package mutating func add(_ batch: DocumentBatch) {
        for index in 0..<batch.count { add(batch, document: index) }
    }

    /// Adds document `index` of `batch` (see `add(_:)`).
    package mutating func add(_ batch: DocumentBatch, document index: Int) {
        if pairsOnly {
            addPairs(batch, index)
        } else {
            addDocument(batch, index)
        }
    }

    /// Adds document `index` of `input`.
    private mutating func addDocument(_ input: DocumentBatch, _ index: Int) {
        let entries = input.entries(of: index)
        let sentences = input.sentences(of: index)
        var summary = input.summary(of: index)
        summary.sentenceCount = sentences.count
        summary.themeOccurrences = Array(repeating: 0, count: themeNames.count)
        summary.themeSentences = summary.themeOccurrences
        // Per entry of the document, its occurrences (a buffer kept from document to document).
        var occurrences = documentScratch.occurrences
        documentScratch.occurrences = []
        occurrences.removeAll(keepingCapacity: true)
        occurrences.append(contentsOf: repeatElement(0, count: entries.count))
        defer { documentScratch.occurrences = occurrences }
        // Units other than the sentence gather the distinct terms of consecutive sentences.
        var gathering = UnitGathering()
        // The window unit and collocations need every term's place in the document's tokens.
        let needsPlaces = unit == .window || !words.isEmpty
        var placed: [(position: Int, id: Int32)] = []
        var hits: [(word: Int, first: Int, last: Int)] = []
        var base = 0
        for sentenceIndex in sentences {
            let sentence = input.sentence(sentenceIndex)
            let terms = sentence.terms
            if needsPlaces {
                for (entry, position) in zip(terms, sentence.positions) {
                    placed.append((base + Int(position), input.id(of: entries.lowerBound + Int(entry))))
                }
                for hit in sentence.hits where hit.match >= themeNames.count {
                    let word = hit.match - themeNames.count
                    if words.indices.contains(word) { hits.append((word, base + hit.firstToken, base + hit.lastToken)) }
                }
                base += sentence.tokenCount
            }
            for entry in terms { occurrences[Int(entry)] += 1 }
            let themes = sentence.themeOccurrences
            if let grouping {
                let group = grouping.group(of: summary, speaker: sentence.place.speaker)
                addGroupSentence(group: group, themeOccurrences: themes)
                if !terms.isEmpty {
                    groupTotals[group, default: 0] += terms.count
                    // In place: a copy taken out and put back would copy the group's whole table
                    // for every sentence.
                    for entry in terms {
                        groupTerms[group, default: [:]][input.id(of: entries.lowerBound + Int(entry)), default: 0] += 1
                    }
                }
            }
            summary.termCount += terms.count
            let present = distinctIDs(of: terms, in: input, from: entries.lowerBound)
            for id in present { sentenceFrequency[Int(id)] += 1 }
            if unit == .sentence {
                countUnit(present)
            } else if unit != .window,
                let closed = gathering.add(present, key: unit.key(sentence.place, sentence: sentenceIndex - sentences.lowerBound))
            {
                countUnit(closed)
            }
            var firstTheme: Int?
            for (theme, count) in themes.enumerated() where count > 0 {
                summary.themeOccurrences[theme] += count
                summary.themeSentences[theme] += 1
                for id in present { themeTermSentences[theme][id, default: 0] += 1 }
                if let first = firstTheme {
                    // A second theme in the sentence: count it with every theme before it.
                    for earlier in first..<theme where themes[themes.startIndex + earlier] > 0 {
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
            let id = input.id(of: entries.lowerBound + entry)
            termFrequency[Int(id)] += count
            packed.append(Self.pack(id, count))
            if let form = input.form(of: entries.lowerBound + entry) {
                termForms[id, default: [:]][form, default: 0] += count
            }
        }
        // Sorted, then entries of one id summed in place: the document's terms by id. By index:
        // a `for item in packed` would hold the array, and the first write would copy it.
        packed.sort()
        var kept = 0
        for index in packed.indices {
            let item = packed[index]
            let (id, count) = Self.unpack(item)
            if kept > 0, Self.unpack(packed[kept - 1]).id == id {
                packed[kept - 1] = Self.pack(id, Self.unpack(packed[kept - 1]).count + count)
            } else {
                packed[kept] = item
                kept += 1
                documentFrequency[Int(id)] += 1
            }
        }
        packed.removeSubrange(kept...)
        input.forEachCompound(of: index) { compound, count, id in
            compoundCounts[Int(id >= 0 ? id : compoundID(for: compound))] += count
        }
        documentTerms.append(sorted: packed)
        for theme in themeNames.indices {
            themeOccurrences[theme] += summary.themeOccurrences[theme]
            themeSentences[theme] += summary.themeSentences[theme]
            if summary.themeOccurrences[theme] > 0 { themeDocuments[theme] += 1 }
        }
        documentCount += 1
        sentenceCount += summary.sentenceCount
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
    mutating func addGroupSentence(group: String, themeOccurrences: ArraySlice<Int>) {
        groupSentences[group, default: 0] += 1
        // In place: a copy taken out and put back would copy the group's row for every sentence.
        func count(into themes: inout [Int]) {
            for (theme, count) in themeOccurrences.enumerated() where count > 0 { themes[theme] += 1 }
        }
        count(into: &groupThemeSentences[group, default: Array(repeating: 0, count: themeNames.count)])
    }

    /// Adds the pairs of document `index` of `input` and nothing else (see `pairsOnly`),
    /// unit by unit as `addDocument`.
    private mutating func addPairs(_ input: DocumentBatch, _ index: Int) {
        let entries = input.entries(of: index)
        let sentences = input.sentences(of: index)
        var placed: [(position: Int, id: Int32)] = []
        var base = 0
        var gathering = UnitGathering()
        for sentenceIndex in sentences {
            let sentence = input.sentence(sentenceIndex)
            let present = distinctIDs(of: sentence.terms, in: input, from: entries.lowerBound)
            switch unit {
            case .sentence: countUnit(present)
            case .window:
                for (entry, position) in zip(sentence.terms, sentence.positions) {
                    placed.append((base + Int(position), input.id(of: entries.lowerBound + Int(entry))))
                }
                base += sentence.tokenCount
            default:
                let key = unit.key(sentence.place, sentence: sentenceIndex - sentences.lowerBound)
                if let closed = gathering.add(present, key: key) { countUnit(closed) }
            }
        }
        if let last = gathering.finish() { countUnit(last) }
        if unit == .window { countWindows(placed, tokens: base) }
    }
}
