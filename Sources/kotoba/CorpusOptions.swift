import Analysis
import ArgumentParser
import Corpus
import Foundation
import TextPreparation
import Multivariate
import Pipeline
import Reporting

/// Where the inputs are and how they are read and prepared, shared by `run`, `count`, `tokenize`, `kwic`
/// and `dump-config`. Every option left out keeps the configuration file's value.
struct CorpusOptions: ParsableArguments {
    @Argument(
        help: """
            Files and directories (directories recursively: .txt, .text, .md, .markdown, .csv, .tsv; hidden files \
            skipped, other files listed in the manifest as ignored); '-' reads standard input. Default: corpus/, or \
            the configuration's inputs.
            """)
    var paths: [String] = []

    @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file (default: ./kotoba.yml if there is one).", valueName: "file"))
    var configurationFile: String?

    @Option(help: ArgumentHelp("Read input names from this file, one a line ('-' for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(
        name: .customLong("files0-from"),
        help: ArgumentHelp(
            "Read NUL-separated input names from this file ('-' for standard input), as find -print0 writes them.",
            valueName: "file"))
    var files0From: String?

    @Option(
        name: .customLong("root"),
        help: ArgumentHelp(
            """
            The folder the reports' paths are relative to (default: the directory given, or the deepest folder \
            holding every input given); an input outside it is refused. Give the same to every task that counts \
            part of a file list.
            """,
            valueName: "dir"))
    var root: String?

    @Flag(
        help: """
            Standard input holds one document a line: a JSON object {"id", "text", other fields as variables}, or \
            id<TAB>text with \\n, \\t and \\\\ for a line break, a TAB and a backslash (filter mode, for Spark and Hadoop \
            Streaming).
            """)
    var lines = false

    @Option(
        help: ArgumentHelp(
            """
            MeCab dictionary: ipadic (default), unidic or juman where the system installs it (juman is installed by \
            the setup; unidic needs unidic-mecab, about 1 GB), or a dictionary directory; the feature layout is told \
            by its dicrc.
            """,
            valueName: "ipadic|unidic|juman|dir"))
    var dictionary: String?

    @Option(
        help: ArgumentHelp(
            "Read every input in this encoding: utf-8, utf-16le, utf-16be, shift_jis (cp932), euc-jp (default: detected per file).",
            valueName: "name"))
    var encoding: String?

    @Option(
        help: ArgumentHelp(
            "The column of .csv/.tsv inputs that holds the text; every other column becomes a document variable.",
            valueName: "name"))
    var textColumn: String?

    @Option(
        help: ArgumentHelp(
            "A CSV/TSV table whose first column names files and whose other columns are variables for their documents.",
            valueName: "file"))
    var metadata: String?

    @Option(
        name: .customLong("normalization-off"),
        help: ArgumentHelp(
            "Switch a normalization rule off (repeatable).",
            valueName: "rule"))
    var disabledRules: [NormalizationRule] = []

    @Option(help: ArgumentHelp("Theme file: YAML, or KH Coder coding rules (.cod). Default: corpus/themes.yml when no inputs are given, else none.", valueName: "file"))
    var themes: String?

    @Option(
        name: .customLong("user-dictionary"),
        help: ArgumentHelp(
            "A MeCab user dictionary: a compiled .dic, or a CSV of entries compiled at run time with MeCab's indexer (cached); repeatable.",
            valueName: "file"))
    var userDictionaries: [String] = []

    @Option(
        help: ArgumentHelp(
            "A vocabulary file (YAML): preset, include and exclude, term form, force-pick, synonyms, stopwords, compounds.",
            valueName: "file"))
    var vocabulary: String?

    @Option(help: ArgumentHelp("Which parts of speech count (default: khcoder, KH Coder's default selection).", valueName: "preset"))
    var posPreset: TermSelection.Preset?

    @Option(help: ArgumentHelp("Stopwords (repeatable): default (kotoba's list), a word, or a .txt list.", valueName: "item"))
    var stopwords: [String] = []

    @Flag(help: "Count noun compounds (TermExtract's rules) as single terms.")
    var compounds = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            """
            Worker threads (default: one per core): they take inputs largest first, and a table's rows (or standard \
            input's lines) in chunks of about 32 KB, so one big survey CSV keeps every core busy; the reports do not \
            depend on it.
            """,
            valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Where the incremental cache is (default: $XDG_CACHE_HOME/kotoba or ~/.cache/kotoba).", valueName: "dir"))
    var cache: String?

    @Flag(help: "Neither read nor write the cache.")
    var noCache = false

    @Flag(help: "Publish the good inputs when some are bad, list the bad in errors.jsonl, and exit 3.")
    var keepGoing = false

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError(
                "unknown encoding '\(encoding)': use one of utf-8, utf-8-bom, utf-16le, utf-16be, shift_jis, cp932, euc-jp")
        }
        if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be at least 1") }
        if paths.filter({ $0 == "-" }).count + [filesFrom, files0From].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input can be read only once: as a document or as one file list")
        }
        if noCache && cache != nil { throw ValidationError("'--cache' and '--no-cache' cannot be combined") }
    }

    /// The effective configuration: the configuration file's (or the defaults), then these options.
    func configuration() throws(PipelineError) -> PipelineConfiguration {
        var (configuration, file) = try ConfigurationFile.effective(path: configurationFile)
        let lists = [filesFrom.map { FileList(path: $0, separator: .newline) }, files0From.map { FileList(path: $0, separator: .nul) }]
            .compactMap { $0 }
        if !paths.isEmpty || !lists.isEmpty {
            configuration.inputs = paths
            configuration.fileLists = lists
        }
        let givenInputs = !paths.isEmpty || !lists.isEmpty || file != nil
        if let themes {
            configuration.themes = themes
        } else if !givenInputs && FileManager.default.fileExists(atPath: PipelineConfiguration.defaultThemes) {
            configuration.themes = PipelineConfiguration.defaultThemes
        }
        if lines { configuration.linesInput = true }
        if let root { configuration.inputRoot = root }
        if let dictionary { configuration.dictionary = dictionary }
        if let encoding { configuration.encoding = TextEncoding(name: encoding) }
        if let textColumn { configuration.textColumn = textColumn }
        if let metadata { configuration.metadata = metadata }
        if !disabledRules.isEmpty {
            configuration.disabledNormalizationRules = Array(Set(disabledRules + configuration.disabledNormalizationRules)).sorted()
        }
        if let jobs { configuration.jobs = jobs }
        if let cache { configuration.cache = cache }
        if noCache { configuration.cache = nil }
        if keepGoing { configuration.keepGoing = true }
        if !userDictionaries.isEmpty { configuration.userDictionaries = userDictionaries }
        if let vocabulary { configuration.vocabulary = vocabulary }
        if let posPreset { configuration.posPreset = posPreset }
        if !stopwords.isEmpty { configuration.stopwords = stopwords }
        if compounds { configuration.compounds = true }
        return configuration
    }
}

