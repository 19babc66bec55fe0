import Analysis
import Corpus

/// A cache record decoded for counting (`AnalysisRecord.decode(_:key:themeCount:into:terms:)`):
/// its documents as counting reads them, and per entry its term's number in the worker's
/// `CachedTerms`, from which the entries' ids are filled in when the record is counted. Kept
/// by its worker from one record to the next, for the arrays' room.
struct RecordBatch {
    var encoding = TextEncoding.utf8
    /// As `AnalysisCache.Entry.chunks`.
    var chunks = 0
    /// The documents; their entries' ids are -1 until counted.
    var documents = DocumentBatch()
    /// Per entry (of each document in turn): its term's number in `CachedTerms`.
    var entryTerms: [Int32] = []

    mutating func removeAll() {
        encoding = .utf8
        chunks = 0
        documents.removeAll()
        entryTerms.removeAll(keepingCapacity: true)
    }

    /// The documents as analyses (their terms numbered in `terms`), each sentence with a count
    /// for each of `themeCount` themes.
    func analyses(terms: CachedTerms, themeCount: Int) -> [DocumentAnalysis] {
        let batch = documents
        return (0..<batch.count).map { index in
            let start = batch.start(of: index)
            let document = batch.documents[index]
            let entries = (start.entry..<document.entryEnd).map { entry in
                let term = terms.terms[Int(entryTerms[entry])]
                return DocumentAnalysis.Entry(term: term, form: batch.forms[entry] ?? term.text)
            }
            var (termStart, hitStart) = (start.term, start.hit)
            let sentences = batch.sentences[start.sentence..<document.sentenceEnd].map { sentence in
                defer { (termStart, hitStart) = (sentence.termEnd, sentence.hitEnd) }
                return DocumentAnalysis.Sentence(
                    terms: Array(batch.terms[termStart..<sentence.termEnd]),
                    positions: Array(batch.positions[termStart..<sentence.termEnd]), tokenCount: sentence.tokenCount,
                    themeOccurrences: sentence.themes.isEmpty
                        ? Array(repeating: 0, count: themeCount) : Array(batch.themeOccurrences[sentence.themes]),
                    place: sentence.place, hits: Array(batch.hits[hitStart..<sentence.hitEnd]))
            }
            var compounds: [CompoundKey: Int] = [:]
            for (key, count) in batch.compounds[start.compound..<document.compoundEnd] { compounds[key] = count }
            return DocumentAnalysis(summary: batch.summaries[index], entries: entries, sentences: sentences, compounds: compounds)
        }
    }
}
