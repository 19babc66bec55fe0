import ArgumentParser
import Foundation
import Logging
import TextPreparation
import Pipeline

extension Kotoba {
    /// `kotoba themes`: work with theme files.
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "themes",
            abstract: "Work with theme files (YAML, or KH Coder coding rules).",
            subcommands: [Check.self])
    }
}

extension Kotoba.Themes {
    /// `kotoba themes check FILE`: reads a theme file as a run would, and reports every error.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a theme file: print every error, or one line per theme.",
            discussion: """
                The file is read as a run reads it: its forms normalized with the rules of \
                kotoba.yml (or --config) and --normalization-off. \
                A coding-rule file (.cod, .txt, or a file whose first line starts with '＊' or '*') \
                has each error printed on standard error as FILE:LINE:COL: reason; a YAML file's \
                problems as FILE: reason. Exits with 65 if the file has errors, 66 if it cannot be \
                read. On success, prints one line per theme on standard output: its name, its kind \
                (terms, words, globs, rule, or a combination) and its number of atoms, separated by tabs.
                """)

        @Argument(help: ArgumentHelp("The theme file.", valueName: "file"))
        var file: String

        @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file (default: ./kotoba.yml if there is one).", valueName: "file"))
        var configurationFile: String?

        @Option(
            name: .customLong("normalization-off"),
            help: ArgumentHelp(
                "Switch a normalization rule off (repeatable).",
                valueName: "rule"))
        var disabledRules: [NormalizationRule] = []

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                printProblem("\(file): \(FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file")")
                throw ExitCode(ExitStatus.noInput)
            }
            // The configuration a run starts from, then the options: its normalization rules
            // decide how the forms are read.
            var (configuration, _) = try ExitStatus.run { () throws(PipelineError) in
                try ConfigurationFile.effective(path: configurationFile)
            }
            configuration.disabledNormalizationRules = Array(Set(disabledRules + configuration.disabledNormalizationRules)).sorted()
            let themes: [(name: String, kind: String, atoms: Int)]
            do throws(PipelineError) {
                themes = try Pipeline(configuration: configuration, logger: Logger(label: "kotoba")).checkThemes(at: file)
            } catch {
                for message in error.messages { printProblem(message) }
                throw ExitCode(ExitStatus.dataError)
            }
            var output = ""
            for theme in themes { output += "\(theme.name)\t\(theme.kind)\t\(theme.atoms)\n" }
            FileHandle.standardOutput.write(Data(output.utf8))
        }

        /// A problem with the file, on standard error, as compilers print them (no `kotoba:` prefix,
        /// so editors can jump to FILE:LINE:COL).
        private func printProblem(_ message: String) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }
}