extension NormalizationRule: ExpressibleByArgument {}
extension TermSelection.Preset: ExpressibleByArgument {}
extension CooccurrenceUnit: ExpressibleByArgument {}

/// What is counted beyond terms: the groups, the co-occurrence unit, the words looked for. Shared
/// by `run`, `count` and `dump-config` (not by `tokenize` and `kwic`, which count nothing).
struct CountingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write group_terms.csv and theme_by_group.csv for the groups of speaker, folder or a document variable; text with none is the group (none).",
            valueName: "name"))
    var groupBy: String?

    @Option(
        help: ArgumentHelp(
            """
            The unit co-occurrence is counted in, as KH Coder's 集計単位 (default: sentence): turn is a speaker's \
            turn, section the text between headings, and window every run of --window + 1 tokens, so that terms at \
            most --window tokens apart co-occur.
            """,
            valueName: "unit"))
    var unit: CooccurrenceUnit?

    @Option(help: ArgumentHelp("With --unit window: terms at most this many tokens apart co-occur (default: 5).", valueName: "n"))
    var window: Int?

    @Option(
        help: ArgumentHelp(
            """
            A word or phrase to look for (repeatable): its every occurrence goes to kwic.csv beside the themes', its \
            L5–R5 collocates to collocations.csv; a word found nowhere is named in a warning.
            """,
            valueName: "word"))
    var kwic: [String] = []

    @Option(help: ArgumentHelp("Characters of original text on each side of a kwic.csv match (default: 20).", valueName: "n"))
    var kwicContext: Int?

    func validate() throws {
        if let window, window < 1 { throw ValidationError("'--window' must be at least 1") }
        if let kwicContext, kwicContext < 0 { throw ValidationError("'--kwic-context' cannot be negative") }
    }

    /// Sets what was given over `configuration`.
    func apply(to configuration: inout PipelineConfiguration) {
        if let groupBy { configuration.groupBy = groupBy }
        if let unit { configuration.unit = unit }
        if let window { configuration.window = window }
        if !kwic.isEmpty { configuration.kwic = kwic }
        if let kwicContext { configuration.kwicContext = kwicContext }
    }
}

