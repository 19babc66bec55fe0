import Analysis
import Corpus
import Foundation
import TextPreparation
import Tokenization

/// The setup every command shares: from the configuration, the dictionary and user dictionaries,
/// the normalizer, the themes and words looked for, the vocabulary, the reader and the metadata.
/// `run`, `count`, `tokenize`, `kwic` and `themes check` all build them here, so that a setting
/// of `kotoba.yml` or of the command line means the same to every command; `merge` takes what
/// decides an analysis from its partials instead.
extension Pipeline {
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

    /// Sets a command up from the configuration; `openingCache` opens the analysis cache (the
    /// commands that count), which the commands that only show text leave closed.
    func setUp(openingCache: Bool = true) throws(PipelineError) -> Setup {
        let directory = try Self.dictionaryDirectory(configuration.dictionary)
        let dictionary: DictionaryIdentity
        do {
            try MeCabModel.checkDirectory(directory)
            // The dictionary's digests are remembered in the cache and in the user's cache home,
            // so that a run with a fresh cache folder does not hash it again (never with --no-cache).
            let cache = configuration.cache.map { URL(fileURLWithPath: $0) }
            dictionary = try DictionaryIdentity(
                directory: directory, memo: cache,
                sharedMemo: cache == nil ? nil : URL(fileURLWithPath: AnalysisCache.defaultDirectory()))
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
        let cache = configuration.cache.flatMap { openingCache ? $0 : nil }.map {
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

    /// The themes of the theme file at `path`, read as every command reads it, with the
    /// configuration's normalizer (`kotoba themes check`): each theme's name, what it is made of
    /// (`terms`, `rule`, `terms+words` …) and how many atoms it has.
    public func checkThemes(at path: String) throws(PipelineError) -> [(name: String, kind: String, atoms: Int)] {
        try ThemeFile.load(path: path, normalizer: configuration.normalizer).map { ($0.name, $0.kind, $0.atomCount) }
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
                // Compiled beside its place and renamed into it (`AtomicFile`), so that a run
                // never loads a dictionary another run is still writing.
                let temporary = AtomicFile.temporaryPath(for: compiled)
                do {
                    try MeCabModel.compileUserDictionary(csv: path, dictionaryDirectory: directory, output: temporary)
                } catch {
                    AtomicFile.discard(temporary)
                    throw .dictionary(error)
                }
                do throws(AtomicFile.Failure) {
                    try AtomicFile.commit(temporary, to: compiled)
                } catch {
                    throw .writeFailed(path: error.path, reason: error.reason)
                }
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
}
