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
        (0..<documents.count).map { index in
            documents.analysis(of: index, themeCount: themeCount) { terms.terms[Int(entryTerms[$0])] }
        }
    }
}
