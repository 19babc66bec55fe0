import ArgumentParser
import Corpus
import Normalization
import Pipeline

/// How inputs are read and prepared, shared by `run` and `tokenize`.
struct CorpusOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "MeCab dictionary directory (default: IPAdic UTF-8 where the system installs it).", valueName: "dir"))
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

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError(
                "unknown encoding '\(encoding)': use one of utf-8, utf-8-bom, utf-16le, utf-16be, shift_jis, cp932, euc-jp")
        }
    }

    /// A configuration with these options and `inputs`; the run-only settings take their defaults.
    func configuration(inputs: [String], jobs: Int = 1) -> PipelineConfiguration {
        PipelineConfiguration(
            inputs: inputs, jobs: jobs, dictionary: dictionary, encoding: encoding.flatMap(TextEncoding.init(name:)),
            textColumn: textColumn, metadata: metadata, disabledNormalizationRules: disabledRules)
    }
}

extension NormalizationRule: ExpressibleByArgument {}
