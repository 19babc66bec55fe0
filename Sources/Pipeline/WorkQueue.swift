import Analysis
import Corpus
import Foundation

/// The work a run's workers share: its inputs, largest first, and the documents of an input that
/// holds many (the rows of a survey table, the lines of standard input), in chunks that any
/// worker may take.
///
/// An input is one unit of work as long as it is one document or a few; a table of 50,000 answers
/// would otherwise keep one worker busy while the others wait. The worker that reads such an
/// input splits its documents (`InputJob`), queues all chunks but the first, and works on that
/// one; chunks are taken before new inputs, so an input is finished soon after it is started and
/// its documents are not held longer than needed. Counts are sums, so which worker counts which
/// chunk does not change a report.
///
/// A worker that finds nothing to take while another is still reading an input waits: that input
/// may yet bring chunks. One that holds small inputs back, to analyze them as one group, analyzes
/// them instead (`next(waiting:)`).
final class WorkQueue: @unchecked Sendable {
    /// What a worker takes: an input to read (an index into the run's inputs), or a chunk of one
    /// to analyze, or to count from the cache.
    enum Item {
        case input(Int)
        case chunk(InputJob, Int)
        case cachedChunk(CachedInput, Int)
    }

    /// Guards everything below (`NSCondition`, because a worker waits for chunks to appear).
    private let condition = NSCondition()
    private let schedule: [Int]
    private var nextInput = 0
    /// Chunks to take (`.chunk` and `.cachedChunk` items), from `nextChunk` on.
    private var chunks: [Item] = []
    private var nextChunk = 0
    /// Inputs taken and not yet split (or found to be small): they may still bring chunks.
    private var reading = 0

    /// A queue of the inputs at `schedule` (indices, in the order to take them).
    init(schedule: [Int]) {
        self.schedule = schedule
    }

    /// The next piece of work, or `nil` when there is none and none can come (or, unless
    /// `waiting`, none now: a worker with work of its own held back does that rather than wait).
    /// A worker given an input must call `doneReading()` once it has queued its chunks or decided
    /// it has none.
    func next(waiting: Bool = true) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if nextChunk < chunks.count {
                let item = chunks[nextChunk]
                nextChunk += 1
                if nextChunk == chunks.count {
                    chunks.removeAll(keepingCapacity: true)
                    nextChunk = 0
                }
                return item
            }
            if nextInput < schedule.count {
                let index = schedule[nextInput]
                nextInput += 1
                reading += 1
                return .input(index)
            }
            guard reading > 0, waiting else { return nil }
            condition.wait()
        }
    }

    /// Queues chunks 1… of `job` (the reader works on chunk 0 itself) and ends its reading.
    func split(_ job: InputJob) {
        queue((1..<max(1, job.chunkCount)).map { .chunk(job, $0) })
    }

    /// Queues the chunks of `input` but the first, which the caller counts, and ends its reading.
    func split(_ input: CachedInput) {
        queue((1..<input.chunkCount).map { .cachedChunk(input, $0) })
    }

    private func queue(_ items: [Item]) {
        condition.lock()
        chunks += items
        reading -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the reading of an input that brings no chunks (small, cached, or failed).
    func doneReading() {
        condition.lock()
        reading -= 1
        condition.broadcast()
        condition.unlock()
    }
}

/// One input whose documents are analyzed in chunks, perhaps by several workers, until the last
/// one is done; the first failure is kept.
final class InputJob: @unchecked Sendable {
    /// The input's index among the run's inputs.
    let index: Int
    let file: CorpusReader.InputFile
    /// Where each chunk starts among `file`'s documents, and where the last one ends.
    let bounds: [Int]
    var chunkCount: Int { bounds.count - 1 }

    private let lock = NSLock()
    private var remaining: Int
    private var failure: PipelineError?
    /// Documents of the input counted so far, by every chunk, failed ones included (a chunk that
    /// fails has counted the documents before its failure).
    private var counted = 0

    /// A job over `file`'s documents in chunks of text (UTF-8 bytes) within `chunkBytes`, and at
    /// least one document each: a chunk closes once it holds an eighth of the text not yet in a
    /// chunk when it opened, or `chunkBytes.lowerBound` if that is more, or
    /// `chunkBytes.upperBound` if that is less. So a large input goes in large chunks (the fewer
    /// chunks, the fewer times a worker's caches are refilled between its stages, and the fewer
    /// cache records), shrinking as the input runs out, the last eight or so the smallest, so
    /// that the workers finish it together.
    init(index: Int, file: CorpusReader.InputFile, chunkBytes: ClosedRange<Int>) {
        self.index = index
        self.file = file
        var bounds = [0]
        let sizes = file.documentByteCounts
        var unchunked = sizes.reduce(0, +)
        func target() -> Int { min(chunkBytes.upperBound, max(chunkBytes.lowerBound, unchunked / 8)) }
        var bytes = 0
        var limit = target()
        for (position, size) in sizes.enumerated() {
            bytes += size
            if bytes >= limit, position + 1 < sizes.count {
                bounds.append(position + 1)
                unchunked -= bytes
                bytes = 0
                limit = target()
            }
        }
        bounds.append(sizes.count)
        self.bounds = bounds
        remaining = bounds.count - 1
    }

    /// The documents of chunk `number` (a table's rows are made into documents here, by the
    /// worker that takes the chunk: `TableRows`).
    func documents(of number: Int) -> ArraySlice<SourceDocument> {
        file.documents(bounds[number]..<bounds[number + 1])
    }

    /// Records chunk `number` as done, or its failure, and the documents it counted; returns the
    /// whole input's outcome when this was the last chunk: success, or the first failure with
    /// the number of the input's documents counted all the same (`counted`).
    func finish(_ number: Int, with outcome: Result<Void, PipelineError>, counted documents: Int)
        -> (outcome: Result<Void, PipelineError>, counted: Int)?
    {
        lock.lock()
        defer { lock.unlock() }
        if case .failure(let error) = outcome, failure == nil { failure = error }
        counted += documents
        remaining -= 1
        guard remaining == 0 else { return nil }
        if let failure { return (.failure(failure), counted) }
        return (.success(()), counted)
    }
}
