import Corpus
import Normalization

/// Everything that decides a run's output. Recorded, resolved, in the manifest.
public struct PipelineConfiguration: Sendable, Codable, Equatable {
    /// Files and directories to read; `-` is standard input.
    public var inputs: [String]
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

    /// The bundled corpus and theme file, read when `kotoba run` is given no paths.
    public static let defaultCorpus = "corpus"
    public static let defaultThemes = "corpus/themes.yml"
    public static let defaultOutput = "output"

    public init(
        inputs: [String] = [defaultCorpus], output: String = defaultOutput, jobs: Int,
        dictionary: String? = nil, themes: String? = nil, minimumPairCount: Int = 2, encoding: TextEncoding? = nil,
        textColumn: String? = nil, metadata: String? = nil, disabledNormalizationRules: [NormalizationRule] = []
    ) {
        self.inputs = inputs
        self.output = output
        self.jobs = jobs
        self.dictionary = dictionary
        self.themes = themes
        self.minimumPairCount = minimumPairCount
        self.encoding = encoding
        self.textColumn = textColumn
        self.metadata = metadata
        self.disabledNormalizationRules = Array(Set(disabledNormalizationRules)).sorted()
    }

    /// The normalizer these settings ask for.
    public var normalizer: TextNormalizer {
        TextNormalizer(rules: Set(NormalizationRule.allCases).subtracting(disabledNormalizationRules))
    }

    /// Checks values that no run could use.
    public func validate() throws(PipelineError) {
        guard !inputs.isEmpty else { throw .configuration("no inputs: give files, directories or '-'") }
        guard jobs >= 1 else { throw .configuration("jobs must be at least 1 (got \(jobs))") }
        guard minimumPairCount >= 1 else {
            throw .configuration("the minimum pair count must be at least 1 (got \(minimumPairCount))")
        }
        guard !output.isEmpty, output != "-" else {
            throw .configuration("the output must be a directory (got '\(output)')")
        }
    }
}
