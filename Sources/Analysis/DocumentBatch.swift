/// Documents as counting reads them, one after another in flat arrays: what
/// `CorpusCounts.add(_:)` counts.
///
/// The analyzer appends what it analyzes to one (`CorpusAnalyzer.analyzed`), and a cache record
/// decodes straight into one (`AnalysisRecord`), its entries' ids filled in before it is
/// counted, so a document costs no array per sentence, no `DocumentAnalysis` and no lookup of
/// its terms by text, and both are counted by one piece of code (a lone `DocumentAnalysis` is
/// flattened into one, `of(_:)`). Every array is kept for its capacity (`removeAll()`), so a worker's batches stop
/// allocating after the first few.
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
        package var entry: Int
        package var sentence: Int
        package var term: Int
        package var hit: Int
        package var compound: Int

        package init(entry: Int = 0, sentence: Int = 0, term: Int = 0, hit: Int = 0, compound: Int = 0) {
            (self.entry, self.sentence, self.term, self.hit, self.compound) = (entry, sentence, term, hit, compound)
        }
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
    /// Each document's compound-noun candidates (each once) and their occurrences, with the
    /// candidate's id in the counts the batch is counted into (`CorpusCounts.compoundID(for:)`),
    /// or -1 where the producer left it to the counts to look up.
    package var compounds: [(key: CompoundKey, count: Int, id: Int32)] = []

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

    /// Ends the sentence whose terms and hits (from `hitStart`) were appended since the last
    /// one: the hits of the first `themeCount` matches are tallied per theme (no tally is kept
    /// for a sentence without one).
    package mutating func endSentence(hitsFrom hitStart: Int, themeCount: Int, tokenCount: Int, place: SentencePlace) {
        var themes = 0..<0
        for hit in hits[hitStart...] where hit.match < themeCount {
            if themes.isEmpty {
                themes = themeOccurrences.count..<(themeOccurrences.count + themeCount)
                themeOccurrences.append(contentsOf: repeatElement(0, count: themeCount))
            }
            themeOccurrences[themes.lowerBound + hit.match] += 1
        }
        sentences.append(
            Sentence(termEnd: terms.count, hitEnd: hits.count, themes: themes, tokenCount: tokenCount, place: place))
    }

    /// Ends the document whose entries, sentences and compounds were appended since the last one.
    package mutating func endDocument(_ summary: DocumentSummary) {
        summaries.append(summary)
        documents.append(Document(entryEnd: ids.count, sentenceEnd: sentences.count, compoundEnd: compounds.count))
    }

    /// How far each array reaches: where a document begun now starts.
    package struct Mark {
        package private(set) var entries, sentences: Int
        fileprivate var terms, themes, hits, compounds: Int
    }

    package var mark: Mark {
        Mark(
            entries: ids.count, sentences: sentences.count, terms: terms.count, themes: themeOccurrences.count,
            hits: hits.count, compounds: compounds.count)
    }

    /// Drops what was appended since `mark` was taken (a document whose analysis an error stopped).
    package mutating func removeAll(after mark: Mark) {
        precondition(documents.count == summaries.count, "a document ended halfway")
        ids.removeSubrange(mark.entries...)
        forms.removeSubrange(mark.entries...)
        sentences.removeSubrange(mark.sentences...)
        terms.removeSubrange(mark.terms...)
        positions.removeSubrange(mark.terms...)
        themeOccurrences.removeSubrange(mark.themes...)
        hits.removeSubrange(mark.hits...)
        compounds.removeSubrange(mark.compounds...)
    }

    /// Document `index` as an analysis of its own, its entries' terms given by `term` (an
    /// entry's index in the batch), each sentence with a count for each of `themeCount` themes.
    package func analysis(of index: Int, themeCount: Int, term: (Int) -> Term) -> DocumentAnalysis {
        let start = start(of: index)
        let document = documents[index]
        let entries = (start.entry..<document.entryEnd).map { entry in
            let term = term(entry)
            return DocumentAnalysis.Entry(term: term, form: forms[entry] ?? term.text)
        }
        var (termStart, hitStart) = (start.term, start.hit)
        let sentences = sentences[start.sentence..<document.sentenceEnd].map { sentence in
            defer { (termStart, hitStart) = (sentence.termEnd, sentence.hitEnd) }
            return DocumentAnalysis.Sentence(
                terms: Array(terms[termStart..<sentence.termEnd]), positions: Array(positions[termStart..<sentence.termEnd]),
                tokenCount: sentence.tokenCount,
                themeOccurrences: sentence.themes.isEmpty
                    ? Array(repeating: 0, count: themeCount) : Array(themeOccurrences[sentence.themes]),
                place: sentence.place, hits: Array(hits[hitStart..<sentence.hitEnd]))
        }
        // A key listed twice (surfaces that differ only until made NFC) is counted once, with both counts.
        var compounds: [CompoundKey: Int] = [:]
        for (key, count, _) in self.compounds[start.compound..<document.compoundEnd] { compounds[key, default: 0] += count }
        return DocumentAnalysis(summary: summaries[index], entries: entries, sentences: sentences, compounds: compounds)
    }

    /// `analyses` in one batch, with each entry's term (ids are -1: the batch is not for counting).
    package static func of(_ analyses: [DocumentAnalysis]) -> (batch: DocumentBatch, terms: ListedTerms) {
        var batch = DocumentBatch()
        var terms: [Term] = []
        for analysis in analyses {
            for entry in analysis.entries {
                terms.append(entry.term)
                batch.ids.append(-1)
                batch.forms.append(entry.form != entry.term.text ? entry.form : nil)
            }
            for sentence in analysis.sentences {
                batch.terms += sentence.terms
                batch.positions += sentence.positions
                batch.hits += sentence.hits
                var themes = 0..<0
                if sentence.themeOccurrences.contains(where: { $0 != 0 }) {
                    let themeStart = batch.themeOccurrences.count
                    batch.themeOccurrences += sentence.themeOccurrences
                    themes = themeStart..<batch.themeOccurrences.count
                }
                batch.sentences.append(
                    Sentence(
                        termEnd: batch.terms.count, hitEnd: batch.hits.count, themes: themes,
                        tokenCount: sentence.tokenCount, place: sentence.place))
            }
            for (key, count) in analysis.compounds { batch.compounds.append((key, count, -1)) }
            batch.endDocument(analysis.summary)
        }
        return (batch, ListedTerms(terms: terms))
    }
}

