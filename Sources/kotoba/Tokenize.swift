import ArgumentParser
import Foundation
import Pipeline

extension Kotoba {
    /// `kotoba tokenize`: prints what MeCab makes of the normalized text.
    struct Tokenize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokenize",
            abstract: "Print the tokens of documents in MeCab's format, or the normalized sentences.",
            discussion: """
                The text goes through the same reading, layout repair, structure, normalization and \
                sentence splitting as in 'kotoba run', with the same dictionary, user dictionaries \
                and --metadata, from kotoba.yml (or --config), then the options. Output goes to standard output. Formats: \
                mecab (MeCab's own output), sentences (what MeCab is given), offsets (tab-separated, \
                under a header line: path, record, paragraph, sentence, surface, start, end, \
                original; each token's span in its document's original text), structure (JSON Lines, one paragraph each, with its \
                section, speaker and turn, and its document's variables).
                """)

        @OptionGroup var corpus: CorpusOptions

        @Option(help: "What to print: \(TokenDump.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: TokenDump.Format = .mecab

        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.bootstrap()
            try ExitStatus.run { () throws(PipelineError) in
                let (configuration, _) = try corpus.configuration()
                try Pipeline(configuration: configuration, logger: logger).tokenize(format: format) { text in
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
        }
    }
}

extension TokenDump.Format: OptionValues { static let argumentValues = ArgumentValues(of: Self.self) }
