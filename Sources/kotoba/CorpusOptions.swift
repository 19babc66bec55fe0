import Analysis
import ArgumentParser
import Corpus
import Foundation
import Normalization
import Pipeline
import Reporting

/// Where the inputs are and how they are read and prepared, shared by `run`, `count`, `tokenize`, `kwic`
/// and `dump-config`. Every option left out keeps the configuration file's value.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Files and directories ('-' for standard input). Default: corpus/, or the configuration's inputs.")
    var paths: [String] = []

    @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file (default: ./kotoba.yml if there is one).", valueName: "file"))
    var configurationFile: String?

    @Option(help: ArgumentHelp("Read file names from this file, one a line ('-' for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(
        name: .customLong("files0-from"),
        help: ArgumentHelp("Read NUL-separated file names from this file ('-' for standard input), as find -print0 writes them.", valueName: "file"))
    var files0From: String?

    @Flag(help: "Standard input holds one document a line, 'id<TAB>text' (filter mode, for Spark and Hadoop Streaming).")
    var lines = false

    @Option(help: ArgumentHelp("MeCab dictionary directory (default: IPAdic UTF-8 where the system installs it).", valueName: "dir"))
    var dictionary: String?

    @Option(
        help: ArgumentHelp(
            "Encoding of every input: utf-8, utf-16le, utf-16be, shift_jis (cp932), euc-jp (default: detected per file).",
            valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("The column of CSV and TSV inputs that holds the text.", valueName: "name"))
    var textColumn: String?

    @Option(
        help: ArgumentHelp(
            "A CSV or TSV table of document variables: first column the file name, then one column per variable.",
            valueName: "file"))
    var metadata: String?

    @Option(
        name: .customLong("normalization-off"),
        help: ArgumentHelp(
            "Switch a normalization rule off (repeatable): \(NormalizationRule.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "rule"))
    var disabledRules: [NormalizationRule] = []

    @Option(help: ArgumentHelp("Theme file: YAML, or KH Coder coding rules (.cod). Default: corpus/themes.yml when no inputs are given, else none.", valueName: "file"))
    var themes: String?

    @Option(name: .customLong("user-dictionary"), help: ArgumentHelp("A MeCab user dictionary: a compiled .dic, or a CSV of entries compiled at run time (repeatable).", valueName: "file"))
    var userDictionaries: [String] = []

    @Option(help: ArgumentHelp("Vocabulary file (YAML): preset, force-pick, synonyms, stopwords, compounds.", valueName: "file"))
    var vocabulary: String?

    @Option(help: ArgumentHelp("Which parts of speech count: \(TermSelection.Preset.allCases.map(\.rawValue).joined(separator: ", ")) (default: khcoder).", valueName: "preset"))
    var posPreset: TermSelection.Preset?

    @Option(help: ArgumentHelp("Stopwords (repeatable): 'default' for kotoba's list, a word, or a .txt list.", valueName: "item"))
    var stopwords: [String] = []

    @Flag(help: "Count noun compounds (TermExtract's rules) as single terms.")
    var compounds = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Worker threads (default: one per core). The results do not depend on it.", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Cache directory (default: $XDG_CACHE_HOME/kotoba or ~/.cache/kotoba).", valueName: "dir"))
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
        let file = configurationFile ?? (FileManager.default.fileExists(atPath: ConfigurationFile.defaultName) ? ConfigurationFile.defaultName : nil)
        var configuration =
            try file.map { path throws(PipelineError) in try ConfigurationFile.load(path: path) }
            ?? PipelineConfiguration(
                jobs: ProcessInfo.processInfo.activeProcessorCount, cache: PipelineConfiguration.defaultCacheDirectory)
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
    @Option(help: ArgumentHelp("Compare groups in group_terms.csv: speaker, folder, or a document variable.", valueName: "name"))
    var groupBy: String?

    @Option(help: ArgumentHelp("Count co-occurrence per sentence (default), paragraph, turn, section, document, or window (pairs of occurrences at most --window tokens apart).", valueName: "unit"))
    var unit: CooccurrenceUnit?

    @Option(help: ArgumentHelp("With --unit window: how many tokens apart terms may be and co-occur (default: 5).", valueName: "n"))
    var window: Int?

    @Option(help: ArgumentHelp("A word to look for (repeatable): its occurrences go to kwic.csv with the themes', its L5–R5 collocates to collocations.csv.", valueName: "word"))
    var kwic: [String] = []

    @Option(help: ArgumentHelp("Characters of original text on each side of a kwic.csv line (default: 20).", valueName: "n"))
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
    @Option(help: ArgumentHelp("Leave out of cooccurrence.csv the pairs found together in fewer units (default: 2).", valueName: "n"))
    var minPairCount: Int?

    @Option(help: ArgumentHelp("List only terms occurring at least this often.", valueName: "n"))
    var minTf: Int?

    @Option(help: ArgumentHelp("List only terms occurring at most this often.", valueName: "n"))
    var maxTf: Int?

    @Option(help: ArgumentHelp("List only terms in at least this many documents.", valueName: "n"))
    var minDf: Int?

    @Option(help: ArgumentHelp("List only terms in at most this many documents.", valueName: "n"))
    var maxDf: Int?

    @Option(help: ArgumentHelp("Characteristic terms listed per group in group_terms.csv (default: 30).", valueName: "n"))
    var groupTop: Int?

    @Option(help: ArgumentHelp("Rank pairs and choose network edges by this measure (default: jaccard).", valueName: "measure"))
    var measure: AssociationMeasure?

    @Option(help: ArgumentHelp("Edges drawn in the co-occurrence network, ties at the cut kept (default: 60, as KH Coder).", valueName: "n"))
    var networkEdges: Int?

    @Option(help: ArgumentHelp("CSV dialect: excel (BOM, CRLF, formula guard; default) or unix (no BOM, LF).", valueName: "dialect"))
    var csvDialect: CSVFormat.Dialect?

    @Option(help: ArgumentHelp("Encoding of the CSV reports: utf-8 (default) or cp932 for old Excel.", valueName: "encoding"))
    var csvEncoding: PipelineConfiguration.ReportEncoding?

    @Flag(help: "With --csv-encoding cp932, write '?' for characters CP932 cannot hold instead of failing.")
    var csvReplaceUnencodable = false

    @Option(help: ArgumentHelp("Language of the CSV header rows: en (default) or ja (KH Coder's wording).", valueName: "lang"))
    var headerLang: CSVFormat.HeaderLanguage?

    @Option(help: ArgumentHelp("Also write every table as JSON: --format json (CSV is always written).", valueName: "format"))
    var format: [ReportFormat] = []

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
    }
}

extension CSVFormat.Dialect: ExpressibleByArgument {}
extension AssociationMeasure: ExpressibleByArgument {}
extension CSVFormat.HeaderLanguage: ExpressibleByArgument {}
extension PipelineConfiguration.ReportEncoding: ExpressibleByArgument {}
