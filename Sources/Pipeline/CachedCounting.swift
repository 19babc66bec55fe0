import Analysis
import Corpus

/// One worker's counting of the analyses it reads from the cache: each record decodes into a
/// batch kept from record to record (`RecordBatch`), its terms are numbered by their bytes
/// (`CachedTerms`), and its documents are counted as a batch, with no `DocumentAnalysis` made.
///
/// They are counted into counts of their own, which the run merges with the worker's
/// analyzer's like another worker's: every counter is a sum, so the reports are those of one
/// set of counts, and the analyzer's counts stay its own (`CorpusAnalyzer`).
struct CachedCounting {
    private(set) var counts: CorpusCounts
    /// Whether anything was counted (so that the run merges these counts only then).
    private(set) var used = false
    private var terms = CachedTerms()
    private var batch = RecordBatch()

    init(counts: CorpusCounts) {
        self.counts = counts
    }

    /// Keeps units instead of counting their pairs, until `countPairs` (`CorpusCounts.deferPairs`).
    mutating func deferPairs() {
        counts.deferPairs()
    }

    /// Counts only the pairs `scope` allows from now on (`CorpusCounts.countPairs`).
    mutating func countPairs(_ scope: CorpusCounts.PairScope, pairsOnly: Bool = false) {
        counts.countPairs(scope, pairsOnly: pairsOnly)
    }

    /// Looks up an input's record in `cache` and decodes it (`AnalysisCache.lookup`); a hit
    /// with its documents is counted with `countDocuments`.
    mutating func lookup(sha256: String, format: TextFormat, in cache: AnalysisCache.Writer) -> AnalysisCache.Found {
        cache.lookup(sha256: sha256, format: format, into: &batch, terms: &terms)
    }

    /// Looks up and decodes chunk `number` of an input in chunks; false if its record does not
    /// check out.
    mutating func chunk(_ number: Int, sha256: String, format: TextFormat, in cache: AnalysisCache.Writer) -> Bool {
        cache.chunk(number, sha256: sha256, format: format, into: &batch, terms: &terms)
    }

    /// Counts the documents of the record decoded last, as documents of `source` (read in
    /// `format`) in this run: their path (but a line's own id) and the metadata's variables
    /// belong to the run, the rest to the bytes. Returns how many there were.
    mutating func countDocuments(of source: InputSource, format: TextFormat, metadata: [DocumentVariable]) -> Int {
        if format != .lines || !metadata.isEmpty {
            for index in batch.documents.summaries.indices {
                if format != .lines { batch.documents.summaries[index].path = source.reportPath }
                let own = batch.documents.summaries[index].variables
                batch.documents.summaries[index].variables = DocumentProcessor.merging(own, metadata)
            }
        }
        for (entry, number) in batch.entryTerms.enumerated() {
            batch.documents.ids[entry] = terms.id(of: number, in: &counts)
        }
        counts.add(batch.documents)
        used = true
        return batch.documents.count
    }
}
