import ArgumentParser
import Logging

/// `--verbose` and `--quiet`, shared by the subcommands. Logs go to standard error.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log each stage (-v) or each document (-vv) to standard error.")
    var verbose: Int

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    func validate() throws {
        if quiet && verbose > 0 { throw ValidationError("'--quiet' and '--verbose' cannot be combined") }
    }

    /// Bootstraps swift-log once, for the whole process, and returns the CLI's logger.
    func bootstrap() -> Logger {
        let level: Logger.Level =
            quiet ? .error : verbose >= 2 ? .trace : verbose == 1 ? .debug : .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "kotoba")
    }
}
