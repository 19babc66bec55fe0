import ArgumentParser
import Foundation
import Pipeline

extension Kotoba {
    /// `kotoba dump-config`: the effective configuration, as YAML.
    struct DumpConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump-config",
            abstract: "Print the configuration a run with these options would use, as YAML (a kotoba.yml to start from).")

        @OptionGroup var analysis: AnalysisOptions

        @Option(name: .shortAndLong, help: .setting(\.output, valueName: "dir"))
        var out: String?

        @OptionGroup var report: ReportOptions

        func run() throws {
            let text = try ExitStatus.run { () throws(PipelineError) -> String in
                var configuration = try analysis.configuration()
                if let out { configuration.output = out }
                try report.apply(to: &configuration)
                return try ConfigurationFile.yaml(configuration)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// `kotoba cache`: look after the incremental cache.
    struct Cache: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cache",
            abstract: "Prune the incremental cache: remove entries no run has used lately.")

        @Option(help: ArgumentHelp("Cache directory (default: $XDG_CACHE_HOME/kotoba or ~/.cache/kotoba).", valueName: "dir"))
        var cache: String?

        @Option(help: ArgumentHelp("Remove entries not used for this many days (0: all).", valueName: "days"))
        var olderThan: Double = 30

        func validate() throws {
            if olderThan < 0 { throw ValidationError("'--older-than' cannot be negative") }
        }

        func run() throws {
            let directory = cache ?? PipelineConfiguration.defaultCacheDirectory
            let removed = Pipeline.pruneCache(directory: directory, olderThanDays: olderThan)
            FileHandle.standardError.write(Data("kotoba: removed \(removed) cache entries from \(directory)\n".utf8))
        }
    }
}
