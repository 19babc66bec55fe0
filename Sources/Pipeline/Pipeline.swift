import Corpus
import Foundation
import Logging
import Reporting
import Synchronization

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
///
/// Its parts, one file each: the setup every command shares (`Pipeline+Setup`), the worker pool
/// (`Pipeline+Workers`), publishing (`Pipeline+Publishing`, `Pipeline+SkippedInput`), scale-out
/// (`Pipeline+ScaleOut`), the output's lock and the stage clock (`Pipeline+Lock`,
/// `Pipeline+Clock`), and the commands that show text instead of counting it (`DocumentWalk`).
public struct Pipeline: Sendable {
    /// The version written to the manifest.
    public static let version = "0.1.0"

    public let configuration: PipelineConfiguration
    let logger: Logger
    let progress: (@Sendable (Progress) -> Void)?
    let beforePublishing: @Sendable () -> Void
    /// Run and write even when the output is up to date (`RunKey`).
    let force: Bool
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
        // Only an output whose manifest records a key can be up to date: for one, every input is
        // read and hashed first, to compare keys. A run that cannot be (a fresh output folder,
        // --force, or a path that could not be walked, a change no key can see) analyzes at once
        // and makes its key from the digests of the bytes its workers read, so each input is read
        // once, not twice.
        let recorded = force || !listing.problems.isEmpty ? nil : RunKey.recorded(at: configuration.output)
        var (key, hashed): (RunKey?, HashedInputs?) = (nil, nil)
        if recorded != nil {
            let read = hashInputs(listing)
            (key, hashed) = (runKey(listing, setup: setup, digests: read.digests), read)
        }
        clock.lap("hash_inputs")
        if let recorded, let key, key.isUnchanged(recorded, at: configuration.output) {
            logger.notice(
                "nothing changed since the output was written: it is up to date",
                metadata: ["output": "\(configuration.output)", "run_key": "\(key.value)"])
            return Summary(
                documents: recorded.counts.documents, sentences: recorded.counts.sentences,
                vocabulary: recorded.counts.vocabulary, output: configuration.output, published: recorded.outputs,
                skipped: [], tokenized: 0, cached: 0, upToDate: true)
        }
        var analyzed = try analyze(
            listing.inputs, setup: setup, hashed: hashed, restrictingPairs: true, problems: listing.problems)
        clock.lap("analyze")
        if analyzed.pairsOverflowed {
            try countPairsAgain(&analyzed, inputs: listing.inputs, setup: setup)
            clock.lap("count_pairs")
        }
        if recorded == nil { key = runKey(listing, setup: setup, records: analyzed.records) }
        return try publish(consume analyzed, setup: setup, listing: listing, clock: clock, runKey: key?.value)
    }

    /// What a run over `listing`'s inputs learns by reading and hashing every one of them on the
    /// run's workers, before it analyzes them (`HashedInputs`): their digests, for its key (`nil`
    /// where an input is standard input or cannot be read; the run then says why, as it goes),
    /// and what the analysis need not find out again.
    func hashInputs(_ listing: CorpusScanner.Listing) -> HashedInputs {
        let inputs = listing.inputs
        // The largest input's bytes, ties to the earliest, as the analysis orders its inputs
        // (`largestFirst`): at most one input's bytes are held besides those being hashed.
        let largest = Mutex<FirstRead?>(nil)
        let read = concurrentMap(Array(inputs.indices)) { index -> (digest: String, size: Int)? in
            if case .standardInput = inputs[index].origin { return nil }
            guard let data = try? inputs[index].read() else { return nil }
            largest.withLock { largest in
                if let kept = largest, Self.takesFirst((kept.index, kept.size), (index, data.count)) { return }
                largest = FirstRead(index: index, data: data)
            }
            return (ContentHash.sha256(data), data.count)
        }
        return HashedInputs(
            digests: read.map { $0?.digest }, sizes: read.map { $0?.size }, firstRead: largest.withLock { $0 })
    }

    /// The key of a run over `listing`'s inputs, as analyzed into `records`: each input's digest
    /// is the one of the bytes its worker read, as the first pass's would be (`nil` if an input is
    /// standard input, or has no record).
    func runKey(_ listing: CorpusScanner.Listing, setup: Setup, records: [InputRecord]) -> RunKey? {
        let digests = Dictionary(records.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        return runKey(listing, setup: setup, digests: listing.inputs.map { input in
            if case .standardInput = input.origin { return nil }
            return digests[input.reportPath]
        })
    }

    /// The key of a run over `listing`'s inputs whose digests are `digests`, in their order
    /// (`RunKey`); `nil` if one has none.
    func runKey(_ listing: CorpusScanner.Listing, setup: Setup, digests: [String?]) -> RunKey? {
        var keyed: [(path: String, format: String, sha256: String)] = []
        for (input, digest) in zip(listing.inputs, digests) {
            guard let digest else { return nil }
            keyed.append((input.reportPath, setup.reader.format(of: input).rawValue, digest))
        }
        return RunKey(analysis: setup.identity.sha256, configuration: configuration, root: listing.root, inputs: keyed)
    }
}
