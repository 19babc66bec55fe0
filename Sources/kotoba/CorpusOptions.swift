// Over 400 lines: the option groups of every command (corpus, themes, terms, workers, counting,
// reports), kept in one file while their help texts move to the configuration's table (issue 15);
// the groups can then take a file each.
import Analysis
import ArgumentParser
import Corpus
import Foundation
import TextPreparation
import Multivariate
import Pipeline
import Reporting

/// Where the inputs are, how they are read and prepared, and the dictionary they are tokenized
/// with: every command that reads inputs (`run`, `count`, `tokenize`, `kwic`, `dump-config`).
/// Every option left out keeps the configuration file's value. The other groups say which
/// commands take them; a command does not offer an option that would not change what it does.
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

    @Option(name: .customLong("root"), help: .setting(\.inputRoot, valueName: "dir"))
    var root: String?

    @Flag(help: .setting(\.linesInput))
    var lines = false

    @Option(help: .setting(\.dictionary, valueName: "ipadic|unidic|juman|dir"))
    var dictionary: String?

    @Option(help: .setting(\.encoding, valueName: "name"))
    var encoding: String?

    @Option(help: .setting(\.textColumn, valueName: "name"))
    var textColumn: String?

    @Option(help: .setting(\.metadata, valueName: "file"))
    var metadata: String?

    @Option(name: .customLong("normalization-off"), help: .setting(\.disabledNormalizationRules, valueName: "rule"))
    var disabledRules: [NormalizationRule] = []

    @Option(name: .customLong("user-dictionary"), help: .setting(\.userDictionaries, valueName: "file"))
    var userDictionaries: [String] = []

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError(
                "unknown encoding '\(encoding)': use one of utf-8, utf-8-bom, utf-16le, utf-16be, shift_jis, cp932, euc-jp")
        }
        if paths.filter({ $0 == "-" }).count + [filesFrom, files0From].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input can be read only once: as a document or as one file list")
        }
    }

    /// The configuration file's configuration (or the defaults), then these options; and whether
    /// inputs were named at all (here or in a configuration file), which decides whether the
    /// bundled theme file is read (`ThemeOptions`).
    func configuration() throws(PipelineError) -> (configuration: PipelineConfiguration, inputsNamed: Bool) {
        var (configuration, file) = try ConfigurationFile.effective(path: configurationFile)
        let lists = [filesFrom.map { FileList(path: $0, separator: .newline) }, files0From.map { FileList(path: $0, separator: .nul) }]
            .compactMap { $0 }
        if !paths.isEmpty || !lists.isEmpty {
            configuration.inputs = paths
            configuration.fileLists = lists
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
        if !userDictionaries.isEmpty { configuration.userDictionaries = userDictionaries }
        return (configuration, !paths.isEmpty || !lists.isEmpty || file != nil)
    }
}

/// The theme file: for the commands that look for themes (`run`, `count`, `kwic`,
/// `dump-config`), not `tokenize`, which shows text only.
struct ThemeOptions: ParsableArguments {
    @Option(help: .setting(\.themes, valueName: "file"))
    var themes: String?

    /// Sets the theme file given over `configuration`; with none given and no inputs named, the
    /// bundled one if it is there.
    func apply(to configuration: inout PipelineConfiguration, inputsNamed: Bool) {
        if let themes {
            configuration.themes = themes
        } else if !inputsNamed && FileManager.default.fileExists(atPath: PipelineConfiguration.defaultThemes) {
            configuration.themes = PipelineConfiguration.defaultThemes
        }
    }
}

/// Which tokens count as terms, and as which: for the commands that count (`run`, `count`,
/// `dump-config`).
struct TermOptions: ParsableArguments {
    @Option(help: .setting(\.vocabulary, valueName: "file"))
    var vocabulary: String?

    @Option(help: .setting(\.posPreset, valueName: "preset"))
    var posPreset: TermSelection.Preset?

    @Option(help: .setting(\.stopwords, valueName: "item"))
    var stopwords: [String] = []

    @Flag(help: .setting(\.compounds))
    var compounds = false

    /// Sets what was given over `configuration`.
    func apply(to configuration: inout PipelineConfiguration) {
        if let vocabulary { configuration.vocabulary = vocabulary }
        if let posPreset { configuration.posPreset = posPreset }
        if !stopwords.isEmpty { configuration.stopwords = stopwords }
        if compounds { configuration.compounds = true }
    }
}

