import Corpus
import Foundation

/// An input whose analyses the cache holds in chunks (`AnalysisCache.Entry.chunks`): as with an
/// input analyzed now in chunks (`InputJob`), any worker reads and counts one of its chunks, and
/// the worker that finishes the last one records the input. A run with every analysis from the
/// cache then counts a large table on every worker, not on the one that found it.
final class CachedInput: @unchecked Sendable {
    /// The input's index among the run's inputs.
    let index: Int
    let source: InputSource
    /// The input's bytes: a chunk whose record turns out to be damaged is analyzed again from
    /// them (`DocumentProcessor.count(chunk:of:into:)`).
    let data: Data
    let sha256: String
    let format: TextFormat
    let encoding: TextEncoding
    let chunkCount: Int

    private let lock = NSLock()
    private var documents = 0
    /// Documents of the input counted so far, failed chunks' included.
    private var countedDocuments = 0
    private var remaining: Int
    private var failure: PipelineError?

    init(
        index: Int, source: InputSource, data: Data, sha256: String, format: TextFormat, encoding: TextEncoding,
        chunkCount: Int
    ) {
        precondition(chunkCount > 0, "an input in chunks has one at least")
        self.index = index
        self.source = source
        self.data = data
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.chunkCount = chunkCount
        remaining = chunkCount
    }

    /// Records chunk `number` as counted, with how many documents it had, or as failed (after
    /// counting `counted` of its documents, analyzed again from a damaged record); returns the
    /// input's manifest record, or its first failure with the number of the input's documents
    /// counted all the same, when this was the last chunk.
    func finish(_ number: Int, with outcome: Result<Int, PipelineError>, counted: Int)
        -> (outcome: Result<InputRecord, PipelineError>, counted: Int)?
    {
        lock.lock()
        defer { lock.unlock() }
        precondition(remaining > 0, "chunk \(number) finished after the input's last")
        switch outcome {
        case .success(let count): documents += count
        case .failure(let error): if failure == nil { failure = error }
        }
        countedDocuments += counted
        remaining -= 1
        guard remaining == 0 else { return nil }
        if let failure { return (.failure(failure), countedDocuments) }
        return (
            .success(
                DocumentProcessor.record(of: source, bytes: data.count, sha256: sha256, encoding, format, documents)),
            countedDocuments
        )
    }
}
