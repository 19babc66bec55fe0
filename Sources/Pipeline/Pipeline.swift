import Analysis
import Corpus
import Dispatch
import Foundation
import Logging
import TextPreparation
import Reporting
import Synchronization
import Tokenization

/// The whole run: inputs → counts → published reports; and its two halves for scale-out,
/// `count` (inputs → partial counts) and `merge` (partial counts → reports).
///
/// Documents are processed in parallel with Dispatch, one worker per job, each with its own MeCab
/// tagger on one shared model and its own `CorpusCounts`; workers take the next input as they
/// finish one, largest first, so a few big files do not leave a core idle. The workers' counts are
/// merged after all are done; since counts are sums and every report sorts by count and term, the
/// reports are byte-identical whatever the number of jobs or shards. Every input is checked: if any
/// is missing or not valid text, all such problems are reported and nothing is published, unless
/// `keepGoing` asks to publish the rest.
public struct Pipeline: Sendable {
    /// The version written to the manifest.
    public static let version = "0.1.0"

    public let configuration: PipelineConfiguration
    private let logger: Logger
    private let progress: (@Sendable (Progress) -> Void)?
    private let beforePublishing: @Sendable () -> Void
    /// Run and write even when the output is up to date (`RunKey`).
    private let force: Bool
    /// The most rows a CSV file may have before the run warns that Excel cannot show it all
    /// (`SpreadsheetRows`): Excel's limit, but a small one in tests.
    var spreadsheetRowLimit = SpreadsheetRows.excelLimit

    /// - Parameters:
    ///   - progress: called after each input, from any thread, for a progress display.
    ///   - beforePublishing: called when the reports are staged, before they replace the output
    ///     (a test hook: see `ReportPublisher.beforeSwap`).
    ///   - force: run and write even when the output was written under the same `RunKey`.
    public init(
        configuration: PipelineConfiguration, logger: Logger, progress: (@Sendable (Progress) -> Void)? = nil,
        beforePublishing: @escaping @Sendable () -> Void = {}, force: Bool = false
    ) {
        self.force = force
        self.configuration = configuration
        self.logger = logger
        self.progress = progress
        self.beforePublishing = beforePublishing
    }

    /// How far a run has got.
    public struct Progress: Sendable {
        public var inputsDone: Int
        public var inputsTotal: Int
        public var bytesDone: Int
        public var bytesTotal: Int
        public var seconds: Double
    }

    /// What a finished run reports to its caller.
    public struct Summary: Sendable {
        public var documents: Int
        public var sentences: Int
        public var vocabulary: Int
        public var output: String
        public var published: [ReportPublisher.PublishedFile]
        /// Inputs left out under `keepGoing`.
        public var skipped: [PipelineError]
        /// Inputs analyzed now, and taken from the cache.
        public var tokenized: Int
        public var cached: Int
        /// Nothing was done: the output was already written by a run with the same `RunKey`.
        public var upToDate = false
    }

    // MARK: The whole run

