import Analysis
import Corpus
import Foundation
import TextPreparation
import Reporting
import Tokenization

/// Publishing: the reports of merged counts, with `errors.jsonl` for the inputs left out and the
/// manifest, written through `ReportPublisher`; the warnings a run's counts call for.
extension Pipeline {
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
            let (vocabulary, ranks) = analyzed.counts.pairVocabularyRanks(size: configuration.pairTerms)
            analyzed.counts.countPairs(.terms(vocabulary), ranks: ranks)
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
        let summary = Summary(
            documents: counts.documentCount, sentences: counts.sentenceCount, vocabulary: counts.terms.count,
            output: configuration.output, published: published, skipped: analyzed.failures,
            tokenized: analyzed.tokenized, cached: analyzed.cached)
        Self.freeAside((consume analyzed, consume counts, consume files))
        return summary
    }

    /// Frees `values` on another thread. A run's counts and the reports' shared tables are
    /// hundreds of thousands of objects (a survey's document summaries, their strings, the
    /// terms): freed where the run ends, they took its last 10–20 ms on one core while the others
    /// had nothing left to do, and a command that exits right after need not wait for them.
    static func freeAside(_ values: consuming sending some Any) {
        let box = FreedAside(values)
        DispatchQueue.global(qos: .utility).async { box.free() }
    }

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
}

/// What `Pipeline.freeAside(_:)` hands to another thread: its only reference, dropped there.
private final class FreedAside: @unchecked Sendable {
    private var values: Any?

    init(_ values: consuming sending some Any) { self.values = values }

    /// Drops the values (their last reference, so they are freed here).
    func free() { values = nil }
}
