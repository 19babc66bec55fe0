import ArgumentParser
import Foundation
import Logging

/// `--verbose`, `--quiet` and `--log-format`, shared by the subcommands. Logs go to standard error.
struct LoggingOptions: ParsableArguments {
    enum Format: String, OptionValues {
        case text, json

        static let argumentValues = ArgumentValues(of: Self.self)
    }

    @Flag(name: .shortAndLong, help: "Log each stage (-v) or each input (-vv) to standard error.")
    var verbose: Int

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Option(help: "Log lines as text, or as JSON Lines for machines (one object a line).")
    var logFormat: Format = .text

    func validate() throws {
        if quiet && verbose > 0 { throw ValidationError("'--quiet' and '--verbose' cannot be combined") }
    }

    var level: Logger.Level { quiet ? .error : verbose >= 2 ? .trace : verbose == 1 ? .debug : .notice }

    /// Bootstraps swift-log once, for the whole process, and returns the CLI's logger.
    func bootstrap() -> Logger {
        let (level, format) = (level, logFormat)
        ExitStatus.format = format
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                format == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "kotoba")
    }
}

/// Log records as JSON Lines on standard error: `{"time":…,"level":…,"label":…,"message":…,
/// "metadata":{…}}`, one object a line, for log collectors.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        event.metadata?.forEach { fields[$0.key] = $0.value }
        Self.write(level: event.level.rawValue, label: label, message: "\(event.message)", metadata: fields.mapValues { "\($0)" })
    }

    /// Writes one JSON line to standard error.
    static func write(level: String, label: String, message: String, metadata: [String: String]) {
        var object: [String: Any] = [
            "time": Date().formatted(.iso8601), "level": level, "label": label, "message": message,
        ]
        if !metadata.isEmpty { object["metadata"] = metadata }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
