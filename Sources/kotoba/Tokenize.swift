import ArgumentParser
import Foundation
import Pipeline

extension Kotoba {
    /// `kotoba tokenize`: prints what MeCab makes of the normalized text.
    struct Tokenize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the tokens of documents in MeCab's format, or the normalized sentences.",
            discussion: """
                The text goes through the same reading, line joining, speaker splitting, \
                normalization and sentence splitting as in 'kotoba run'. Output goes to standard output.
                """)

        @Argument(help: "Files and directories ('-' for standard input).")
        var paths: [String] = ["-"]

        @Option(
            help: ArgumentHelp(
                "MeCab dictionary directory (default: IPAdic UTF-8 where the system installs it).", valueName: "dir"))
        var dictionary: String?

        @Option(help: "What to print: \(TokenDump.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: TokenDump.Format = .mecab

        @OptionGroup var logging: LoggingOptions

        func run() throws {
            _ = logging.bootstrap()
            do {
                try TokenDump.run(inputs: paths, dictionary: dictionary, format: format) { text in
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            } catch {
                throw ExitStatus.report(error)
            }
        }
    }
}

extension TokenDump.Format: ExpressibleByArgument {}
