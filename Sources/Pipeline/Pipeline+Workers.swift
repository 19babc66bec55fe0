import Analysis
import Corpus
import Dispatch
import Foundation
import Synchronization
import Tokenization

/// The worker pool: inputs largest first over `configuration.jobs` workers, each with its own
/// tagger and counts, merged when all are done; and the second pass over the inputs that counts
/// pairs again when a worker's pair table outgrew its bound.
extension Pipeline {
    /// The counts of some inputs, with what identifies each and what went wrong.
    struct Analyzed: Sendable {
        var counts: CorpusCounts
        var records: [InputRecord]
        /// Inputs that failed (only with `keepGoing`; otherwise `analyze` throws).
        var failures: [PipelineError]
        var tokenized: Int
        var cached: Int
        /// A worker's pair table outgrew its bound, and the workers stopped counting pairs.
        var pairsOverflowed = false
        /// The passes over the inputs that counted pairs.
        var pairPasses = 1
        /// The pairs are already those of the pair vocabulary of these counts, as `publish` keeps.
        var pairsRestricted = false
    }

    /// The second pass of a run whose pair table outgrew its bound: counts the pairs again, among
    /// the run's pair vocabulary only, over the inputs the first pass analyzed (from the cache
    /// when there is one, else tokenizing them again), and puts them in `analyzed`.
    func countPairsAgain(_ analyzed: inout Analyzed, inputs: [InputSource], setup: Setup) throws(PipelineError) {
        let vocabulary = analyzed.counts.pairVocabulary(size: configuration.pairTerms)
        logger.notice(
            "the pair table reached its bound: counting pairs again among the most frequent terms",
            metadata: ["pairs.limit": "\(configuration.effectivePairTableLimit)", "pairs.terms": "\(vocabulary.count)"])
        let done = Set(analyzed.records.map(\.path))
        let second = try analyze(inputs.filter { done.contains($0.reportPath) }, setup: setup, pairsAmong: vocabulary)
        analyzed.counts.countPairs(.terms(vocabulary))
        analyzed.counts.mergePairs(second.counts)
        analyzed.pairPasses = 2
        analyzed.pairsRestricted = true
    }

