import ArgumentParser
import Foundation
import Pipeline

/// Exit codes, after sysexits.h (docs/ARCHITECTURE.md §5).
enum ExitStatus {
    static let partial: Int32 = 3  // --keep-going left inputs out
    static let usage: Int32 = 64  // EX_USAGE
    static let dataError: Int32 = 65  // EX_DATAERR: an input is not valid text, or a report cannot hold it in CP932
    static let noInput: Int32 = 66  // EX_NOINPUT: an input is missing or unreadable
    static let unavailable: Int32 = 69  // EX_UNAVAILABLE: MeCab or the dictionary cannot be used
    static let software: Int32 = 70  // EX_SOFTWARE: a bug
    static let cannotCreate: Int32 = 73  // EX_CANTCREAT: the output cannot be created
    static let ioError: Int32 = 74  // EX_IOERR: a report or partial cannot be written
    static let temporaryFailure: Int32 = 75  // EX_TEMPFAIL: another run holds the output
    static let configuration: Int32 = 78  // EX_CONFIG: a configuration, theme file or partials do not fit

    /// How errors are printed: set once by `LoggingOptions.bootstrap()`.
    nonisolated(unsafe) static var format: LoggingOptions.Format = .text

    /// The exit code for `error`.
    static func code(for error: PipelineError) -> Int32 {
        switch error {
        case .inputs(let problems): problems.allSatisfy(\.isDataError) ? dataError : noInput
        case .dictionary: unavailable
        case .themes, .themeRules, .configurationFile, .incompatiblePartials: configuration
        case .processing, .partial, .damagedPartial: dataError
        case .output(.locked): temporaryFailure
        case .output(.unencodable): dataError
        case .output(let error): error.isCreationFailure ? cannotCreate : ioError
        case .writeFailed: ioError
        case .configuration: usage
        case .internal: software
        }
    }

    /// Prints `message` as an error: `kotoba: error: …` on standard error, or a JSON line.
    static func printError(_ message: String) {
        if format == .json {
            JSONLogHandler.write(level: "error", label: "kotoba", message: message, metadata: [:])
        } else {
            FileHandle.standardError.write(Data("kotoba: error: \(message)\n".utf8))
        }
    }

    /// Prints every problem of `error` and returns the `ExitCode` to throw.
    static func report(_ error: PipelineError) -> ExitCode {
        for message in error.messages { printError(message) }
        return ExitCode(code(for: error))
    }

    /// A test hook: with `KOTOBA_TEST_FAULT=stall-publish` a run stops with its reports staged,
    /// before they replace the output, so a test can kill it there. Test hooks exist in debug
    /// builds only (the tests' builds): a release build ignores `KOTOBA_TEST_FAULT`.
    static let stallHook: @Sendable () -> Void = {
        #if DEBUG
            guard ProcessInfo.processInfo.environment["KOTOBA_TEST_FAULT"] == "stall-publish" else { return }
            FileHandle.standardError.write(Data("kotoba: test hook: stalled before publishing\n".utf8))
            while true { sleep(60) }
        #endif
    }

    /// Runs `body`, turning a `PipelineError` into its printed messages and exit code.
    static func run<T>(_ body: () throws(PipelineError) -> T) throws -> T {
        do throws(PipelineError) {
            #if DEBUG
                if ProcessInfo.processInfo.environment["KOTOBA_TEST_FAULT"] == "internal" {
                    // A test hook (debug builds only): the only way to provoke exit 70 without a bug.
                    throw PipelineError.internal("fault injected by KOTOBA_TEST_FAULT")
                }
            #endif
            return try body()
        } catch {
            throw report(error)
        }
    }
}
