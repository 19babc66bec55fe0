import ArgumentParser
import Foundation
import Logging
import Pipeline

extension Kotoba {
    /// `kotoba count`: the map step of a scale-out: partial counts of one shard of the corpus.
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "count",
            abstract: "Count one shard of a corpus into a partial-counts file, for 'kotoba merge'.",
            discussion: """
                Every shard lists the same inputs and keeps those whose path hashes to its index, so \
                shards can run anywhere, in any order. Without --shard, the index comes from the \
                scheduler: SLURM_ARRAY_TASK_ID (count from SLURM_ARRAY_TASK_COUNT), PJM_BULKNUM, \
                SGE_TASK_ID (counted from 1), PBS_ARRAY_INDEX or JOB_COMPLETION_INDEX, with the \
                number of shards from --shards. With neither, all inputs are counted. \
                'kotoba count --lines --partial - -' is a filter: documents in (JSON Lines, or 'id<TAB>text' \
                lines), partial counts out, for Spark's RDD.pipe and Hadoop Streaming.
                """)

        @OptionGroup var analysis: AnalysisOptions

        @Option(help: ArgumentHelp("This process's shard, I/N (I from 0, or from --shard-base).", valueName: "i/n"))
        var shard: String?

        @Option(help: ArgumentHelp("The number of shards, when the index comes from the scheduler.", valueName: "n"))
        var shards: Int?

        @Option(help: ArgumentHelp("What shard indices count from: 0 or 1 (default: 0; 1 for SGE_TASK_ID).", valueName: "0|1"))
        var shardBase: Int?

        @Option(
            help: ArgumentHelp(
                "Where to write the partial counts ('-' for standard output); a name ending in .gz is written gzip-compressed.",
                valueName: "file"))
        var partial: String

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if let shardBase, shardBase != 0 && shardBase != 1 { throw ValidationError("'--shard-base' is 0 or 1") }
            if let shards, shards < 1 { throw ValidationError("'--shards' must be at least 1") }
        }

        func run() throws {
            let logger = logging.bootstrap()
            let summary = try ExitStatus.run { () throws(PipelineError) -> Pipeline.CountSummary in
                var configuration = try analysis.configuration()
                configuration.output = partial == "-" ? "partial" : partial
                let chosen: Shard?
                if let shard {
                    chosen = try Shard(parsing: shard, base: shardBase ?? 0)
                } else if let (found, source) = try Shard.fromEnvironment(
                    ProcessInfo.processInfo.environment, count: shards, base: shardBase)
                {
                    logger.info("shard from the scheduler", metadata: ["shard": "\(found)", "variable": "\(source)"])
                    chosen = found
                } else if let shards {
                    throw .configuration("--shards \(shards) needs an index: --shard I/\(shards), or a scheduler's array variable")
                } else {
                    chosen = nil
                }
                return try Pipeline(configuration: configuration, logger: logger).count(shard: chosen, destination: partial)
            }
            logger.notice(
                "wrote partial counts",
                metadata: [
                    "partial": "\(partial)", "inputs": "\(summary.inputs)", "documents": "\(summary.documents)",
                    "inputs.skipped": "\(summary.skipped.count)",
                ])
            if !summary.skipped.isEmpty {
                for error in summary.skipped { error.messages.forEach(ExitStatus.printError) }
                throw ExitCode(ExitStatus.partial)
            }
        }
    }

    /// `kotoba merge`: the reduce step: partial counts to reports.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Add up partial-counts files and write the reports, as one run over all their inputs would.",
            discussion: """
                The partials must have been counted with the same settings, dictionary and themes \
                (else exit 78), and, if sharded, cover every shard of one input list exactly once. \
                Their lines may come in any order, concatenated, sorted or already reduced by key \
                (docs/PARTIALS.md); a partial that fails its checks is refused (exit 65).
                """)

        @Argument(help: "Partial-counts files ('-' for standard input).")
        var partials: [String]

        @Option(name: .shortAndLong, help: .setting(\.output, valueName: "dir"))
        var out: String?

        @Option(
            name: .customLong("config"),
            help: ArgumentHelp(
                "Configuration file (default: ./kotoba.yml if there is one): its report settings apply, as in a run.",
                valueName: "file"))
        var configurationFile: String?

        @Option(
            help: ArgumentHelp(
                "Write the sum as one partial-counts file instead of reports ('-' for standard output; .gz: compressed): a combiner, a tree reduce.",
                valueName: "file"))
        var partial: String?

        @OptionGroup var report: ReportOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if partials.isEmpty { throw ValidationError("give at least one partial-counts file") }
            if partial != nil {
                if out != nil { throw ValidationError("'--out' does not apply with '--partial': no reports are written") }
                var defaults = PipelineConfiguration(inputs: [], output: "")
                var given = defaults
                report.assign(to: &given)
                defaults.output = given.output
                if given != defaults {
                    throw ValidationError("report options do not apply with '--partial': give them to the final merge")
                }
            }
        }

        func run() throws {
            let logger = logging.bootstrap()
            let summary = try ExitStatus.run { () throws(PipelineError) -> Pipeline.Summary in
                // The same configuration a run starts from (file, then options): its report
                // settings shape the reports; what decides an analysis comes from the partials.
                var (configuration, _) = try ConfigurationFile.effective(path: configurationFile)
                configuration.inputs = partials
                configuration.fileLists = []
                if let out { configuration.output = out }
                try report.apply(to: &configuration, groupingKnown: false)
                return try Pipeline(configuration: configuration, logger: logger).merge(
                    partials, partial: partial, groupTopGiven: report.groupTop != nil)
            }
            logger.notice(
                partial == nil ? "wrote reports" : "wrote merged partial counts",
                metadata: ["output": "\(summary.output)", "documents": "\(summary.documents)", "terms": "\(summary.vocabulary)"])
        }
    }
}
