import Analysis
import Corpus
import Foundation

/// Scale-out: `count` (inputs → partial counts) and `merge` (partial counts → reports, or one
/// partial), with the atomic write of a partial (docs/PARTIALS.md).
extension Pipeline {
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
    /// combiner's or a tree reduce's step), which need not cover every shard. `groupTopGiven`:
    /// the command line set `--group-top`, which the partials' grouping decides the use of: it
    /// is refused when they were counted without `--group-by`.
    public func merge(_ sources: [String], partial: String? = nil, groupTopGiven: Bool = false) throws(PipelineError)
        -> Summary
    {
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
        if groupTopGiven, merged.counts.grouping == nil {
            throw .configuration(
                "'--group-top' only applies with '--group-by', and these partials were counted without it")
        }
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

    /// Writes `data` to `path`, or to standard output for `-`. A regular file is written whole
    /// or not at all (`AtomicFile`), so a reader never sees it half-written; anything else (a
    /// named pipe, a device such as `/dev/stdout`) is written in place, never replaced.
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
            let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            do {
                try file.write(contentsOf: data)
            } catch {
                throw .writeFailed(path: path, reason: SystemError.reason(for: error))
            }
            return
        }
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .writeFailed(path: error.path, reason: error.reason)
        }
    }
}
