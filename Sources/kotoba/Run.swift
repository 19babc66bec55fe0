import ArgumentParser
import Foundation
import Logging
import Pipeline

extension Kotoba {
    /// `kotoba run`: the main job.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyze a corpus and write the reports.",
            discussion: """
                Writes documents.csv, term_frequency.csv, cooccurrence.csv, themes.csv, \
                document_themes.csv, speakers.csv and manifest.json into the output directory, all \
                at once: a run that fails leaves the previous output as it was.

                Exit codes: 0 success; 64 usage; 65 an input is not valid text (undecodable, binary, \
                or a malformed table); 66 an input \
                is missing or unreadable; 69 MeCab or its dictionary is unavailable; 73 the output \
                cannot be created; 74 a report cannot be written; 78 the theme file is invalid.
                """)

        @Argument(help: "Files and directories to analyze ('-' for standard input). Default: corpus/.")
        var paths: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out = PipelineConfiguration.defaultOutput

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp("Worker threads (default: one per core). The reports do not depend on it.", valueName: "n"))
        var jobs: Int?

        @Option(
            help: ArgumentHelp(
                "Theme file (YAML). Default: corpus/themes.yml when no paths are given, else none.", valueName: "file"))
        var themes: String?

        @Option(
            help: ArgumentHelp(
                "Leave out of cooccurrence.csv the pairs found together in fewer sentences than this.", valueName: "n"))
        var minPairCount = 2

        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be at least 1") }
            guard minPairCount >= 1 else { throw ValidationError("'--min-pair-count' must be at least 1") }
            if paths.filter({ $0 == "-" }).count > 1 {
                throw ValidationError("'-' (standard input) can be given only once")
            }
        }

        func run() throws {
            let logger = logging.bootstrap()
            let defaultThemes = PipelineConfiguration.defaultThemes
            var configuration = corpus.configuration(
                inputs: paths.isEmpty ? [PipelineConfiguration.defaultCorpus] : paths,
                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            configuration.output = out
            configuration.themes =
                themes ?? (paths.isEmpty && FileManager.default.fileExists(atPath: defaultThemes) ? defaultThemes : nil)
            configuration.minimumPairCount = minPairCount
            do {
                let summary = try Pipeline(configuration: configuration, logger: logger).run()
                logger.notice(
                    "wrote reports",
                    metadata: [
                        "output": "\(summary.output)", "files": "\(summary.published.count)",
                        "documents": "\(summary.documents)", "sentences": "\(summary.sentences)",
                        "terms": "\(summary.vocabulary)",
                    ])
            } catch {
                throw ExitStatus.report(error)
            }
        }
    }
}