    /// Runs the pipeline and publishes the reports.
    public func run() throws(PipelineError) -> Summary {
        try configuration.validate()
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }
        var clock = Clock()
        let setup = try setUp()
        clock.lap("load_dictionary")
        let listing = try list()
        clock.lap("scan")
        let (key, digests) = runKey(listing, setup: setup)
        clock.lap("hash_inputs")
        // A path that could not be walked is no change a key can see: never up to date then.
        if let key, !force, listing.problems.isEmpty, let recorded = key.unchangedOutput(at: configuration.output) {
            logger.notice(
                "nothing changed since the output was written: it is up to date",
                metadata: ["output": "\(configuration.output)", "run_key": "\(key.value)"])
            return Summary(
                documents: recorded.counts.documents, sentences: recorded.counts.sentences,
                vocabulary: recorded.counts.vocabulary, output: configuration.output, published: recorded.outputs,
                skipped: [], tokenized: 0, cached: 0, upToDate: true)
        }
        var analyzed = try analyze(
            listing.inputs, setup: setup, digests: digests, restrictingPairs: true, problems: listing.problems)
        clock.lap("analyze")
        if analyzed.pairsOverflowed {
            try countPairsAgain(&analyzed, inputs: listing.inputs, setup: setup)
            clock.lap("count_pairs")
        }
        return try publish(consume analyzed, setup: setup, listing: listing, clock: clock, runKey: key?.value)
    }

    /// The key of a run over `inputs` (`RunKey`), hashing them on the run's workers; `nil` when
    /// an input is standard input or cannot be read (the run then says why, as it goes). Also each
    /// input's SHA-256 (`nil` where it could not be read), which the analysis need not compute again.
    func runKey(_ listing: CorpusScanner.Listing, setup: Setup) -> (key: RunKey?, digests: [String?]) {
        let inputs = listing.inputs
        let digests = concurrentMap(inputs) { input -> String? in
            if case .standardInput = input.origin { return nil }
            return (try? input.read()).map { ContentHash.sha256($0) }
        }
        var keyed: [(path: String, format: String, sha256: String)] = []
        for (input, digest) in zip(inputs, digests) {
            guard let digest else { return (nil, digests) }
            keyed.append((input.reportPath, setup.reader.format(of: input).rawValue, digest))
        }
        return (
            RunKey(analysis: setup.identity.sha256, configuration: configuration, root: listing.root, inputs: keyed), digests
        )
    }

    // MARK: Scale-out

    /// What `count` wrote.
    public struct CountSummary: Sendable {
        public var inputs: Int
        public var documents: Int
        public var skipped: [PipelineError]
        public var tokenized: Int
        public var cached: Int
    }

    /// Counts the inputs of `shard` (all, if `nil`) and writes the partial counts to `destination`
    /// (a file, written atomically, or `-` for standard output).
    public func count(shard: Shard?, destination: String) throws(PipelineError) -> CountSummary {
        try configuration.validate()
        let setup = try setUp()
        // An engine's task may be given an empty list (an empty partition): its partial is empty.
        let listing = try list(allowingEmpty: configuration.inputs.isEmpty && !configuration.fileLists.isEmpty)
        let mine = shard.map { shard in listing.inputs.filter { shard.contains(path: $0.reportPath) } } ?? listing.inputs
        logger.debug("counting a shard", metadata: ["shard": "\(shard.map(\.description) ?? "all")", "inputs": "\(mine.count)"])
        let problems = shard.map { shard in listing.problems.filter { shard.contains(path: $0.path) } } ?? listing.problems
        let analyzed = try analyze(mine, setup: setup, pairLimit: Int.max, keepingUnits: true, problems: problems)
        // A shard's inputs are part of the corpus: a word may be in another shard, and the merge
        // warns of the words found in none.
        if shard == nil { warnOfWordsNotFound(in: analyzed.counts, partial: true) }
        let header = PartialFile.Header(
            analysis: setup.identity.sha256,
            themes: setup.themes.map { PartialFile.ThemeRecord(name: $0.name, forms: $0.forms) },
            groupBy: configuration.groupBy, unit: configuration.unit, window: configuration.window,
            words: setup.words.map(\.name))
        var shards: [PartialFile.ShardRecord: Int] = [:]
        if let shard {
            let listing = ContentHash.sha256(Data(listing.inputs.map(\.reportPath).joined(separator: "\n").utf8))
            shards[PartialFile.ShardRecord(listing: listing, index: shard.index, count: shard.count)] = 1
        }
        let bytes: [UInt8]
        do {
            bytes = try PartialFile.bytes(header: header, partials: 1, shards: shards, inputs: analyzed.records, counts: analyzed.counts)
        } catch {
            throw .internal("cannot encode partial counts: \(error)")
        }
        try Self.write(Data(PartialGzip.compresses(destination) ? PartialGzip.compress(bytes) : bytes), to: destination)
        return CountSummary(
            inputs: analyzed.records.count, documents: analyzed.counts.documentCount, skipped: analyzed.failures,
            tokenized: analyzed.tokenized, cached: analyzed.cached)
    }

    /// Adds up partial-count files (`-` reads standard input) and publishes the reports, as a run
    /// over all their inputs would have; or, with `partial`, writes the sum as one partial (a
    /// combiner's or a tree reduce's step), which need not cover every shard.
    public func merge(_ sources: [String], partial: String? = nil) throws(PipelineError) -> Summary {
        try configuration.validate()
        var clock = Clock()
        if let partial {
            let merged = try PartialMerge.merge(sources.map { .file($0) }, complete: false, pairTerms: nil)
            let bytes: [UInt8]
            do {
                bytes = try PartialFile.bytes(
                    header: merged.header, partials: merged.partials, shards: merged.shards, inputs: merged.inputs,
                    counts: merged.counts)
            } catch {
                throw .internal("cannot encode partial counts: \(error)")
            }
            try Self.write(Data(PartialGzip.compresses(partial) ? PartialGzip.compress(bytes) : bytes), to: partial)
            return Summary(
                documents: merged.counts.documentCount, sentences: merged.counts.sentenceCount,
                vocabulary: merged.counts.terms.count, output: partial, published: [], skipped: [], tokenized: 0, cached: 0)
        }
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }
        let merged = try PartialMerge.merge(sources.map { .file($0) }, pairTerms: configuration.pairTerms)
        clock.lap("merge")
        let header = merged.header
        let themes = header.themes.map { Theme(name: $0.name, forms: $0.forms, normalizedForms: $0.forms) }
        let analyzed = Analyzed(counts: merged.counts, records: merged.inputs, failures: [], tokenized: 0, cached: 0)
        return try publish(
            analyzed, themes: themes, analyzer: nil, analysis: header.analysis, mergedFrom: sources,
            listing: CorpusScanner.Listing(inputs: [], ignored: []), unlisted: [], clock: clock,
            resolved: { configuration in
                configuration.unit = header.unit
                configuration.window = header.window
                configuration.kwic = header.words
            })
    }

    /// Removes cache entries not used for `days` days; returns how many.
    public static func pruneCache(directory: String, olderThanDays days: Double) -> Int {
        AnalysisCache.prune(directory: URL(fileURLWithPath: directory), olderThan: days * 86_400)
    }

    // MARK: Stages

    /// What every stage of a run shares: the dictionary, the normalizer, the themes, the reader.
    struct Setup: Sendable {
        var dictionaryDirectory: String
        var model: MeCabModel
        var dictionary: DictionaryIdentity
        var normalizer: TextNormalizer
        var themes: [Theme]
        /// The words looked for (`--kwic`), prepared like themes.
        var words: [Theme]
        var reader: CorpusReader
        var metadata: DocumentMetadata?
        var identity: AnalysisIdentity
        var cache: AnalysisCache?
        var vocabulary: Vocabulary
        var userDictionaries: [UserDictionary]
        var grouping: CorpusCounts.Grouping?
    }

    /// A user dictionary as used: the file given, its SHA-256, and the compiled file MeCab loaded.
    struct UserDictionary: Sendable, Codable {
        var path: String
        var sha256: String
        var compiled: String
    }

    func setUp() throws(PipelineError) -> Setup {
        let directory = try Self.dictionaryDirectory(configuration.dictionary)
        let dictionary: DictionaryIdentity
        do {
            try MeCabModel.checkDirectory(directory)
            dictionary = try DictionaryIdentity(directory: directory, memo: configuration.cache.map { URL(fileURLWithPath: $0) })
        } catch {
            throw .dictionary(error)
        }
        let userDictionaries = try prepareUserDictionaries(for: directory, identity: dictionary)
        let model: MeCabModel
        do {
            model = try MeCabModel(dictionaryDirectory: directory, userDictionaries: userDictionaries.map(\.compiled))
        } catch {
            throw .dictionary(error)
        }
        logger.debug("loaded dictionary", metadata: ["dictionary.path": "\(directory)", "dictionary.layout": "\(model.layout.name)"])
        let normalizer = configuration.normalizer
        let themes = try configuration.themes.map { path throws(PipelineError) in
            try ThemeFile.load(path: path, normalizer: normalizer)
        } ?? []
        let words = try ThemeFile.words(configuration.kwic, source: "--kwic", normalizer: normalizer)
        let vocabulary = try makeVocabulary(normalizer: normalizer)
        let identity = AnalysisIdentity(
            configuration: configuration, dictionary: dictionary, family: model.layout.name,
            userDictionaries: userDictionaries.map(\.sha256), vocabulary: vocabulary, themes: themes, words: words)
        let cache = configuration.cache.map {
            AnalysisCache(directory: URL(fileURLWithPath: $0), identity: identity.sha256, themeCount: themes.count)
        }
        if let removed = cache?.removedSegments, !removed.isEmpty {
            logger.warning(
                "removed damaged cache segments; their inputs are analyzed again",
                metadata: ["segments": "\(removed.count)", "path": "\(removed[0])"])
        }
        return Setup(
            dictionaryDirectory: directory, model: model, dictionary: dictionary, normalizer: normalizer,
            themes: themes, words: words, reader: Self.reader(for: configuration), metadata: try Self.metadata(for: configuration),
            identity: identity, cache: cache, vocabulary: vocabulary, userDictionaries: userDictionaries,
            grouping: configuration.groupBy.map(CorpusCounts.Grouping.init(name:)))
    }

    /// The vocabulary of the run: the vocabulary file's, with the configuration's preset,
    /// stopwords and compounds over it.
    func makeVocabulary(normalizer: TextNormalizer) throws(PipelineError) -> Vocabulary {
        var file = try configuration.vocabulary.map { path throws(PipelineError) in try VocabularyFile.load(path: path) }
            ?? VocabularyFile()
        file.stopwords = (file.stopwords ?? []) + configuration.stopwords
        let selection = TermSelection(
            preset: configuration.posPreset ?? file.preset ?? .khcoder, include: file.include ?? [],
            exclude: file.exclude ?? [])
        let directory = configuration.vocabulary.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        return try file.vocabulary(
            normalizer: normalizer, selection: selection, joinsCompounds: configuration.compounds || (file.compounds ?? false),
            relativeTo: directory.isEmpty ? "." : directory)
    }

    /// Compiled user dictionaries: `.dic` files as they are; CSVs compiled for the system
    /// dictionary, once, into the cache (or a temporary folder without one), under a key of the
    /// CSV's and the dictionary's content.
    func prepareUserDictionaries(for directory: String, identity: DictionaryIdentity) throws(PipelineError) -> [UserDictionary] {
        var prepared: [UserDictionary] = []
        for path in configuration.userDictionaries {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
                throw .dictionary(.dictionaryUnavailable(path: path, reason: "the user dictionary is missing or unreadable"))
            }
            let sha256 = ContentHash.sha256(data)
            guard path.lowercased().hasSuffix(".csv") else {
                prepared.append(UserDictionary(path: path, sha256: sha256, compiled: path))
                continue
            }
            let folder = (configuration.cache ?? NSTemporaryDirectory() + "kotoba-userdic") + "/userdic"
            let compiled = folder + "/" + ContentHash.sha256(Data("\(sha256) \(identity.sha256)".utf8)) + ".dic"
            if !FileManager.default.fileExists(atPath: compiled) {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = compiled + ".\(UUID().uuidString).tmp"
                do {
                    try MeCabModel.compileUserDictionary(csv: path, dictionaryDirectory: directory, output: temporary)
                } catch {
                    try? FileManager.default.removeItem(atPath: temporary)
                    throw .dictionary(error)
                }
                _ = rename(temporary, compiled)
                logger.info("compiled a user dictionary", metadata: ["path": "\(path)", "compiled": "\(compiled)"])
            }
            prepared.append(UserDictionary(path: path, sha256: sha256, compiled: compiled))
        }
        return prepared
    }

    /// The run's inputs, from paths and file lists; none is an error unless `allowingEmpty` (an
    /// engine's empty partition, whose file list names nothing).
    func list(allowingEmpty: Bool = false) throws(PipelineError) -> CorpusScanner.Listing {
        var listing = CorpusScanner().scan(configuration.inputs, fileLists: configuration.fileLists, root: configuration.inputRoot)
        if allowingEmpty {
            listing.problems.removeAll { if case .emptyList = $0 { true } else { false } }
        }
        guard !listing.inputs.isEmpty || allowingEmpty && listing.problems.isEmpty else {
            // Nothing to read: say why, never exit without a word.
            if !listing.problems.isEmpty { throw .inputs(listing.problems) }
            let paths = configuration.inputs.isEmpty ? configuration.fileLists.map(\.path) : configuration.inputs
            throw .inputs(paths.map { .unreadable(path: $0, reason: "no text files (.txt, .md, .csv, .tsv) found") })
        }
        for path in listing.ignored {
            logger.info("ignored a file that is not text", metadata: ["path": "\(path)"])
        }
        return listing
    }

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
    /// `count` passes no limit and `keepingUnits`: a partial holds every unit's distinct terms
    /// (`CorpusCounts.PairScope.units`), so that partials add up to a run's pairs.
    ///
    /// `problems` are paths the listing could not take (`CorpusScanner.Listing.problems`): they
    /// fail the run with the inputs' own problems, or are left out like them under `keepGoing`.
    func analyze(
        _ inputs: [InputSource], setup: Setup, digests: [String?]? = nil, pairsAmong: Set<Term>? = nil,
        pairLimit: Int? = nil, restrictingPairs: Bool = false, keepingUnits: Bool = false, problems: [CorpusError] = []
    ) throws(PipelineError) -> Analyzed {
        let schedule = Self.largestFirst(inputs)
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
            if let pairsAmong { analyzer.countPairs(.terms(pairsAmong), pairsOnly: true) }
            if keepingUnits { analyzer.countPairs(.units) }
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
                var outcome: Result<[DocumentAnalysis], PipelineError>
                do throws(PipelineError) {
                    outcome = .success(try processor.analyze(job.documents(of: number), of: inputs[job.index], into: &analyzer))
                } catch {
                    outcome = .failure(error)
                }
                if job.chunkCount > 1, case .success(let analyses) = outcome {
                    processor.store(chunk: number, analyses, of: job.file)
                    outcome = .success([])
                }
                guard let whole = job.finish(number, with: outcome) else { return }
                finished(job.index, whole.map { analyses in
                    if job.chunkCount > 1 {
                        processor.store(chunks: job.chunkCount, of: job.file)
                    } else {
                        processor.store(analyses, of: job.file)
                    }
                    return DocumentProcessor.record(of: job.file)
                }, fromCache: false)
            }
            /// Counts chunk `number` of `input` from the cache; the worker that counts its last
            /// chunk records it.
            func count(_ input: CachedInput, chunk number: Int) {
                let outcome: Result<Int, PipelineError>
                do throws(PipelineError) {
                    outcome = .success(try processor.count(chunk: number, of: input, into: &analyzer))
                } catch {
                    outcome = .failure(error)
                }
                guard let whole = input.finish(number, with: outcome) else { return }
                finished(input.index, whole, fromCache: true)
            }
            while let item = queue.next() {
                switch item {
                case .input(let index):
                    let read: DocumentProcessor.Read
                    do throws(PipelineError) {
                        read = try processor.read(inputs[index], sha256: digests?[index], into: &analyzer)
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
                        work(on: job, chunk: 0)
                    }
                case .chunk(let job, let number):
                    work(on: job, chunk: number)
                case .cachedChunk(let input, let number):
                    count(input, chunk: number)
                }
                if countingPairs, analyzer.counts.pairUnits.count > pairLimit {
                    overflowed.store(true, ordering: .relaxed)
                }
                if countingPairs, overflowed.load(ordering: .relaxed) {
                    analyzer.countPairs(.none)
                    countingPairs = false
                }
            }
            if let reason = cacheWriter?.finish() {
                logger.warning("cannot write to the cache", metadata: ["reason": "\(reason)"])
            }
            let counts = analyzer.counts
            results.withLock { $0.append((counts, failures, tokenized, cached)) }
        }
        // Taken out of the lock, so that each worker's counts has one owner, merged in place and
        // freed as soon as it is added: memory holds the merged counts and one worker's at most.
        var parts: [CorpusCounts] = []
        let finished = results.withLock { all in
            defer { all = [] }
            parts = all.map(\.0)
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
        if restricting {
            // The reports keep only pairs of the pair vocabulary (`publish`): each worker drops
            // the others before the merge, side by side, so the merge, which runs alone, adds
            // the pairs that stay, not all of them, and `publish` has nothing left to drop.
            let vocabulary = CorpusCounts.pairVocabulary(size: configuration.pairTerms, over: parts)
            parts = concurrentMap(parts) { part in
                var part = part
                part.countPairs(.terms(vocabulary))
                return part
            }
        }
        var merged =
            parts.popLast()
            ?? CorpusCounts(
                themeNames: setup.themes.map(\.name), grouping: setup.grouping, unit: configuration.unit,
                window: configuration.window, words: setup.words.map(\.name))
        if keepingUnits { merged.countPairs(.units) }
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

    /// Writes the reports of `analyzed` (from a run).
    func publish(_ analyzed: consuming Analyzed, setup: Setup, listing: CorpusScanner.Listing, clock: Clock, runKey: String?)
        throws(PipelineError) -> Summary
    {
        let unlisted = setup.metadata.map { metadata in
            Set(metadata.keys).subtracting(listing.inputs.compactMap(metadata.key(for:))).sorted()
        } ?? []
        for key in unlisted {
            logger.warning("a metadata row names no input", metadata: ["metadata.key": "\(key)"])
        }
        let analyzer = RunManifest.Analyzer(
            mecabVersion: MeCabModel.libraryVersion,
            dictionary: .init(
                directory: setup.dictionaryDirectory, layout: setup.model.layout.name, files: setup.model.dictionaries,
                identity: setup.dictionary),
            icuVersion: ICU.version,
            normalization: setup.normalizer.ruleNames,
            terms: "KH Coder categories (\(setup.model.layout.name)); symbols never count",
            cooccurrenceUnit: analyzed.counts.unitName,
            vocabulary: AnalysisIdentity.describe(setup.vocabulary),
            userDictionaries: setup.userDictionaries)
        return try publish(
            consume analyzed, themes: setup.themes, analyzer: analyzer, analysis: setup.identity.sha256, mergedFrom: nil,
            listing: listing, unlisted: unlisted, clock: clock, runKey: runKey,
            resolved: { $0.dictionary = setup.dictionaryDirectory })
    }

    /// Writes the reports of `analyzed`, with `errors.jsonl` if inputs were skipped, and the manifest.
    /// It takes `analyzed` whole, so that its pair table is restricted in place rather than
    /// copied, and the unrestricted table is not kept while the reports are written.
    func publish(
        _ analyzed: consuming Analyzed, themes: [Theme], analyzer: RunManifest.Analyzer?, analysis: String,
        mergedFrom: [String]?, listing: CorpusScanner.Listing, unlisted: [String], clock: Clock, runKey: String? = nil,
        resolved: (inout PipelineConfiguration) -> Void = { _ in }
    ) throws(PipelineError) -> Summary {
        // Pairs are kept among the pair vocabulary only, however they were counted (one pass,
        // two, or merged partials), so the reports do not depend on it.
        if !analyzed.pairsRestricted {
            analyzed.counts.countPairs(.terms(analyzed.counts.pairVocabulary(size: configuration.pairTerms)))
        }
        let counts = analyzed.counts
        warnOfWordsNotFound(in: counts)
        for group in counts.groupSentences.keys.sorted() where GroupName.isReserved(group) {
            logger.warning(
                "a group has the name of the unnamed group: the reports rename it",
                metadata: ["group": "\(group)", "reported_as": "\(GroupName.shown(group))"])
        }
        let pairVocabularySize: Int
        if case .terms(let vocabulary) = counts.pairScope { pairVocabularySize = vocabulary.count } else { pairVocabularySize = 0 }
        guard counts.documentCount > 0 || analyzed.failures.isEmpty else {
            // Nothing was good: with --keep-going too, there is nothing to publish.
            throw analyzed.failures[0]
        }
        var options = Reports.Options(
            minimumPairCount: configuration.minimumPairCount,
            bounds: TermBounds(
                minimumCount: configuration.minTermCount, maximumCount: configuration.maxTermCount,
                minimumDocuments: configuration.minDocumentCount, maximumDocuments: configuration.maxDocumentCount),
            groupTop: configuration.groupTop, csv: configuration.csvFormat, json: configuration.json,
            networkEdges: configuration.networkEdges, measure: configuration.measure)
        options.maps = configuration.mapOptions
        options.spreadsheetRows = SpreadsheetRows(limit: spreadsheetRowLimit)
        // Settings the counts cannot serve (one group for the correspondence analysis, more
        // clusters than terms) are usage errors, found before anything is written.
        if let problem = Reports.mapProblem(counts: counts, options: options) { throw .configuration(problem) }
        var files = Reports.files(counts: counts, themes: themes, options: options)
        let skipped = analyzed.failures.flatMap(Self.skippedInputs).map { Self.reported($0, listing: listing) }
        if !skipped.isEmpty {
            let lines = skipped.map(\.jsonLine).joined(separator: "\n") + "\n"
            files.append(ReportFile(name: "errors.jsonl") { Data(lines.utf8) })
        }
        var configuration = configuration
        resolved(&configuration)
        let records = analyzed.records.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var manifest = RunManifest(
            tool: .init(version: Self.version),
            startedAt: Self.timestamp(clock.started),
            finishedAt: "",
            durationsMs: clock.durations,
            analyzer: analyzer,
            analysis: analysis,
            runKey: skipped.isEmpty ? runKey : nil,
            configuration: configuration,
            configurationSha256: configuration.sha256,
            mergedFrom: mergedFrom,
            cache: .init(directory: configuration.cache, hits: analyzed.cached, misses: analyzed.tokenized),
            inputs: .init(
                root: listing.root, count: records.count, bytes: records.reduce(0) { $0 + $1.bytes }, files: records,
                skipped: skipped.map { .init(path: $0.path, reason: $0.message) }, ignored: listing.ignored,
                unlistedMetadataKeys: unlisted),
            counts: .init(
                documents: counts.documentCount, paragraphs: counts.paragraphCount,
                sentences: counts.sentenceCount, tokens: counts.tokenCount, termTokens: counts.termTokenCount,
                vocabulary: counts.terms.count, cooccurringPairs: counts.pairUnits.count,
                pairVocabulary: pairVocabularySize, pairPasses: analyzed.pairPasses, themes: themes.count),
            outputs: [])
        manifest.status = skipped.isEmpty ? "ok" : "partial"
        let finalManifest = manifest
        let writeStarted = Date()
        let published: [ReportPublisher.PublishedFile]
        do {
            let publisher = ReportPublisher(concurrentWrites: configuration.jobs, beforeSwap: beforePublishing)
            published = try publisher.publish(files, to: URL(fileURLWithPath: configuration.output)) { outputs in
                var manifest = finalManifest
                manifest.outputs = outputs
                manifest.durationsMs["write"] = Int((Date().timeIntervalSince(writeStarted) * 1000).rounded())
                manifest.finishedAt = Self.timestamp(Date())
                return try manifest.json()
            }
        } catch {
            throw .output(error)
        }
        logger.debug("published reports", metadata: ["output": "\(configuration.output)"])
        for file in options.spreadsheetRows.overflowing {
            logger.warning(
                "a CSV file has more rows than Excel shows (report.html says so too)",
                metadata: [
                    "file": "\(file.file)", "rows": "\(file.rows)", "excel_rows": "\(options.spreadsheetRows.limit)",
                    "remedy": "\(file.remedy)",
                ])
        }
        return Summary(
            documents: counts.documentCount, sentences: counts.sentenceCount, vocabulary: counts.terms.count,
            output: configuration.output, published: published, skipped: analyzed.failures,
            tokenized: analyzed.tokenized, cached: analyzed.cached)
    }

    // MARK: Helpers

    /// Warns of each `--kwic` word `counts` never found: an empty kwic.csv and collocations.csv
    /// for it (or a partial without it) would otherwise pass unnoticed.
    func warnOfWordsNotFound(in counts: CorpusCounts, partial: Bool = false) {
        for (index, word) in counts.words.enumerated() where counts.wordOccurrences[index] == 0 {
            logger.warning(
                partial
                    ? "a --kwic word was never found: the partial counts have no line for it"
                    : "a --kwic word was never found: kwic.csv and collocations.csv have no line for it",
                metadata: ["word": "\(word)"])
        }
    }

    /// One skipped input, for `errors.jsonl` and the manifest.
    struct SkippedInput {
        var path: String
        var kind: String
        var message: String
        var offset: Int?

        var jsonLine: String {
            var line = "{\"path\":\(JSONText.string(path)),\"error\":\(JSONText.string(kind)),\"message\":\(JSONText.string(message))"
            if let offset { line += ",\"offset\":\(offset)" }
            return line + "}"
        }
    }

    /// `skipped` with the report path of its input (`ReportPaths`) for the path it was given as,
    /// in its path and at the start of its message (`errors.jsonl` is a report).
    static func reported(_ skipped: SkippedInput, listing: CorpusScanner.Listing) -> SkippedInput {
        // A table's row is named `PATH (row N)`.
        let given = skipped.path.range(of: " (row ").map { String(skipped.path[..<$0.lowerBound]) } ?? skipped.path
        guard !given.isEmpty else { return skipped }
        let path: String
        if let input = listing.inputs.first(where: { $0.displayPath == given }) {
            path = input.reportPath
        } else if let root = listing.root, let below = ReportPaths.relative(given, below: root) {
            // A folder or link the scan could not walk, below the input root: named as the
            // inputs beside it are.
            path = below
        } else {
            return skipped
        }
        var reported = skipped
        reported.path = path + skipped.path.dropFirst(given.count)
        if skipped.message.hasPrefix(given) { reported.message = path + skipped.message.dropFirst(given.count) }
        return reported
    }

    static func skippedInputs(_ error: PipelineError) -> [SkippedInput] {
        switch error {
        case .inputs(let problems):
            return problems.map { problem in
                let (kind, offset): (String, Int?) =
                    switch problem {
                    case .missing: ("missing", nil)
                    case .unreadable: ("unreadable", nil)
                    case .invalidBytes(_, _, let offset): ("invalid_bytes", offset)
                    case .undecodable(_, _, let offset): ("undecodable", offset)
                    case .ambiguousEncoding: ("ambiguous_encoding", nil)
                    case .binary(_, let offset), .binaryOrUTF16(_, let offset, _): ("binary", offset)
                    case .invalidTable: ("invalid_table", nil)
                    case .emptyList: ("empty_list", nil)
                    }
                return SkippedInput(path: problem.path, kind: kind, message: problem.description, offset: offset)
            }
        case .processing(let path, _):
            return [SkippedInput(path: path, kind: "processing", message: error.description, offset: nil)]
        default:
            return [SkippedInput(path: "", kind: "error", message: error.description, offset: nil)]
        }
    }

    /// Stage timings for the manifest.
    struct Clock {
        let started = Date()
        private var last = Date()
        private(set) var durations: [String: Int] = [:]

        mutating func lap(_ stage: String) {
            durations[stage] = Int((Date().timeIntervalSince(last) * 1000).rounded())
            last = Date()
        }
    }

    /// Locks the output directory and checks that the reports may replace it, before any input
    /// is read: a directory kotoba did not write is refused at once, not after the analysis.
    func takeLock() throws(PipelineError) -> OutputLock {
        do {
            let output = URL(fileURLWithPath: configuration.output)
            let lock = try OutputLock(output: output)
            try ReportPublisher.checkOutput(output)
            return lock
        } catch {
            throw .output(error)
        }
    }

    /// Writes `data` to `path`, or to standard output for `-`. A regular file is written to a
    /// temporary file beside it and renamed, so a reader never sees it half-written; anything else
    /// (a named pipe, a device such as `/dev/stdout`) is written in place, never replaced.
    static func write(_ data: Data, to path: String) throws(PipelineError) {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        var info = stat()
        let isSpecial = stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        if isSpecial {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .writeFailed(path: path, reason: SystemError.message(errno: errno)) }
            defer { close(descriptor) }
            var offset = 0
            while offset < data.count {
                let written = data.withUnsafeBytes { bytes in
                    bytes.baseAddress.map { Foundation.write(descriptor, $0 + offset, bytes.count - offset) } ?? 0
                }
                guard written > 0 else { throw .writeFailed(path: path, reason: SystemError.message(errno: errno)) }
                offset += written
            }
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .writeFailed(path: path, reason: SystemError.reason(for: error))
        }
    }

    /// The reader the configuration asks for: encoding, text column, lines on standard input.
    static func reader(for configuration: PipelineConfiguration) -> CorpusReader {
        CorpusReader(
            decoder: TextDecoder(encoding: configuration.encoding), textColumn: configuration.textColumn,
            linesInput: configuration.linesInput)
    }

    /// The metadata table the configuration names, read.
    static func metadata(for configuration: PipelineConfiguration) throws(PipelineError) -> DocumentMetadata? {
        do {
            return try configuration.metadata.map { path throws(CorpusError) in
                try DocumentMetadata(path: path, decoder: TextDecoder(encoding: configuration.encoding))
            }
        } catch {
            throw .inputs([error])
        }
    }

    /// The key terms and theme forms are compared under (F6), as a closure for the analyzers.
    /// Case folding cannot fail for text ICU already normalized; should it, the text is its own key.
    static func keyFunction(_ normalizer: TextNormalizer) -> @Sendable (String) -> String {
        guard normalizer.rules.contains(.caseFoldedKeys) else { return { $0 } }
        return { text in
            // NFKC_Casefold leaves ASCII as it is but for the capitals, which it lowercases.
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
            guard text.unicodeScalars.contains(where: { $0.properties.changesWhenNFKCCaseFolded }) else { return text }
            return (try? normalizer.key(text)) ?? text
        }
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

    /// About how much text (UTF-8 bytes) of an input with many documents a worker takes at once
    /// (`InputJob`): small enough that a survey table's rows spread over every worker, large
    /// enough that taking a chunk costs nothing beside analyzing it.
    static let chunkBytes = 32 * 1024

    /// Input indices with their sizes, largest first (ties in input order), so workers finish together.
    static func largestFirst(_ inputs: [InputSource]) -> [(index: Int, size: Int)] {
        inputs.enumerated().map { ($0.offset, $0.element.size) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// The dictionary directory to use: `ipadic`, `unidic` or `juman` where the system installs
    /// them, or a directory; IPAdic when none is configured.
    static func dictionaryDirectory(_ configured: String?) throws(PipelineError) -> String {
        let name = configured ?? "ipadic"
        guard let family = FeatureLayout.Family(rawValue: name) else { return name }
        guard let found = DictionaryLocator.installed(family) else {
            let package = DictionaryLocator.package(of: family)
            throw .dictionary(
                .dictionaryUnavailable(
                    path: name,
                    reason: "\(name) is not installed: install \(package)"
                        + (family == .ipadic ? " (scripts/setup.sh does)" : "") + ", or pass --dictionary DIR"))
        }
        return found
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