    /// Processes `inputs` on `configuration.jobs` workers and merges their counts. Pairs are
    /// counted until a worker's table holds more than `effectivePairTableLimit` pairs; then every
    /// worker stops counting them (`Analyzed.pairsOverflowed`: see `countPairsAgain`). With
    /// `pairsAmong`, the workers count the pairs of those terms and nothing else.
    /// `hashed` is what the run key found (each input's SHA-256 and size, and the bytes of the
    /// input taken first).
    /// `count` passes no limit and `keepingUnits`: a partial holds every unit's distinct terms
    /// (`CorpusCounts.PairScope.units`), so that partials add up to a run's pairs.
    ///
    /// `problems` are paths the listing could not take (`CorpusScanner.Listing.problems`): they
    /// fail the run with the inputs' own problems, or are left out like them under `keepGoing`.
    func analyze(
        _ inputs: [InputSource], setup: Setup, hashed: HashedInputs? = nil, pairsAmong: Set<Term>? = nil,
        pairLimit: Int? = nil, restrictingPairs: Bool = false, keepingUnits: Bool = false, problems: [CorpusError] = []
    ) throws(PipelineError) -> Analyzed {
        let schedule = Self.largestFirst(inputs, sizes: hashed?.sizes)
        let totalBytes = schedule.map(\.size).reduce(0, +)
        let queue = WorkQueue(schedule: schedule.map(\.index))
        let done = Mutex<(inputs: Int, bytes: Int)>((0, 0))
        let started = Date()
        let workers = max(1, configuration.jobs)
        let results = Mutex<[(CorpusCounts, [(Int, PipelineError)], tokenized: Int, cached: Int)]>([])
        let overflowed = Atomic<Bool>(false)
        let pairLimit = pairsAmong == nil ? pairLimit ?? configuration.effectivePairTableLimit : Int.max
        let records = Mutex<[InputRecord?]>(Array(repeating: nil, count: inputs.count))
        let key = Self.keyFunction(setup.normalizer)
        let (logger, progress) = (logger, progress)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var analyzer = CorpusAnalyzer(
                themes: setup.themes, words: setup.words, vocabulary: setup.vocabulary,
                family: setup.model.layout.family, groupBy: setup.grouping, unit: configuration.unit,
                window: configuration.window, key: key)
            // What the cache holds is counted apart (`CachedCounting`) and merged with the rest.
            var counting = CachedCounting(
                counts: CorpusCounts(
                    themeNames: setup.themes.map(\.name), grouping: setup.grouping, unit: configuration.unit,
                    window: configuration.window, words: setup.words.map(\.name)))
            if let pairsAmong {
                analyzer.countPairs(.terms(pairsAmong), pairsOnly: true)
                counting.countPairs(.terms(pairsAmong), pairsOnly: true)
            }
            if keepingUnits {
                analyzer.countPairs(.units)
                counting.countPairs(.units)
            } else if restrictingPairs && pairsAmong == nil {
                // Only the pair vocabulary's pairs are kept, and it is known at the end: each
                // worker keeps its units and counts their pairs then (`deferPairs`).
                analyzer.deferPairs()
                counting.deferPairs()
            }
            var countingPairs = true
            var failures: [(Int, PipelineError)] = []
            var (tokenized, cached) = (0, 0)
            let processor: DocumentProcessor
            let cacheWriter = setup.cache?.writer()
            do throws(MeCabError) {
                processor = DocumentProcessor(
                    reader: setup.reader, metadata: setup.metadata, normalizer: setup.normalizer,
                    tagger: try MeCabTagger(model: setup.model), cache: cacheWriter, logger: logger,
                    matchNames: (setup.themes + setup.words).map(\.name), kwicContext: configuration.kwicContext)
            } catch {
                // Without a tagger this worker takes nothing; the others finish the work, and the
                // run fails with this error.
                results.withLock { $0.append((analyzer.counts, [(-1, .dictionary(error))], 0, 0)) }
                return
            }
            /// Records an input as done: its manifest record, or its failure; and the progress.
            func finished(_ index: Int, _ outcome: Result<InputRecord, PipelineError>, fromCache: Bool) {
                switch outcome {
                case .success(let record):
                    records.withLock { $0[index] = record }
                    if fromCache { cached += 1 } else { tokenized += 1 }
                    logger.trace("processed an input", metadata: ["path": "\(inputs[index].displayPath)", "cached": "\(fromCache)"])
                case .failure(let error):
                    failures.append((index, error))
                }
                let now = done.withLock { state in
                    state.inputs += 1
                    state.bytes += inputs[index].size
                    return state
                }
                progress?(
                    Progress(
                        inputsDone: now.inputs, inputsTotal: inputs.count, bytesDone: now.bytes,
                        bytesTotal: totalBytes, seconds: Date().timeIntervalSince(started)))
            }
            /// Analyzes chunk `number` of `job`; the worker that does its last chunk stores the
            /// input's analyses and records it.
            /// An input of several chunks has each chunk's analyses stored as soon as they are
            /// made, and its own entry (how many chunks) last; a whole one is stored at once.
            func work(on job: InputJob, chunk number: Int) {
                let outcome: Result<Void, PipelineError>
                let countedBefore = analyzer.counts.documentCount
                do throws(PipelineError) {
                    try processor.analyze(job.documents(of: number), of: inputs[job.index], into: &analyzer)
                    // A whole input is stored at once (its only chunk); a chunk of a larger one as
                    // soon as it is made, and the input's own entry when its last chunk is done.
                    processor.store(analyzedIn: &analyzer, of: job.file, chunk: job.chunkCount > 1 ? number : nil)
                    outcome = .success(())
                } catch {
                    outcome = .failure(error)
                }
                let counted = analyzer.counts.documentCount - countedBefore
                guard let whole = job.finish(number, with: outcome, counted: counted) else { return }
                finished(job.index, whole.outcome.map {
                    if job.chunkCount > 1 { processor.store(chunks: job.chunkCount, of: job.file) }
                    return DocumentProcessor.record(of: job.file)
                }, counted: whole.counted, fromCache: false)
            }
            /// Records an input done in chunks as `finished` does, with the number of its
            /// documents counted. Under `--keep-going`, one that failed after some of its
            /// documents were counted (by chunks done before, or before the failure in its own)
            /// cannot be left out: the counts add up and take nothing back. It stops the run, as
            /// an input fails one without `--keep-going`, rather than have reports count part of
            /// an input the run says it left out.
            func finished(
                _ index: Int, _ outcome: Result<InputRecord, PipelineError>, counted: Int, fromCache: Bool
            ) {
                if case .failure(let error) = outcome, counted > 0, configuration.keepGoing {
                    let reason =
                        "\(counted) of its documents were counted before it failed, so --keep-going cannot leave it "
                        + "out: \(error.messages.joined(separator: "; "))"
                    failures.append((-1, .processing(path: inputs[index].displayPath, reason: reason)))
                }
                finished(index, outcome, fromCache: fromCache)
            }
            /// Counts chunk `number` of `input` from the cache; the worker that counts its last
            /// chunk records it.
            func count(_ input: CachedInput, chunk number: Int) {
                let outcome: Result<Int, PipelineError>
                let countedBefore = analyzer.counts.documentCount + counting.counts.documentCount
                do throws(PipelineError) {
                    outcome = .success(try processor.count(chunk: number, of: input, into: &counting, analyzer: &analyzer))
                } catch {
                    outcome = .failure(error)
                }
                let counted = analyzer.counts.documentCount + counting.counts.documentCount - countedBefore
                guard let whole = input.finish(number, with: outcome, counted: counted) else { return }
                finished(input.index, whole.outcome, counted: whole.counted, fromCache: true)
            }
            // Small inputs read and held back, to be analyzed as one group, with their bytes.
            var held: [InputJob] = []
            var heldBytes = 0
            /// Analyzes the inputs held back (`DocumentProcessor.analyze(_:of:into:)`), each then
            /// recorded as `work(on:chunk:)` records a whole input.
            func analyzeHeld() {
                let outcomes = processor.analyze(held, of: inputs, into: &analyzer)
                for (job, (outcome, counted)) in zip(held, outcomes) {
                    guard let whole = job.finish(0, with: outcome, counted: counted) else { continue }
                    finished(
                        job.index, whole.outcome.map { DocumentProcessor.record(of: job.file) }, counted: whole.counted,
                        fromCache: false)
                }
                held.removeAll(keepingCapacity: true)
                heldBytes = 0
            }
            /// How many bytes of small inputs to hold back: a group's, until the inputs left are
            /// few, then less, so that the workers finish together.
            func holdingBytes() -> Int {
                min(TokenizedDocuments.groupBytes, (totalBytes - done.withLock { $0.bytes }) / (4 * workers))
            }
            /// Stops counting pairs once this worker's table outgrew its bound, or another's did.
            func checkPairRoom() {
                if countingPairs, analyzer.counts.pairRoom + counting.counts.pairRoom > pairLimit {
                    overflowed.store(true, ordering: .relaxed)
                }
                if countingPairs, overflowed.load(ordering: .relaxed) {
                    analyzer.countPairs(.none)
                    counting.countPairs(.none)
                    countingPairs = false
                }
            }
            while true {
                // A worker holding inputs back analyzes them rather than wait for work.
                guard let item = queue.next(waiting: held.isEmpty) else {
                    if held.isEmpty { break }
                    analyzeHeld()
                    checkPairRoom()
                    continue
                }
                switch item {
                case .input(let index):
                    let read: DocumentProcessor.Read
                    do throws(PipelineError) {
                        read = try processor.read(
                            inputs[index], sha256: hashed?.digests[index], data: hashed?.firstRead?.take(index),
                            into: &counting)
                    } catch {
                        queue.doneReading()
                        finished(index, .failure(error), fromCache: false)
                        continue
                    }
                    switch read {
                    case .cached(let record):
                        queue.doneReading()
                        finished(index, .success(record), fromCache: true)
                    case .cachedInChunks(let data, let sha256, let format, let encoding, let chunks):
                        let input = CachedInput(
                            index: index, source: inputs[index], data: data, sha256: sha256, format: format,
                            encoding: encoding, chunkCount: chunks)
                        queue.split(input)
                        count(input, chunk: 0)
                    case .fresh(let file):
                        let job = InputJob(index: index, file: file, chunkBytes: Self.chunkBytes)
                        queue.split(job)
                        if job.chunkCount == 1, file.byteCount < TokenizedDocuments.groupBytes {
                            held.append(job)
                            heldBytes += file.byteCount
                            if heldBytes >= holdingBytes() { analyzeHeld() }
                        } else {
                            work(on: job, chunk: 0)
                        }
                    }
                case .chunk(let job, let number):
                    work(on: job, chunk: number)
                case .cachedChunk(let input, let number):
                    count(input, chunk: number)
                }
                checkPairRoom()
            }
            if let reason = cacheWriter?.finish() {
                logger.warning("cannot write to the cache", metadata: ["reason": "\(reason)"])
            }
            let counts = analyzer.counts
            let fromCache = counting.used ? counting.counts : nil
            results.withLock { results in
                results.append((counts, failures, tokenized, cached))
                if let fromCache { results.append((fromCache, [], 0, 0)) }
            }
        }
        // Taken out of the lock, so that each worker's counts has one owner, merged in place and
        // freed as soon as it is added: memory holds the merged counts and one worker's at most.
        var parts: [CorpusCounts] = []
        let finished = results.withLock { all in
            defer { all = [] }
            // A worker's counts that never counted anything (its analyzer's, when the cache held
            // every input) merge to nothing, and the single-part paths after this are cheaper.
            parts = all.map(\.0).filter { !($0.terms.isEmpty && $0.documentCount == 0) }
            return all.map { ($0.1, tokenized: $0.tokenized, cached: $0.cached) }
        }
        let found = finished.flatMap(\.0).sorted { $0.0 < $1.0 }
        if let fatal = found.first(where: { $0.0 < 0 }) { throw fatal.1 }
        let failures = problems.map { (-1, PipelineError.inputs([$0])) } + found
        if !failures.isEmpty && !configuration.keepGoing {
            let problems = failures.map(\.1)
            let inputProblems = problems.flatMap { failure -> [CorpusError] in
                if case .inputs(let list) = failure { return list }
                return []
            }
            throw inputProblems.count == problems.count ? .inputs(inputProblems) : problems[0]
        }
        let restricting = restrictingPairs && !parts.isEmpty && !overflowed.load(ordering: .relaxed)
        var merged =
            parts.popLast()
            ?? CorpusCounts(
                themeNames: setup.themes.map(\.name), grouping: setup.grouping, unit: configuration.unit,
                window: configuration.window, words: setup.words.map(\.name))
        if keepingUnits { merged.countPairs(.units) }
        if restricting {
            // The reports keep only pairs of the pair vocabulary (`publish`). Everything but the
            // pairs is merged first, which finds the terms of every part in the merged counts
            // once; the vocabulary is then the merged counts' own; every part counts the pairs
            // of the units it kept (`deferPairs`) among it, side by side; and the merge adds
            // those pairs alone, array to array, so `publish` has nothing left to drop. The
            // parts' documents are still being added on another thread meanwhile (the pairs
            // need nothing of them).
            let (mappings, documents) = mergeAllButPairs(&parts, into: &merged)
            let (vocabulary, ranks) = merged.pairVocabularyRanks(size: configuration.pairTerms)
            let partRanks = [ranks] + mappings.map { mapping in mapping.map { ranks[Int($0)] } }
            var counted = concurrentMap(Array(zip([merged] + parts, partRanks))) { part, ranks in
                var part = part
                part.countPairs(.terms(vocabulary), ranks: ranks)
                return part
            }
            merged = counted.removeFirst()
            for (part, mapping) in zip(counted, mappings) { merged.mergePairs(of: part, mapping: mapping) }
            // The parts are freed here, before the reports make their tables (their documents,
            // taken out, are freed where they are added).
            parts = []
            counted = []
            documents?.finish(into: &merged)
        }
        while let part = parts.popLast() { merged.merge(part) }
        if overflowed.load(ordering: .relaxed) { merged.countPairs(.none) }
        let tokenized = finished.reduce(0) { $0 + $1.tokenized }
        let cached = finished.reduce(0) { $0 + $1.cached }
        logger.notice(
            "analyzed inputs",
            metadata: ["inputs.tokenized": "\(tokenized)", "inputs.cached": "\(cached)", "inputs.failed": "\(failures.count)"])
        return Analyzed(
            counts: merged, records: records.withLock { $0.compactMap { $0 } }, failures: failures.map(\.1),
            tokenized: tokenized, cached: cached, pairsOverflowed: overflowed.load(ordering: .relaxed),
            pairsRestricted: restricting)
    }

    /// Merges everything but the pairs of each of `parts`, in order, into `merged`
    /// (`CorpusCounts.mergeAllButPairs`); returns each part's term mapping, and the parts'
    /// documents (`CorpusCounts.Documents`) being added on another thread, which
    /// `AddedDocuments.finish(into:)` puts back into `merged` (`nil`: they are in it already).
    /// The documents go on in the order of the parts, as a merge one after the other adds them.
    ///
    /// Adding a survey's documents (their summaries and term lists) takes longer than the rest
    /// of the merge: waiting for them here kept one core alone for 10–15 ms of a two-job run, so
    /// the caller counts the pairs meanwhile. Each part's documents are taken out of it and freed
    /// on that thread once added, not with the part: freed with the parts, before the reports
    /// and on one core, they took another 6–8 ms.
    func mergeAllButPairs(_ parts: inout [CorpusCounts], into merged: inout CorpusCounts)
        -> (mappings: [[Int32]], documents: AddedDocuments?)
    {
        guard configuration.jobs > 1, !parts.isEmpty else { return (parts.map { merged.mergeAllButPairs($0) }, nil) }
        let documents = AddedDocuments(merged.takeDocuments())
        var mappings: [[Int32]] = []
        for index in parts.indices {
            let mapping = merged.addTerms(of: parts[index])
            documents.append(parts[index].takeDocuments(), mapping: mapping)
            merged.mergeCounts(of: parts[index], mapping: mapping)
            mappings.append(mapping)
        }
        return (mappings, documents)
    }

    /// `transform` of each of `items`, in their order, computed on up to `configuration.jobs`
    /// threads.
    func concurrentMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(configuration.jobs, items.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                let result = transform(items[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// How much text (UTF-8 bytes) of an input with many documents a worker takes at once
    /// (`InputJob`): at least 32 KB, so that taking a chunk costs nothing beside analyzing it,
    /// and at most 128 KB, the first chunks of a large input, so that a worker's stages take
    /// turns on the CPU's caches less often (docs/PERFORMANCE.md), while its last chunks are the
    /// smallest, so that the workers finish it together.
    static let chunkBytes = (32 * 1024)...(128 * 1024)

    /// Input indices with their sizes, largest first (ties in input order), so workers finish
    /// together; `sizes` are those the run key read, where it could (the others are looked up).
    static func largestFirst(_ inputs: [InputSource], sizes: [Int?]? = nil) -> [(index: Int, size: Int)] {
        inputs.enumerated().map { ($0.offset, sizes?[$0.offset] ?? $0.element.size) }.sorted(by: takesFirst)
    }

    /// Whether the analysis takes input `a` before input `b` (`largestFirst`).
    static func takesFirst(_ a: (index: Int, size: Int), _ b: (index: Int, size: Int)) -> Bool {
        a.size != b.size ? a.size > b.size : a.index < b.index
    }
}

/// The documents `Pipeline.mergeAllButPairs(_:into:)` adds to on another thread: that thread
/// has them until the queue it works on is drained (`finish(into:)`), then the merge takes them
/// back.
final class AddedDocuments: @unchecked Sendable {
    private var value: CorpusCounts.Documents
    /// Serial: one part's documents after the other's.
    private let queue = DispatchQueue(label: "kotoba.merge.documents")

    fileprivate init(_ value: consuming CorpusCounts.Documents) {
        self.value = value
    }

    /// Adds the documents `taken` out of a part, their terms renamed by `mapping`, after those
    /// added before; they are freed on that thread.
    fileprivate func append(_ taken: consuming sending CorpusCounts.Documents, mapping: [Int32]) {
        let box = TakenDocuments(taken)
        queue.async { self.value.append(box.take(), mapping: mapping) }
    }

    /// Waits for the documents added so far, and puts them back into `counts`, whose documents
    /// they were taken from.
    func finish(into counts: inout CorpusCounts) {
        queue.sync {}
        var taken = CorpusCounts.Documents.none
        swap(&taken, &value)
        counts.restoreDocuments(taken)
    }
}

/// Documents on their way to the thread that adds them (`AddedDocuments.append(_:mapping:)`): its
/// only reference, so that they are freed there.
private final class TakenDocuments: @unchecked Sendable {
    private var documents: CorpusCounts.Documents

    init(_ documents: consuming sending CorpusCounts.Documents) { self.documents = documents }

    /// The documents, the box left with none.
    func take() -> CorpusCounts.Documents {
        var taken = CorpusCounts.Documents.none
        swap(&taken, &documents)
        return taken
    }
}
