import ArgumentParser
import Foundation
import Logging
import Pipeline

extension Kotoba {
    /// `kotoba run`: the main job.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Analyze a corpus and write the reports.",
            discussion: """
                Writes into the output directory, all at once (a run that fails leaves the previous \
                output as it was): documents.csv, term_frequency.csv, cooccurrence.csv, themes.csv, \
                theme_cooccurrence.csv, theme_terms.csv, kwic.csv, collocations.csv, \
                document_themes.csv, speakers.csv, document_terms.csv, dtm.mtx with dtm_documents.csv \
                and dtm_terms.csv, compound_candidates.csv, data_dictionary.csv, summary.json, \
                graph/nodes.csv, graph/edges.csv, graph/cooccurrence.graphml, graph/cooccurrence.gexf, \
                correspondence.csv, correspondence_inertia.csv, correspondence_table.csv, clusters.csv, \
                cluster_merges.csv, cluster_distances.csv, mds.csv, report.html and manifest.json; \
                with --group-by also group_terms.csv and theme_by_group.csv; with --format json every \
                table as JSON too, and data_dictionary.json; with --keep-going, errors.jsonl when inputs were left out. Paths in the \
                reports are relative to the input root: the directory given, or the folder holding \
                every input given (manifest.json records it). Settings come from kotoba.yml (or \
                --config), then from the options.

                Exit codes: 0 success; 3 partial (--keep-going left inputs out); 64 usage; 65 an \
                input is not valid text; 66 an input is missing or unreadable; 69 MeCab or its \
                dictionary is unavailable; 70 internal error; 73 the output cannot be created; 74 \
                a report cannot be written; 75 another run is writing the same output; 78 a \
                configuration or theme file is invalid.
                """)

        @OptionGroup var analysis: AnalysisOptions

        @Option(
            name: .shortAndLong,
            help: .setting(\.output, valueName: "dir"))
        var out: String?

        @Flag(help: "Run and write the reports even when nothing changed since the output was written.")
        var force = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.bootstrap()
            let display = ProgressDisplay.make(logging: logging)
            let summary = try ExitStatus.run { () throws(PipelineError) -> Pipeline.Summary in
                var configuration = try analysis.configuration()
                if let out { configuration.output = out }
                try report.apply(to: &configuration)
                defer { display?.finish() }
                return try Pipeline(
                    configuration: configuration, logger: logger, progress: display.map { $0.update },
                    beforePublishing: ExitStatus.stallHook, force: force
                ).run()
            }
            if summary.upToDate { return }
            logger.notice(
                "wrote reports",
                metadata: [
                    "output": "\(summary.output)", "files": "\(summary.published.count)",
                    "documents": "\(summary.documents)", "sentences": "\(summary.sentences)",
                    "terms": "\(summary.vocabulary)", "inputs.skipped": "\(summary.skipped.count)",
                ])
            if !summary.skipped.isEmpty {
                for error in summary.skipped { error.messages.forEach(ExitStatus.printError) }
                throw ExitCode(ExitStatus.partial)
            }
        }
    }
}