/// How the counting is done: workers, the cache, and bad inputs (`run`, `count`, `dump-config`);
/// `tokenize` and `kwic` read one document after another and stop at the first problem.
struct WorkerOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: .setting(\.jobs, valueName: "n"))
    var jobs: Int?

    @Option(help: .setting(\.cache, valueName: "dir"))
    var cache: String?

    @Flag(help: "Neither read nor write the cache.")
    var noCache = false

    @Flag(help: .setting(\.keepGoing))
    var keepGoing = false

    func validate() throws {
        try checkRange("--jobs", jobs)
        if noCache && cache != nil { throw ValidationError("'--cache' and '--no-cache' cannot be combined") }
    }

    /// Sets what was given over `configuration`.
    func apply(to configuration: inout PipelineConfiguration) {
        if let jobs { configuration.jobs = jobs }
        if let cache { configuration.cache = cache }
        if noCache { configuration.cache = nil }
        if keepGoing { configuration.keepGoing = true }
    }
}

/// Everything the commands that analyze and count the inputs take (`run`, `count`,
/// `dump-config`), applied in one order over the configuration file.
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var themes: ThemeOptions
    @OptionGroup var terms: TermOptions
    @OptionGroup var workers: WorkerOptions
    @OptionGroup var counting: CountingOptions

    /// The effective configuration: the configuration file's (or the defaults), then these options.
    func configuration() throws(PipelineError) -> PipelineConfiguration {
        var (configuration, inputsNamed) = try corpus.configuration()
        themes.apply(to: &configuration, inputsNamed: inputsNamed)
        terms.apply(to: &configuration)
        workers.apply(to: &configuration)
        try counting.apply(to: &configuration)
        return configuration
    }
}

extension NormalizationRule: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
extension TermSelection.Preset: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
extension CooccurrenceUnit: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }

/// What is counted beyond terms: the groups, the co-occurrence unit, the words looked for. Shared
/// by `run`, `count` and `dump-config` (not by `tokenize` and `kwic`, which count nothing; `kwic`
/// has `--word` and `--context` for the words looked for and their context).
struct CountingOptions: ParsableArguments {
    @Option(help: .setting(\.groupBy, valueName: "name"))
    var groupBy: String?

    @Option(help: .setting(\.unit, valueName: "unit"))
    var unit: CooccurrenceUnit?

    @Option(help: .setting(\.window, valueName: "n"))
    var window: Int?

    @Option(help: .setting(\.kwic, valueName: "word"))
    var kwic: [String] = []

    @Option(help: .setting(\.kwicContext, valueName: "n"))
    var kwicContext: Int?

    func validate() throws {
        try checkRange("--window", window)
        try checkRange("--kwic-context", kwicContext)
    }

    /// Sets what was given over `configuration`.
    /// - Throws: a usage error for `--window` when the unit (given, or the configuration
    ///   file's) is not `window`: it would change nothing.
    func apply(to configuration: inout PipelineConfiguration) throws(PipelineError) {
        if let groupBy { configuration.groupBy = groupBy }
        if let unit { configuration.unit = unit }
        if let window {
            guard configuration.unit == .window else {
                throw .configuration("'--window' only applies with '--unit window' (the unit is \(configuration.unit.rawValue))")
            }
            configuration.window = window
        }
        if !kwic.isEmpty { configuration.kwic = kwic }
        if let kwicContext { configuration.kwicContext = kwicContext }
    }
}

/// Options that shape the reports, not the counts: shared by `run` and `merge`.
struct ReportOptions: ParsableArguments {
    @Option(help: .setting(\.minimumPairCount, valueName: "n"))
    var minPairCount: Int?

    @Option(help: .setting(\.minTermCount, valueName: "n"))
    var minTf: Int?

    @Option(help: .setting(\.maxTermCount, valueName: "n"))
    var maxTf: Int?

    @Option(help: .setting(\.minDocumentCount, valueName: "n"))
    var minDf: Int?

    @Option(help: .setting(\.maxDocumentCount, valueName: "n"))
    var maxDf: Int?

    @Option(help: .setting(\.groupTop, valueName: "n"))
    var groupTop: Int?

