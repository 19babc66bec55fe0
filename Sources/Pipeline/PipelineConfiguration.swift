import Analysis
import Corpus
import Foundation
import Multivariate
import Reporting
import TextPreparation

/// Everything that decides a run's output: read from `kotoba.yml` (every key optional), then
/// overridden by the command line; recorded, resolved, with its hash in the manifest.
///
/// ```yaml
/// version: 1
/// inputs: [corpus]
/// output: output
/// themes: corpus/themes.yml
/// min_pair_count: 2
/// unit: window                 # sentence (default), paragraph, turn, section, document, window
/// window: 5
/// kwic: [補助金, 支援]           # kwic.csv lines and collocations.csv
/// pair_terms: 2000             # pairs are counted among the 2,000 most frequent terms
/// encoding: shift_jis
/// normalization_off: [casefold-keys]
/// keep_going: false
/// cache: /var/cache/kotoba      # or null for none
/// ```
public struct PipelineConfiguration: Sendable, Codable, Equatable {
    /// The highest configuration version this build reads.
    public static let currentVersion = 1

    // Each property's key in `kotoba.yml`, its range and its help are in `settings`
    // (PipelineConfiguration+Settings.swift); the values here are the defaults.

    public var version = currentVersion
    /// Files and directories to read; `-` is standard input.
    public var inputs = [defaultCorpus]
    /// The output directory.
    public var output = defaultOutput
    /// Worker threads; the output does not depend on it. A file or the command line that does not
    /// say gets one per core (`settings`).
    public var jobs = 1
    /// The MeCab dictionary directory; `nil` means IPAdic found where the system installs it.
    public var dictionary: String?
    /// The theme file (YAML), or `nil` for none.
    public var themes: String?
    /// The encoding of every input, or `nil` to detect each one's.
    public var encoding: TextEncoding?
    /// A metadata table (CSV or TSV) of document variables keyed by file name.
    public var metadata: String?
    /// The incremental cache's directory, or `nil` for no cache. A file or the command line that
    /// does not say gets `defaultCacheDirectory` (`settings`).
    public var cache: String?
    /// Lists of files to read (`--files-from`, `--files0-from`).
    public var fileLists: [FileList] = []
    /// The folder the reports' paths are relative to (`--root`); `nil`: the deepest folder
    /// holding every input given (`ReportPaths`).
    public var inputRoot: String?
    /// Pairs found together in fewer units are left out of `cooccurrence.csv`.
    public var minimumPairCount = 2
    /// The column of CSV and TSV inputs that holds the text.
    public var textColumn: String?
    /// Normalization rules switched off.
    public var disabledNormalizationRules: [NormalizationRule] = []
    /// Publish the good inputs when some are bad (listing the bad in `errors.jsonl`).
    public var keepGoing = false
    /// Standard input holds one document a line, `id<TAB>text` (filter mode).
    public var linesInput = false
    /// User dictionaries: compiled `.dic` files, or CSVs of entries compiled at run time.
    public var userDictionaries: [String] = []
    /// A vocabulary file (`VocabularyFile`): presets, force-pick, synonyms, stopwords.
    public var vocabulary: String?
    /// Stopword items besides the vocabulary file's: `default`, words, or `.txt` lists.
    public var stopwords: [String] = []
    /// Count noun compounds as single terms.
    public var compounds = false
    /// The part-of-speech preset, over the vocabulary file's.
    public var posPreset: TermSelection.Preset?
    /// What `group_terms.csv` compares: `speaker`, `folder`, or a document variable.
    public var groupBy: String?
    /// Characteristic terms listed per group.
    public var groupTop = 30
    /// The unit co-occurrence is counted in.
    public var unit = CooccurrenceUnit.sentence
    /// With the window unit: how many tokens apart two terms may be and co-occur.
    public var window = 5
    /// Words looked for: their every occurrence goes to `kwic.csv` (with the themes'), and their
    /// collocates to `collocations.csv`.
    public var kwic: [String] = []
    /// Characters of original text on each side of a concordance line's match.
    public var kwicContext = 20
    /// Pairs are counted among this many most frequent terms, which bounds the pair table to
    /// n(n − 1)/2 entries per worker (2,000: at most 1,999,000).
    public var pairTerms = 2000
    /// A worker may hold this many pairs before the run counts pairs again, in a second pass,
    /// among the `pairTerms` most frequent terms only; `nil`: n(n − 1)/2 for those. A run keeps
    /// its units' terms until it knows those terms (`CorpusCounts.deferPairs`), 16 bytes of them
    /// to a pair's room (`CorpusCounts.pairRoom`).
    public var pairTableLimit: Int?
    /// Terms outside these bounds (occurrences, documents) are left out of every term report.
    public var minTermCount: Int?
    public var maxTermCount: Int?
    public var minDocumentCount: Int?
    public var maxDocumentCount: Int?
    /// CSV dialect (`excel`, `unix`), encoding (`utf-8`, `cp932`), whether CP932 may replace what
    /// it cannot hold with `?`, and the header language (`en`, `ja`).
    public var csvDialect = CSVFormat.Dialect.excel
    public var csvEncoding = ReportEncoding.utf8
    public var csvReplaceUnencodable = false
    public var headerLanguage = CSVFormat.HeaderLanguage.en
    /// Also write every table as JSON.
    public var json = false
    /// Edges drawn in the co-occurrence network (KH Coder's default, 60).
    public var networkEdges = 60
    /// The measure pairs are ranked and network edges chosen by.
    public var measure = AssociationMeasure.jaccard
    /// The multivariate maps (docs/MULTIVARIATE.md): terms and axes of the correspondence
    /// analysis; terms, distance, method and clusters (`nil`: ⌊√terms + ½⌋) of the clustering,
    /// whose terms MDS places too.
    public var caTerms = 60
    public var caDimensions = 2
    public var clusterTerms = 60
    public var clusterDistance = PresenceDistance.jaccard
    public var clusterMethod = HierarchicalClustering.Method.wardD2
    public var clusters: Int?

