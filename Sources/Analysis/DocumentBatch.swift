/// Documents as counting reads them, one after another in flat arrays: what
/// `CorpusCounts.add(_:)` counts.
///
/// A cache record decodes straight into one (`AnalysisRecord`), with its entries' ids already
/// known, so a document read from the cache costs no array per sentence, no `DocumentAnalysis`
/// and no lookup of its terms by text; an analysis made now is copied into the counts' own
/// batch (`append(_:ids:)`) and counted the same way. Every array is kept for its capacity
/// (`removeAll()`), so a worker's batches stop allocating after the first few.
package struct DocumentBatch: Sendable {
    /// Where a document's items end in the flat arrays; they start where the previous
    /// document's end.
    package struct Document: Sendable {
        package var entryEnd: Int
        package var sentenceEnd: Int
        package var compoundEnd: Int
    }

    /// One sentence: where its terms (`terms`, `positions`) and its hits end, its theme
    /// occurrences (`themes`, an empty range where no theme occurs), its tokens and its place.
    package struct Sentence: Sendable {
        package var termEnd: Int
        package var hitEnd: Int
        package var themes: Range<Int>
        package var tokenCount: Int
        package var place: SentencePlace

        package init(termEnd: Int, hitEnd: Int, themes: Range<Int>, tokenCount: Int, place: SentencePlace) {
            self.termEnd = termEnd
            self.hitEnd = hitEnd
            self.themes = themes
            self.tokenCount = tokenCount
            self.place = place
        }
    }

    /// Where a document's items start: the previous document's ends.
    package struct Start {
        package var entry = 0
        package var sentence = 0
        package var term = 0
        package var hit = 0
        package var compound = 0
    }

    package var summaries: [DocumentSummary] = []
    package var documents: [Document] = []
    /// Per entry (of each document in turn): its term's id in the counts the batch is added to.
    package var ids: [Int32] = []
    /// Per entry: the form the text wrote it in, where that is not its term's text.
    package var forms: [String?] = []
    package var sentences: [Sentence] = []
    /// Per term occurrence, in text order: its entry (among its document's) and the index of
    /// its first token in the sentence.
    package var terms: [Int32] = []
    package var positions: [Int32] = []
    /// The theme occurrences of the sentences where a theme occurs, one count per theme.
    package var themeOccurrences: [Int] = []
    package var hits: [DocumentAnalysis.Hit] = []
    /// Each document's compound-noun candidates (each once) and their occurrences.
    package var compounds: [(key: CompoundKey, count: Int)] = []

    package init() {}

    /// The documents in the batch.
    package var count: Int { documents.count }

    /// Empties the batch, keeping every array's room.
    package mutating func removeAll() {
        summaries.removeAll(keepingCapacity: true)
        documents.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        forms.removeAll(keepingCapacity: true)
        sentences.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        themeOccurrences.removeAll(keepingCapacity: true)
        hits.removeAll(keepingCapacity: true)
        compounds.removeAll(keepingCapacity: true)
    }

    /// Where document `index`'s items start.
    package func start(of index: Int) -> Start {
        guard index > 0 else { return Start() }
        let previous = documents[index - 1]
        let sentence = previous.sentenceEnd
        return Start(
            entry: previous.entryEnd, sentence: sentence, term: sentence > 0 ? sentences[sentence - 1].termEnd : 0,
            hit: sentence > 0 ? sentences[sentence - 1].hitEnd : 0, compound: previous.compoundEnd)
    }

    /// Ends the document whose entries, sentences and compounds were appended since the last one.
    package mutating func endDocument(_ summary: DocumentSummary) {
        summaries.append(summary)
        documents.append(Document(entryEnd: ids.count, sentenceEnd: sentences.count, compoundEnd: compounds.count))
    }

    /// Appends `analysis`, whose entries have the ids `ids` in the counts the batch is for.
    package mutating func append(_ analysis: DocumentAnalysis, ids: [Int32]) {
        precondition(ids.count == analysis.entries.count, "one id per entry")
        self.ids.append(contentsOf: ids)
        for entry in analysis.entries { forms.append(entry.form != entry.term.text ? entry.form : nil) }
        for sentence in analysis.sentences {
            precondition(sentence.positions.count == sentence.terms.count, "one position per term")
            terms.append(contentsOf: sentence.terms)
            positions.append(contentsOf: sentence.positions)
            hits.append(contentsOf: sentence.hits)
            let themeStart = themeOccurrences.count
            if sentence.themeOccurrences.contains(where: { $0 != 0 }) {
                themeOccurrences.append(contentsOf: sentence.themeOccurrences)
            }
            sentences.append(
                Sentence(
                    termEnd: terms.count, hitEnd: hits.count, themes: themeStart..<themeOccurrences.count,
                    tokenCount: sentence.tokenCount, place: sentence.place))
        }
        for (key, count) in analysis.compounds { compounds.append((key, count)) }
        endDocument(analysis.summary)
    }
}