    @Option(help: .setting(\.measure, valueName: "measure"))
    var measure: AssociationMeasure?

    @Option(help: .setting(\.networkEdges, valueName: "n"))
    var networkEdges: Int?

    @Option(help: .setting(\.csvDialect, valueName: "dialect"))
    var csvDialect: CSVFormat.Dialect?

    @Option(help: .setting(\.csvEncoding, valueName: "encoding"))
    var csvEncoding: PipelineConfiguration.ReportEncoding?

    @Flag(help: .setting(\.csvReplaceUnencodable))
    var csvReplaceUnencodable = false

    @Option(help: .setting(\.headerLanguage, valueName: "lang"))
    var headerLang: CSVFormat.HeaderLanguage?

    @Option(
        help: ArgumentHelp(
            "With json, also write every table as JSON (an array of objects keyed by the English column names; a theme's forms an array) and data_dictionary.json; CSV is always written.",
            valueName: "format"))
    var format: [ReportFormat] = []

    @Option(help: .setting(\.caTerms, valueName: "n"))
    var caTerms: Int?

    @Option(help: .setting(\.caDimensions, valueName: "n"))
    var caDims: Int?

    @Option(help: .setting(\.clusterTerms, valueName: "n"))
    var clusterTerms: Int?

    @Option(help: .setting(\.clusterDistance, valueName: "distance"))
    var clusterDistance: PresenceDistance?

    @Option(help: .setting(\.clusterMethod, valueName: "method"))
    var clusterMethod: HierarchicalClustering.Method?

    @Option(help: .setting(\.clusters, valueName: "k"))
    var clusters: Int?

    enum ReportFormat: String, OptionValues {
        case csv
        case json

        static let argumentValues = ArgumentValues(of: Self.self)
    }

    func validate() throws {
        try checkRange("--min-pair-count", minPairCount)
        try checkRange("--group-top", groupTop)
        try checkRange("--network-edges", networkEdges)
        for (option, value) in [("--min-tf", minTf), ("--max-tf", maxTf), ("--min-df", minDf), ("--max-df", maxDf)] {
            try checkRange(option, value)
        }
        try checkRange("--ca-terms", caTerms)
        try checkRange("--ca-dims", caDims)
        try checkRange("--cluster-terms", clusterTerms)
        try checkRange("--clusters", clusters)
        if let clusters, let clusterTerms, clusters > clusterTerms {
            throw ValidationError("'--clusters' (\(clusters)) cannot be more than '--cluster-terms' (\(clusterTerms))")
        }
    }

    /// `configuration` with these options over it.
    /// - Parameter groupingKnown: whether `configuration.groupBy` is the grouping of the reports
    ///   (`run`, `dump-config`), not one that comes later (`merge` takes it from the partials).
    /// - Throws: a usage error for an option that would change nothing: `--csv-replace-unencodable`
    ///   when the CSV encoding (given, or the configuration file's) is not CP932, and
    ///   `--group-top` when no grouping is set (given, or the configuration file's).
    func apply(to configuration: inout PipelineConfiguration, groupingKnown: Bool = true) throws(PipelineError) {
        assign(to: &configuration)
        if csvReplaceUnencodable, configuration.csvEncoding != .cp932 {
            throw .configuration("'--csv-replace-unencodable' only applies with '--csv-encoding cp932'")
        }
        if groupingKnown, groupTop != nil, configuration.groupBy == nil {
            throw .configuration("'--group-top' only applies with '--group-by' (group_terms.csv is written for groups)")
        }
    }

    /// Sets what was given over `configuration`, unchecked.
    func assign(to configuration: inout PipelineConfiguration) {
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

extension PresenceDistance: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
extension HierarchicalClustering.Method: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }

extension CSVFormat.Dialect: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
extension AssociationMeasure: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
extension CSVFormat.HeaderLanguage: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
extension PipelineConfiguration.ReportEncoding: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }

/// Refuses a number given to `option` below the least its key takes in the configuration table
/// (`PipelineConfiguration.settings`), so that the command line and `kotoba.yml` keep one range.
func checkRange(_ option: String, _ value: Int?, shownAs: String? = nil) throws {
    if let value, let problem = PipelineConfiguration.rangeProblem(option: option, value: value, shownAs: shownAs) {
        throw ValidationError(problem)
    }
}
