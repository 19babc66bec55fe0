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

    public var version: Int
    /// Files and directories to read; `-` is standard input.
    public var inputs: [String]
    /// Lists of files to read (`--files-from`, `--files0-from`).
    public var fileLists: [FileList]
    /// The folder the reports' paths are relative to (`--root`); `nil`: the deepest folder
    /// holding every input given (`ReportPaths`).
    public var inputRoot: String?
    /// The output directory.
    public var output: String
    /// Worker threads; the output does not depend on it.
    public var jobs: Int
    /// The MeCab dictionary directory; `nil` means IPAdic found where the system installs it.
    public var dictionary: String?
    /// The theme file (YAML), or `nil` for none.
    public var themes: String?
    /// Pairs found together in fewer sentences are left out of `cooccurrence.csv`.
    public var minimumPairCount: Int
    /// The encoding of every input, or `nil` to detect each one's.
    public var encoding: TextEncoding?
    /// The column of CSV and TSV inputs that holds the text.
    public var textColumn: String?
    /// A metadata table (CSV or TSV) of document variables keyed by file name.
    public var metadata: String?
    /// Normalization rules switched off.
    public var disabledNormalizationRules: [NormalizationRule]
    /// Publish the good inputs when some are bad (listing the bad in `errors.jsonl`).
    public var keepGoing: Bool
    /// The incremental cache's directory, or `nil` for no cache.
    public var cache: String?
    /// Standard input holds one document a line, `id<TAB>text` (filter mode).
    public var linesInput: Bool
    /// User dictionaries: compiled `.dic` files, or CSVs of entries compiled at run time.
    public var userDictionaries: [String]
    /// A vocabulary file (`VocabularyFile`): presets, force-pick, synonyms, stopwords.
    public var vocabulary: String?
    /// The part-of-speech preset, over the vocabulary file's.
    public var posPreset: TermSelection.Preset?
    /// Stopword items besides the vocabulary file's: `default`, words, or `.txt` lists.
    public var stopwords: [String]
    /// Count noun compounds as single terms.
    public var compounds: Bool
    /// What `group_terms.csv` compares: `speaker`, `folder`, or a document variable.
    public var groupBy: String?
    /// Characteristic terms listed per group.
    public var groupTop: Int
    /// The unit co-occurrence is counted in.
    public var unit: CooccurrenceUnit
    /// With the window unit: how many tokens apart two terms may be and co-occur.
    public var window: Int
    /// Words looked for: their every occurrence goes to `kwic.csv` (with the themes'), and their
    /// collocates to `collocations.csv`.
    public var kwic: [String]
    /// Characters of original text on each side of a concordance line's match.
    public var kwicContext: Int
    /// Pairs are counted among this many most frequent terms, which bounds the pair table to
    /// n(n − 1)/2 entries per worker (2,000: at most 1,999,000).
    public var pairTerms: Int
    /// A worker's pair table may hold this many pairs before the run counts pairs again, in a
    /// second pass, among the `pairTerms` most frequent terms only; `nil`: n(n − 1)/2 for those.
    public var pairTableLimit: Int?
    /// Terms outside these bounds (occurrences, documents) are left out of every term report.
    public var minTermCount: Int?
    public var maxTermCount: Int?
    public var minDocumentCount: Int?
    public var maxDocumentCount: Int?
    /// CSV dialect (`excel`, `unix`), encoding (`utf-8`, `cp932`), whether CP932 may replace what
    /// it cannot hold with `?`, and the header language (`en`, `ja`).
    public var csvDialect: CSVFormat.Dialect
    public var csvEncoding: ReportEncoding
    public var csvReplaceUnencodable: Bool
    public var headerLanguage: CSVFormat.HeaderLanguage
    /// Also write every table as JSON.
    public var json: Bool
    /// Edges drawn in the co-occurrence network (KH Coder's default, 60).
    public var networkEdges: Int
    /// The measure pairs are ranked and network edges chosen by.
    public var measure: AssociationMeasure
    /// The multivariate maps (docs/MULTIVARIATE.md): terms and axes of the correspondence
    /// analysis; terms, distance, method and clusters (`nil`: ⌊√terms + ½⌋) of the clustering,
    /// whose terms MDS places too.
    public var caTerms = 60
    public var caDimensions = 2
    public var clusterTerms = 60
    public var clusterDistance = PresenceDistance.jaccard
    public var clusterMethod = HierarchicalClustering.Method.wardD2
    public var clusters: Int?

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

    public init(
        inputs: [String] = [defaultCorpus], output: String = defaultOutput, jobs: Int = 1,
        dictionary: String? = nil, themes: String? = nil, minimumPairCount: Int = 2, encoding: TextEncoding? = nil,
        textColumn: String? = nil, metadata: String? = nil, disabledNormalizationRules: [NormalizationRule] = [],
        fileLists: [FileList] = [], inputRoot: String? = nil, keepGoing: Bool = false, cache: String? = nil,
        linesInput: Bool = false,
        userDictionaries: [String] = [], vocabulary: String? = nil, posPreset: TermSelection.Preset? = nil,
        stopwords: [String] = [], compounds: Bool = false, groupBy: String? = nil, groupTop: Int = 30,
        unit: CooccurrenceUnit = .sentence, window: Int = 5, kwic: [String] = [], kwicContext: Int = 20,
        pairTerms: Int = 2000, pairTableLimit: Int? = nil,
        minTermCount: Int? = nil, maxTermCount: Int? = nil, minDocumentCount: Int? = nil, maxDocumentCount: Int? = nil,
        csvDialect: CSVFormat.Dialect = .excel, csvEncoding: ReportEncoding = .utf8, csvReplaceUnencodable: Bool = false,
        headerLanguage: CSVFormat.HeaderLanguage = .en, json: Bool = false, networkEdges: Int = 60,
        measure: AssociationMeasure = .jaccard
    ) {
        version = Self.currentVersion
        self.inputs = inputs
        self.fileLists = fileLists
        self.inputRoot = inputRoot
        self.output = output
        self.jobs = jobs
        self.dictionary = dictionary
        self.themes = themes
        self.minimumPairCount = minimumPairCount
        self.encoding = encoding
        self.textColumn = textColumn
        self.metadata = metadata
        self.disabledNormalizationRules = Array(Set(disabledNormalizationRules)).sorted()
        self.keepGoing = keepGoing
        self.cache = cache
        self.linesInput = linesInput
        self.userDictionaries = userDictionaries
        self.vocabulary = vocabulary
        self.posPreset = posPreset
        self.stopwords = stopwords
        self.compounds = compounds
        self.groupBy = groupBy
        self.groupTop = groupTop
        self.unit = unit
        self.window = window
        self.kwic = kwic
        self.kwicContext = kwicContext
        self.pairTerms = pairTerms
        self.pairTableLimit = pairTableLimit
        self.minTermCount = minTermCount
        self.maxTermCount = maxTermCount
        self.minDocumentCount = minDocumentCount
        self.maxDocumentCount = maxDocumentCount
        self.csvDialect = csvDialect
        self.csvEncoding = csvEncoding
        self.csvReplaceUnencodable = csvReplaceUnencodable
        self.headerLanguage = headerLanguage
        self.json = json
        self.networkEdges = networkEdges
        self.measure = measure
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, inputs, output, jobs, dictionary, themes, encoding, metadata, cache
        case fileLists = "file_lists"
        case inputRoot = "root"
        case minimumPairCount = "min_pair_count"
        case textColumn = "text_column"
        case disabledNormalizationRules = "normalization_off"
        case keepGoing = "keep_going"
        case linesInput = "lines_input"
        case userDictionaries = "user_dictionaries"
        case vocabulary, stopwords, compounds
        case posPreset = "pos_preset"
        case groupBy = "group_by"
        case groupTop = "group_top"
        case unit, window, kwic
        case kwicContext = "kwic_context"
        case pairTerms = "pair_terms"
        case pairTableLimit = "pair_table_limit"
        case minTermCount = "min_tf"
        case maxTermCount = "max_tf"
        case minDocumentCount = "min_df"
        case maxDocumentCount = "max_df"
        case csvDialect = "csv_dialect"
        case csvEncoding = "csv_encoding"
        case csvReplaceUnencodable = "csv_replace_unencodable"
        case headerLanguage = "header_lang"
        case json
        case networkEdges = "network_edges"
        case measure
        case caTerms = "ca_terms"
        case caDimensions = "ca_dims"
        case clusterTerms = "cluster_terms"
        case clusterDistance = "cluster_distance"
        case clusterMethod = "cluster_method"
        case clusters
    }

    /// Every key is optional; a missing one keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineConfiguration()
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? Self.currentVersion
        guard version <= Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container,
                debugDescription: "version \(version) is not supported (highest: \(Self.currentVersion))")
        }
        inputs = try container.decodeIfPresent([String].self, forKey: .inputs) ?? defaults.inputs
        fileLists = try container.decodeIfPresent([FileList].self, forKey: .fileLists) ?? []
        inputRoot = try container.decodeIfPresent(String.self, forKey: .inputRoot)
        output = try container.decodeIfPresent(String.self, forKey: .output) ?? defaults.output
        jobs = try container.decodeIfPresent(Int.self, forKey: .jobs) ?? ProcessInfo.processInfo.activeProcessorCount
        dictionary = try container.decodeIfPresent(String.self, forKey: .dictionary)
        themes = try container.decodeIfPresent(String.self, forKey: .themes)
        minimumPairCount = try container.decodeIfPresent(Int.self, forKey: .minimumPairCount) ?? defaults.minimumPairCount
        if let name = try container.decodeIfPresent(String.self, forKey: .encoding) {
            guard let encoding = TextEncoding(name: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .encoding, in: container, debugDescription: "unknown encoding '\(name)'")
            }
            self.encoding = encoding
        }
        textColumn = try container.decodeIfPresent(String.self, forKey: .textColumn)
        metadata = try container.decodeIfPresent(String.self, forKey: .metadata)
        disabledNormalizationRules =
            try container.decodeIfPresent([NormalizationRule].self, forKey: .disabledNormalizationRules) ?? []
        keepGoing = try container.decodeIfPresent(Bool.self, forKey: .keepGoing) ?? false
        // A missing key keeps the cache on, in its default place; `cache: null` turns it off.
        cache =
            container.contains(.cache)
            ? try container.decodeIfPresent(String.self, forKey: .cache) : Self.defaultCacheDirectory
        linesInput = try container.decodeIfPresent(Bool.self, forKey: .linesInput) ?? false
        userDictionaries = try container.decodeIfPresent([String].self, forKey: .userDictionaries) ?? []
        vocabulary = try container.decodeIfPresent(String.self, forKey: .vocabulary)
        posPreset = try Self.decodeChoice(TermSelection.Preset.self, from: container, forKey: .posPreset)
        stopwords = try container.decodeIfPresent([String].self, forKey: .stopwords) ?? []
        compounds = try container.decodeIfPresent(Bool.self, forKey: .compounds) ?? false
        groupBy = try container.decodeIfPresent(String.self, forKey: .groupBy)
        groupTop = try container.decodeIfPresent(Int.self, forKey: .groupTop) ?? defaults.groupTop
        unit = try Self.decodeChoice(CooccurrenceUnit.self, from: container, forKey: .unit) ?? .sentence
        window = try container.decodeIfPresent(Int.self, forKey: .window) ?? defaults.window
        kwic = try container.decodeIfPresent([String].self, forKey: .kwic) ?? []
        kwicContext = try container.decodeIfPresent(Int.self, forKey: .kwicContext) ?? defaults.kwicContext
        pairTerms = try container.decodeIfPresent(Int.self, forKey: .pairTerms) ?? defaults.pairTerms
        pairTableLimit = try container.decodeIfPresent(Int.self, forKey: .pairTableLimit)
        minTermCount = try container.decodeIfPresent(Int.self, forKey: .minTermCount)
        maxTermCount = try container.decodeIfPresent(Int.self, forKey: .maxTermCount)
        minDocumentCount = try container.decodeIfPresent(Int.self, forKey: .minDocumentCount)
        maxDocumentCount = try container.decodeIfPresent(Int.self, forKey: .maxDocumentCount)
        csvDialect = try Self.decodeChoice(CSVFormat.Dialect.self, from: container, forKey: .csvDialect) ?? .excel
        csvEncoding = try Self.decodeChoice(ReportEncoding.self, from: container, forKey: .csvEncoding) ?? .utf8
        csvReplaceUnencodable = try container.decodeIfPresent(Bool.self, forKey: .csvReplaceUnencodable) ?? false
        headerLanguage = try Self.decodeChoice(CSVFormat.HeaderLanguage.self, from: container, forKey: .headerLanguage) ?? .en
        json = try container.decodeIfPresent(Bool.self, forKey: .json) ?? false
        networkEdges = try container.decodeIfPresent(Int.self, forKey: .networkEdges) ?? defaults.networkEdges
        measure = try Self.decodeChoice(AssociationMeasure.self, from: container, forKey: .measure) ?? .jaccard
        caTerms = try container.decodeIfPresent(Int.self, forKey: .caTerms) ?? defaults.caTerms
        caDimensions = try container.decodeIfPresent(Int.self, forKey: .caDimensions) ?? defaults.caDimensions
        clusterTerms = try container.decodeIfPresent(Int.self, forKey: .clusterTerms) ?? defaults.clusterTerms
        clusterDistance =
            try Self.decodeChoice(PresenceDistance.self, from: container, forKey: .clusterDistance) ?? defaults.clusterDistance
        clusterMethod =
            try Self.decodeChoice(HierarchicalClustering.Method.self, from: container, forKey: .clusterMethod)
            ?? defaults.clusterMethod
        clusters = try container.decodeIfPresent(Int.self, forKey: .clusters)
    }

    /// A value of a fixed set of names, refused with the names it may take (Swift's own message
    /// only says that the value is invalid).
    static func decodeChoice<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, from container: KeyedDecodingContainer<CodingKeys>, forKey key: CodingKeys
    ) throws -> Choice? where Choice.RawValue == String {
        guard let name = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let choice = Choice(rawValue: name) else {
            let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "'\(name)' is not one of \(names)")
        }
        return choice
    }

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

    /// Checks the numbers: each within its range. A configuration file is checked with this as
    /// it is read, so that its own mistakes are reported as its own (`ConfigurationFile`).
    func validateValues() throws(PipelineError) {
        guard jobs >= 1 else { throw .configuration("jobs must be at least 1 (got \(jobs))") }
        guard minimumPairCount >= 1 else {
            throw .configuration("the minimum pair count must be at least 1 (got \(minimumPairCount))")
        }
        guard networkEdges >= 1 else { throw .configuration("network_edges must be at least 1 (got \(networkEdges))") }
        guard groupTop >= 1 else { throw .configuration("group_top must be at least 1 (got \(groupTop))") }
        guard pairTerms >= 2 else { throw .configuration("pair_terms must be at least 2 (got \(pairTerms))") }
        if let pairTableLimit, pairTableLimit < 0 {
            throw .configuration("pair_table_limit cannot be negative (got \(pairTableLimit))")
        }
        guard window >= 1 else { throw .configuration("window must be at least 1 (got \(window))") }
        guard caTerms >= 2 else { throw .configuration("ca_terms must be at least 2 (got \(caTerms))") }
        guard caDimensions >= 1 else { throw .configuration("ca_dims must be at least 1 (got \(caDimensions))") }
        guard clusterTerms >= 2 else { throw .configuration("cluster_terms must be at least 2 (got \(clusterTerms))") }
        if let clusters {
            guard clusters >= 1 else { throw .configuration("clusters must be at least 1 (got \(clusters))") }
            guard clusters <= clusterTerms else {
                throw .configuration("clusters (\(clusters)) cannot be more than the terms clustered (cluster_terms \(clusterTerms))")
            }
        }
        guard kwicContext >= 0 else { throw .configuration("kwic_context cannot be negative (got \(kwicContext))") }
        for (name, value) in [("min_tf", minTermCount), ("max_tf", maxTermCount), ("min_df", minDocumentCount), ("max_df", maxDocumentCount)] {
            if let value, value < 0 { throw .configuration("\(name) cannot be negative (got \(value))") }
        }
    }
}

extension PipelineConfiguration {
    /// The pairs a worker's table may hold before the run takes a second pass.
    var effectivePairTableLimit: Int { pairTableLimit ?? pairTerms * (pairTerms - 1) / 2 }
}
