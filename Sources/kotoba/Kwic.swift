import ArgumentParser
import Foundation
import Pipeline
import Reporting

extension Kotoba {
    /// `kotoba kwic`: the themes' and words' occurrences in context, as CSV on standard output.
    struct Kwic: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every occurrence of the themes and of given words in context (KWIC), as CSV.",
            discussion: """
                Occurrences are found as 'kotoba run' counts theme occurrences: in the normalized \
                text, at token boundaries, under the case fold; each row shows the original text. \
                Columns: path, record, paragraph, sentence, speaker, match (theme or word), left, \
                keyword, right, start, end (character offsets in the original document). The CSV \
                goes to standard output, without a byte-order mark.
                """)

        @OptionGroup var corpus: CorpusOptions

        @Option(name: .customLong("word"), help: ArgumentHelp("A word or phrase to find (repeatable).", valueName: "word"))
        var words: [String] = []

        @Option(help: ArgumentHelp("Characters of context on each side (default: 20).", valueName: "n"))
        var context = 20

        @Option(help: ArgumentHelp("CSV dialect: excel (CRLF, formula guard; default) or unix (LF).", valueName: "dialect"))
        var csvDialect: CSVFormat.Dialect = .excel

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if context < 0 { throw ValidationError("'--context' cannot be negative") }
        }

        func run() throws {
            let logger = logging.bootstrap()
            let data = try ExitStatus.run { () throws(PipelineError) -> Data in
                let table = try Concordance.table(configuration: try corpus.configuration(), words: words, context: context)
                // As `kotoba run --kwic` does: an empty result for a word would otherwise pass unnoticed.
                for word in Concordance.wordsNotFound(words, in: table) {
                    logger.warning("a --word was never found: no line for it", metadata: ["word": "\(word)"])
                }
                do throws(ReportError) {
                    return try table.render(CSVFormat(dialect: csvDialect), file: "-", toStandardOutput: true)
                } catch {
                    throw .output(error)
                }
            }
            FileHandle.standardOutput.write(data)
        }
    }
}