/// The terms of a batch's entries, by the entry's index in the batch: what a cache record names
/// them by. Entries with one number have one term and one written form, so a record encoder may
/// write their strings once.
package protocol BatchTerms {
    subscript(entry: Int) -> Term { get }
    /// A number shared by the entries that have this entry's term and written form (and by no
    /// other); at least 0, and small: it indexes arrays.
    func number(of entry: Int) -> Int
    /// Whether a number names the same term and written form in every batch these terms come
    /// with (a worker's entries, numbered for the worker's life), so that what is made of a
    /// number may be kept from one batch to the next; a batch's own list numbers its entries anew.
    var numbersLast: Bool { get }
}

/// Terms listed one per entry of a batch, each entry its own number (`DocumentBatch.of`).
package struct ListedTerms: BatchTerms {
    package let terms: [Term]

    package subscript(entry: Int) -> Term { terms[entry] }

    package func number(of entry: Int) -> Int { entry }

    package var numbersLast: Bool { false }
}

/// A sentence as counting reads it (`DocumentAnalysis.Sentence`'s fields, as slices of a batch).
struct CountedSentence {
    var terms: ArraySlice<Int32>
    var positions: ArraySlice<Int32>
    var tokenCount: Int
    /// A count per theme, or none where no theme occurs.
    var themeOccurrences: ArraySlice<Int>
    var place: SentencePlace
    var hits: ArraySlice<DocumentAnalysis.Hit>
}

/// The batch as `CorpusCounts` counts it. Entries are numbered across the documents
/// (`entries(of:)`), and so are sentences; a sentence's terms are entries of its document.
extension DocumentBatch {
    func summary(of document: Int) -> DocumentSummary { summaries[document] }

    func entries(of document: Int) -> Range<Int> {
        (document > 0 ? documents[document - 1].entryEnd : 0)..<documents[document].entryEnd
    }

    func sentences(of document: Int) -> Range<Int> {
        (document > 0 ? documents[document - 1].sentenceEnd : 0)..<documents[document].sentenceEnd
    }

    func id(of entry: Int) -> Int32 { ids[entry] }

    func form(of entry: Int) -> String? { forms[entry] }

    func sentence(_ index: Int) -> CountedSentence {
        let sentence = sentences[index]
        let termStart = index > 0 ? sentences[index - 1].termEnd : 0
        let hitStart = index > 0 ? sentences[index - 1].hitEnd : 0
        return CountedSentence(
            terms: terms[termStart..<sentence.termEnd], positions: positions[termStart..<sentence.termEnd],
            tokenCount: sentence.tokenCount, themeOccurrences: themeOccurrences[sentence.themes], place: sentence.place,
            hits: hits[hitStart..<sentence.hitEnd])
    }

    func forEachCompound(of document: Int, _ body: (CompoundKey, Int, Int32) -> Void) {
        let start = document > 0 ? documents[document - 1].compoundEnd : 0
        for (key, count, id) in compounds[start..<documents[document].compoundEnd] { body(key, count, id) }
    }
}
