import Analysis
import Corpus
import Dispatch
import Foundation
import Logging
import Normalization
import Reporting
import Synchronization
import Tokenization

/// The whole run: inputs → counts → published reports.
///
/// Documents are processed in parallel with Dispatch, one worker per job, each with its own MeCab
/// tagger on one shared model and its own `CorpusCounts`; workers take the next document as they
/// finish one, largest first, so a few big files do not leave a core idle. The workers' counts are
/// merged after all are done; since counts are sums and every report sorts by count and term, the
/// reports are byte-identical whatever the number of jobs. Every input is checked: if any is
/// missing or not valid text, all such problems are reported and nothing is published.
public struct Pipeline: Sendable {
    /// The version written to the manifest.
    public static let version = "0.1.0"

    public let configuration: PipelineConfiguration
    private let logger: Logger

    public init(configuration: PipelineConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// What a finished run reports to its caller.
    public struct Summary: Sendable {
        public var documents: Int
        public var sentences: Int
        public var vocabulary: Int
        public var output: String
        public var published: [ReportPublisher.PublishedFile]
    }

    /// Runs the pipeline and publishes the reports.
    public func run() throws(PipelineError) -> Summary {
        try configuration.validate()
        let started = Date()
        var durations: [String: Int] = [:]
        var clock = Date()
        func lap(_ stage: String) {
            durations[stage] = Int((Date().timeIntervalSince(clock) * 1000).rounded())
            clock = Date()
        }

        let dictionaryDirectory = try Self.dictionaryDirectory(configuration.dictionary)
        let model: MeCabModel
        let identity: DictionaryIdentity
        do {
            model = try MeCabModel(dictionaryDirectory: dictionaryDirectory)
            identity = try DictionaryIdentity(directory: dictionaryDirectory)
        } catch {
            throw .dictionary(error)
        }
        logger.debug("loaded dictionary", metadata: ["dictionary.path": "\(dictionaryDirectory)"])
        lap("load_dictionary")

        let normalizer = configuration.normalizer
        let themes = try configuration.themes.map { path throws(PipelineError) in
            try ThemeFile.load(path: path, normalizer: normalizer)
        } ?? []
        let reader = try Self.reader(for: configuration)

        let listing: CorpusScanner.Listing
        do {
            listing = try CorpusScanner().listing(for: configuration.inputs)
        } catch {
            throw .inputs(error.problems)
        }
        guard !listing.inputs.isEmpty else {
            throw .inputs(
                configuration.inputs.map { .unreadable(path: $0, reason: "no text files (.txt, .md, .csv, .tsv) found") })
        }
        for path in listing.ignored {
            logger.info("ignored a file that is not text", metadata: ["path": "\(path)"])
        }
        let unlisted = reader.metadata.map { metadata in
            Set(metadata.keys).subtracting(listing.inputs.compactMap(metadata.key(for:))).sorted()
        } ?? []
        for key in unlisted {
            logger.warning("a metadata row names no input", metadata: ["metadata.key": "\(key)"])
        }
        lap("scan")

        let (counts, inputRecords) = try analyze(
            listing.inputs, model: model, themes: themes, reader: reader, normalizer: normalizer)
        lap("analyze")

        let files = Reports.files(
            counts: counts, themes: themes, minimumPairCount: configuration.minimumPairCount)
        let manifest = RunManifest(
            tool: .init(version: Self.version),
            startedAt: Self.timestamp(started),
            finishedAt: "",
            durationsMs: durations,
            analyzer: .init(
                mecabVersion: MeCabModel.libraryVersion,
                dictionary: .init(
                    directory: dictionaryDirectory, layout: model.layout.name, files: model.dictionaries,
                    identity: identity),
                icuVersion: ICU.version,
                normalization: normalizer.ruleNames,
                terms: "ipadic: nouns except 数/非自立/代名詞/接尾, 動詞-自立, 形容詞-自立, unknown words; symbols excluded",
                cooccurrenceUnit: Reports.cooccurrenceUnit),
            configuration: resolved(dictionary: dictionaryDirectory),
            inputs: .init(
                count: inputRecords.count,
                bytes: inputRecords.reduce(0) { $0 + $1.bytes },
                files: inputRecords,
                ignored: listing.ignored,
                unlistedMetadataKeys: unlisted),
            counts: .init(
                documents: counts.documentCount, paragraphs: counts.paragraphCount,
                sentences: counts.sentenceCount, tokens: counts.tokenCount, termTokens: counts.termTokenCount,
                vocabulary: counts.terms.count, cooccurringPairs: counts.pairSentences.count,
                themes: themes.count),
            outputs: [])
        let writeStarted = Date()
        let published: [ReportPublisher.PublishedFile]
        do {
            published = try ReportPublisher().publish(
                files, to: URL(fileURLWithPath: configuration.output)
            ) { outputs in
                var manifest = manifest
                manifest.outputs = outputs
                manifest.durationsMs["write"] = Int((Date().timeIntervalSince(writeStarted) * 1000).rounded())
                manifest.finishedAt = Self.timestamp(Date())
                return try manifest.json()
            }
        } catch {
            throw .output(error)
        }
        logger.debug("published reports", metadata: ["output": "\(configuration.output)"])
        return Summary(
            documents: counts.documentCount, sentences: counts.sentenceCount, vocabulary: counts.terms.count,
            output: configuration.output, published: published)
    }

    /// The reader the configuration asks for: encoding, text column and metadata table.
    static func reader(for configuration: PipelineConfiguration) throws(PipelineError) -> CorpusReader {
        let decoder = TextDecoder(encoding: configuration.encoding)
        do {
            let metadata = try configuration.metadata.map { path throws(CorpusError) in
                try DocumentMetadata(path: path, decoder: decoder)
            }
            return CorpusReader(decoder: decoder, textColumn: configuration.textColumn, metadata: metadata)
        } catch {
            throw .inputs([error])
        }
    }

    /// Processes `inputs` on `configuration.jobs` workers and merges their counts.
    func analyze(
        _ inputs: [InputSource], model: MeCabModel, themes: [Theme], reader: CorpusReader,
        normalizer: TextNormalizer
    ) throws(PipelineError) -> (CorpusCounts, [DocumentProcessor.InputRecord]) {
        let schedule = Self.largestFirst(inputs)
        let next = Atomic<Int>(0)
        let workers = min(configuration.jobs, inputs.count)
        let results = Mutex<[(CorpusCounts, [(Int, PipelineError)])]>([])
        let records = Mutex<[DocumentProcessor.InputRecord?]>(Array(repeating: nil, count: inputs.count))
        let key = Self.keyFunction(normalizer)
        let logger = logger
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var analyzer = CorpusAnalyzer(themes: themes, key: key)
            var failures: [(Int, PipelineError)] = []
            do throws(MeCabError) {
                let processor = DocumentProcessor(
                    reader: reader, normalizer: normalizer, tagger: try MeCabTagger(model: model))
                while true {
                    let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard position < schedule.count else { break }
                    let index = schedule[position]
                    do throws(PipelineError) {
                        let record = try processor.process(inputs[index], index: index, into: &analyzer)
                        records.withLock { $0[index] = record }
                        logger.trace("processed document", metadata: ["path": "\(inputs[index].displayPath)"])
                    } catch {
                        failures.append((index, error))
                    }
                }
            } catch {
                failures.append((-1, .dictionary(error)))
            }
            let counts = analyzer.counts
            results.withLock { $0.append((counts, failures)) }
        }
        let finished = results.withLock { $0 }
        let failures = finished.flatMap(\.1).sorted { $0.0 < $1.0 }.map(\.1)
        if let first = failures.first {
            let inputProblems = failures.compactMap { failure -> [CorpusError]? in
                if case .inputs(let problems) = failure { return problems }
                return nil
            }
            throw inputProblems.count == failures.count ? .inputs(inputProblems.flatMap { $0 }) : first
        }
        var merged = CorpusCounts(themeNames: themes.map(\.name))
        for (counts, _) in finished { merged.merge(counts) }
        return (merged, records.withLock { $0.compactMap { $0 } })
    }

