import ArgumentParser
import Foundation
import Pipeline

/// Exit codes, after sysexits.h (reference/ecosystem.md §2.2).
enum ExitStatus {
    static let usage: Int32 = 64  // EX_USAGE
    static let dataError: Int32 = 65  // EX_DATAERR: an input is not valid text
    static let noInput: Int32 = 66  // EX_NOINPUT: an input is missing or unreadable
    static let unavailable: Int32 = 69  // EX_UNAVAILABLE: MeCab or the dictionary cannot be used
    static let cannotCreate: Int32 = 73  // EX_CANTCREAT: the output cannot be created
    static let ioError: Int32 = 74  // EX_IOERR: a report cannot be written
    static let configuration: Int32 = 78  // EX_CONFIG: the theme file is invalid

    /// The exit code for `error`.
    static func code(for error: PipelineError) -> Int32 {
        switch error {
        case .inputs(let problems): problems.allSatisfy(\.isDataError) ? dataError : noInput
        case .dictionary: unavailable
        case .themes: configuration
        case .processing: dataError
        case .output(let error): error.isCreationFailure ? cannotCreate : ioError
        case .configuration: usage
        }
    }

    /// Prints every problem of `error` as `kotoba: error: …` on standard error and returns the
    /// `ExitCode` to throw.
    static func report(_ error: PipelineError) -> ExitCode {
        for message in error.messages {
            FileHandle.standardError.write(Data("kotoba: error: \(message)\n".utf8))
        }
        return ExitCode(code(for: error))
    }
}