    /// Every setting at its default: one job, no cache (what a library caller or a test starts
    /// from; a run of the command line starts from `fileDefaults`).
    public init() {}

    /// The defaults, with the settings callers and tests set most often.
    public init(
        inputs: [String] = [defaultCorpus], output: String = defaultOutput, jobs: Int = 1, dictionary: String? = nil,
        themes: String? = nil, minimumPairCount: Int = 2, textColumn: String? = nil, metadata: String? = nil,
        cache: String? = nil, posPreset: TermSelection.Preset? = nil
    ) {
        self.inputs = inputs
        self.output = output
        self.jobs = jobs
        self.dictionary = dictionary
        self.themes = themes
        self.minimumPairCount = minimumPairCount
        self.textColumn = textColumn
        self.metadata = metadata
        self.cache = cache
        self.posPreset = posPreset
    }

    /// What a configuration file without a key, or a command line without a file, starts from:
    /// each absent key's value (a job per core, the user's cache).
    public static var fileDefaults: PipelineConfiguration {
        var configuration = PipelineConfiguration()
        for setting in settings { setting.setAbsent(&configuration) }
        return configuration
    }

    /// Every key is optional; a missing one keeps its default (`fileDefaults`). The keys, and how
    /// each is read, are `settings`'; `ConfigurationFile` refuses any other key before this.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        for setting in Self.settings { try setting.decode(container, &self) }
    }

    /// Every key, in the order of `settings`. A `nil` value is left out (the manifest's JSON, the
    /// configuration's hash), or written as `null` when the encoder's `userInfo` asks for
    /// `writesNulls` (`kotoba dump-config`, so that every key shows).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        let nulls = encoder.userInfo[Self.writesNulls] as? Bool == true
        for setting in Self.settings { try setting.encode(self, &container, nulls) }
    }

    /// The `userInfo` key that has `encode(to:)` write `nil` values as `null`.
    public static let writesNulls = CodingUserInfoKey(rawValue: "kotoba.writesNulls")!

    /// The maps' settings, for the reports.
    public var mapOptions: MapOptions {
        MapOptions(
            correspondenceTerms: caTerms, correspondenceDimensions: caDimensions, clusterTerms: clusterTerms,
            distance: clusterDistance, method: clusterMethod, clusters: clusters)
    }

    /// The bytes report CSV files are written in.
    public enum ReportEncoding: String, Sendable, Codable, CaseIterable {
        case utf8 = "utf-8"
        case cp932
    }

    /// The CSV format these settings ask for.
    public var csvFormat: CSVFormat {
        CSVFormat(
            dialect: csvDialect,
            encoding: csvEncoding == .cp932 ? .cp932(substitute: csvReplaceUnencodable) : .utf8,
            headerLanguage: headerLanguage)
    }

    /// The bundled corpus and theme file, read when `kotoba run` is given no paths.
    public static let defaultCorpus = "corpus"
    public static let defaultThemes = "corpus/themes.yml"
    public static let defaultOutput = "output"

    /// Where the cache goes unless told otherwise: `$XDG_CACHE_HOME/kotoba` or `~/.cache/kotoba`.
    public static var defaultCacheDirectory: String { AnalysisCache.defaultDirectory() }

    /// The normalizer these settings ask for.
    public var normalizer: TextNormalizer {
        TextNormalizer(rules: Set(NormalizationRule.allCases).subtracting(disabledNormalizationRules))
    }

    /// SHA-256 of the configuration as canonical JSON.
    public var sha256: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ContentHash.sha256((try? encoder.encode(self)) ?? Data())
    }

    /// Checks values that no run could use.
    public func validate() throws(PipelineError) {
        guard !inputs.isEmpty || !fileLists.isEmpty else {
            throw .configuration("no inputs: give files, directories, '-' or a file list")
        }
        guard !output.isEmpty, output != "-" else {
            throw .configuration("the output must be a directory (got '\(output)')")
        }
        try validateValues()
        let stdinUsers = inputs.filter { $0 == "-" }.count + fileLists.filter { $0.path == "-" }.count
        guard stdinUsers <= 1 else {
            throw .configuration("standard input can be read only once: as a document or as one file list")
        }
    }

    /// Checks the numbers: each within its range (`settings`), and the clusters no more than the
    /// terms clustered. A configuration file is checked with this as it is read, so that its own
    /// mistakes are reported as its own (`ConfigurationFile`).
    func validateValues() throws(PipelineError) {
        for setting in Self.settings {
            if let problem = setting.problem(self) { throw .configuration(problem) }
        }
        if let clusters, clusters > clusterTerms {
            throw .configuration("clusters (\(clusters)) cannot be more than the terms clustered (cluster_terms \(clusterTerms))")
        }
    }
}

extension PipelineConfiguration {
    /// The pairs a worker's table may hold before the run takes a second pass.
    var effectivePairTableLimit: Int { pairTableLimit ?? pairTerms * (pairTerms - 1) / 2 }
}
