import ArgumentParser
import Foundation
import Pipeline
import Reporting

extension Kotoba {
    /// `kotoba kwic`: the themes' and words' occurrences in context, as CSV on standard output.
    struct Kwic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kwic",
            abstract: "Print every occurrence of the themes and of given words in context (KWIC), as CSV.",
            discussion: """
                Occurrences are found as 'kotoba run' counts theme occurrences: in the normalized \
                text, at token boundaries, under the case fold, with the same dictionary, user \
                dictionaries and --metadata variables (which coding rules may test); each row shows \
                the original text. Settings come from kotoba.yml (or --config), then from the \
                options: --word and --context stand for its kwic and kwic_context, and its CSV \
                settings apply. Columns: path, record, paragraph, sentence, speaker, match (theme \
                or word), left, keyword, right, start, end (character offsets in the original \
                document). The CSV goes to standard output, without a byte-order mark.
                """)

        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var themes: ThemeOptions

        @Option(name: .customLong("word"), help: ArgumentHelp("A word or phrase to find (repeatable).", valueName: "word"))
        var words: [String] = []

        @Option(help: ArgumentHelp("Characters of context on each side (default: 20).", valueName: "n"))
        var context: Int?

        @Option(help: ArgumentHelp("CSV dialect: excel (CRLF, formula guard; default) or unix (LF).", valueName: "dialect"))
        var csvDialect: CSVFormat.Dialect?

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try checkRange("--kwic-context", context, shownAs: "--context")
        }

        func run() throws {
            let logger = logging.bootstrap()
            let data = try ExitStatus.run { () throws(PipelineError) -> Data in
                var (configuration, inputsNamed) = try corpus.configuration()
                themes.apply(to: &configuration, inputsNamed: inputsNamed)
                if !words.isEmpty { configuration.kwic = words }
                if let context { configuration.kwicContext = context }
                if let csvDialect { configuration.csvDialect = csvDialect }
                let concordance = try Pipeline(configuration: configuration, logger: logger).concordance()
                // As `kotoba run --kwic` does: an empty result for a word would otherwise pass unnoticed.
                for word in concordance.wordsNotFound {
                    logger.warning("a --word was never found: no line for it", metadata: ["word": "\(word)"])
                }
                return concordance.csv
            }
            FileHandle.standardOutput.write(data)
        }
    }
}