/// Options that shape the reports, not the counts: shared by `run` and `merge`.
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Leave out of cooccurrence.csv (and the network) the pairs found together in fewer units (default: 2).",
            valueName: "n"))
    var minPairCount: Int?

    @Option(help: ArgumentHelp("List only terms occurring at least this often, in every term report.", valueName: "n"))
    var minTf: Int?

    @Option(help: ArgumentHelp("List only terms occurring at most this often, in every term report.", valueName: "n"))
    var maxTf: Int?

    @Option(help: ArgumentHelp("List only terms in at least this many documents, in every term report.", valueName: "n"))
    var minDf: Int?

    @Option(help: ArgumentHelp("List only terms in at most this many documents, in every term report.", valueName: "n"))
    var maxDf: Int?

    @Option(help: ArgumentHelp("Characteristic terms listed per group in group_terms.csv (default: 30).", valueName: "n"))
    var groupTop: Int?

    @Option(
        help: ArgumentHelp(
            "Rank cooccurrence.csv and theme_terms.csv, and choose the network's edges, by this measure (default: jaccard).",
            valueName: "measure"))
    var measure: AssociationMeasure?

    @Option(
        help: ArgumentHelp(
            """
            Edges drawn in the co-occurrence network: the n strongest by --measure, and those tied with the last, as \
            KH Coder draws them (default: 60).
            """,
            valueName: "n"))
    var networkEdges: Int?

    @Option(
        help: ArgumentHelp(
            "CSV dialect (default: excel): excel writes a byte-order mark, CRLF and the formula guard; unix none of them.",
            valueName: "dialect"))
    var csvDialect: CSVFormat.Dialect?

    @Option(
        help: ArgumentHelp(
            """
            Encoding of the CSV reports (default: utf-8); cp932 for old Excel: a character CP932 lacks (𠮷, emoji) \
            stops the run naming the file, line and column, unless --csv-replace-unencodable.
            """,
            valueName: "encoding"))
    var csvEncoding: PipelineConfiguration.ReportEncoding?

    @Flag(help: "With --csv-encoding cp932, write '?' for characters CP932 cannot hold instead of failing.")
    var csvReplaceUnencodable = false

    @Option(
        help: ArgumentHelp(
            "Language of the CSV header rows (default: en); ja is KH Coder's wording (抽出語, 品詞, 出現回数, 文書数 …).",
            valueName: "lang"))
    var headerLang: CSVFormat.HeaderLanguage?

    @Option(
        help: ArgumentHelp(
            "With json, also write every table as JSON (an array of objects keyed by the English column names; a theme's forms an array) and data_dictionary.json; CSV is always written.",
            valueName: "format"))
    var format: [ReportFormat] = []

    @Option(
        help: ArgumentHelp(
            "Terms in the correspondence analysis (correspondence.csv): the most distinctive by χ² against the groups (default: 60).",
            valueName: "n"))
    var caTerms: Int?

    @Option(
        help: ArgumentHelp("Axes of the correspondence analysis written in correspondence.csv (default: 2).", valueName: "n"))
    var caDims: Int?

    @Option(
        help: ArgumentHelp(
            "The most frequent terms clustered (clusters.csv) and scaled (mds.csv) (default: 60).", valueName: "n"))
    var clusterTerms: Int?

    @Option(
        help: ArgumentHelp(
            "Distance between clustered terms, from their presence per --unit (default: jaccard, as KH Coder).",
            valueName: "distance"))
    var clusterDistance: PresenceDistance?

    @Option(help: ArgumentHelp("Hierarchical clustering method, as R's hclust (default: ward.D2).", valueName: "method"))
    var clusterMethod: HierarchicalClustering.Method?

    @Option(
        help: ArgumentHelp(
            "Clusters the tree is cut into in clusters.csv (default: the square root of the terms, rounded, as KH Coder).",
            valueName: "k"))
    var clusters: Int?

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    func validate() throws {
        if csvReplaceUnencodable, csvEncoding != .cp932 {
            throw ValidationError("'--csv-replace-unencodable' only applies with '--csv-encoding cp932'")
        }
        if let minPairCount, minPairCount < 1 { throw ValidationError("'--min-pair-count' must be at least 1") }
        if let groupTop, groupTop < 1 { throw ValidationError("'--group-top' must be at least 1") }
        if let networkEdges, networkEdges < 1 { throw ValidationError("'--network-edges' must be at least 1") }
        for (name, value) in [("--min-tf", minTf), ("--max-tf", maxTf), ("--min-df", minDf), ("--max-df", maxDf)] {
            if let value, value < 0 { throw ValidationError("'\(name)' cannot be negative") }
        }
        if let caTerms, caTerms < 2 { throw ValidationError("'--ca-terms' must be at least 2") }
        if let caDims, caDims < 1 { throw ValidationError("'--ca-dims' must be at least 1") }
        if let clusterTerms, clusterTerms < 2 { throw ValidationError("'--cluster-terms' must be at least 2") }
        if let clusters, clusters < 1 { throw ValidationError("'--clusters' must be at least 1") }
        if let clusters, let clusterTerms, clusters > clusterTerms {
            throw ValidationError("'--clusters' (\(clusters)) cannot be more than '--cluster-terms' (\(clusterTerms))")
        }
    }

    /// `configuration` with these options over it.
    func apply(to configuration: inout PipelineConfiguration) {
        if let minPairCount { configuration.minimumPairCount = minPairCount }
        if let minTf { configuration.minTermCount = minTf }
        if let maxTf { configuration.maxTermCount = maxTf }
        if let minDf { configuration.minDocumentCount = minDf }
        if let maxDf { configuration.maxDocumentCount = maxDf }
        if let groupTop { configuration.groupTop = groupTop }
        if let networkEdges { configuration.networkEdges = networkEdges }
        if let measure { configuration.measure = measure }
        if let csvDialect { configuration.csvDialect = csvDialect }
        if let csvEncoding { configuration.csvEncoding = csvEncoding }
        if csvReplaceUnencodable { configuration.csvReplaceUnencodable = true }
        if let headerLang { configuration.headerLanguage = headerLang }
        if format.contains(.json) { configuration.json = true }
        if let caTerms { configuration.caTerms = caTerms }
        if let caDims { configuration.caDimensions = caDims }
        if let clusterTerms { configuration.clusterTerms = clusterTerms }
        if let clusterDistance { configuration.clusterDistance = clusterDistance }
        if let clusterMethod { configuration.clusterMethod = clusterMethod }
        if let clusters { configuration.clusters = clusters }
    }
}

extension PresenceDistance: ExpressibleByArgument {}
extension HierarchicalClustering.Method: ExpressibleByArgument {}

extension CSVFormat.Dialect: ExpressibleByArgument {}
extension AssociationMeasure: ExpressibleByArgument {}
extension CSVFormat.HeaderLanguage: ExpressibleByArgument {}
extension PipelineConfiguration.ReportEncoding: ExpressibleByArgument {}
