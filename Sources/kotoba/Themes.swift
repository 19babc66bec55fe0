import Analysis
import ArgumentParser
import Foundation
import TextPreparation
import Pipeline

extension Kotoba {
    /// `kotoba themes`: work with theme files.
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with theme files (YAML, or KH Coder coding rules).",
            subcommands: [Check.self])
    }
}

extension Kotoba.Themes {
    /// `kotoba themes check FILE`: reads a theme file as a run would, and reports every error.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a theme file: print every error, or one line per theme.",
            discussion: """
                A coding-rule file (.cod, .txt, or a file whose first line starts with '＊' or '*') \
                has each error printed on standard error as FILE:LINE:COL: reason; a YAML file's \
                problems as FILE: reason. Exits with 65 if the file has errors, 66 if it cannot be \
                read. On success, prints one line per theme on standard output: its name, its kind \
                (terms, words, globs, rule, or a combination) and its number of atoms, separated by tabs.
                """)

        @Argument(help: ArgumentHelp("The theme file.", valueName: "file"))
        var file: String

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                printProblem("\(file): \(FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file")")
                throw ExitCode(ExitStatus.noInput)
            }
            let themes: [Analysis.Theme]
            do throws(PipelineError) {
                themes = try ThemeFile.load(path: file, normalizer: TextNormalizer())
            } catch {
                for message in error.messages { printProblem(message) }
                throw ExitCode(ExitStatus.dataError)
            }
            var output = ""
            for theme in themes { output += "\(theme.name)\t\(theme.kind)\t\(theme.atomCount)\n" }
            FileHandle.standardOutput.write(Data(output.utf8))
        }

        /// A problem with the file, on standard error, as compilers print them (no `kotoba:` prefix,
        /// so editors can jump to FILE:LINE:COL).
        private func printProblem(_ message: String) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }
}