    /// The key terms and theme forms are compared under (F6), as a closure for the analyzers.
    /// Case folding cannot fail for text ICU already normalized; should it, the text is its own key.
    static func keyFunction(_ normalizer: TextNormalizer) -> @Sendable (String) -> String {
        guard normalizer.rules.contains(.caseFoldedKeys) else { return { $0 } }
        return { text in
            guard text.unicodeScalars.contains(where: { $0.properties.changesWhenNFKCCaseFolded }) else { return text }
            return (try? normalizer.key(text)) ?? text
        }
    }

    /// Input indices, largest file first (ties in input order), so workers finish together.
    static func largestFirst(_ inputs: [InputSource]) -> [Int] {
        let sizes = inputs.map { input -> Int in
            switch input.origin {
            case .standardInput(let data): return data.count
            case .file(let url):
                return (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            }
        }
        return inputs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    /// The dictionary directory to use: the one configured, or IPAdic where the system installs it.
    static func dictionaryDirectory(_ configured: String?) throws(PipelineError) -> String {
        if let configured { return configured }
        guard let found = DictionaryLocator.defaultIPAdic() else {
            throw .dictionary(
                .dictionaryUnavailable(
                    path: DictionaryLocator.ipadicCandidates[0],
                    reason: "IPAdic (UTF-8) is not installed: run scripts/setup.sh, or install mecab-ipadic-utf8, "
                        + "or pass --dictionary DIR"))
        }
        return found
    }

    /// The configuration as it was applied, with the dictionary resolved.
    func resolved(dictionary: String) -> PipelineConfiguration {
        var resolved = configuration
        resolved.dictionary = dictionary
        return resolved
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
