/// A failure to write or publish the reports.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output directory (or its staging directory) cannot be created.
    case cannotCreate(path: String, reason: String)
    /// A report file cannot be written.
    case writeFailed(path: String, reason: String)
    /// The output directory exists, is not empty and holds no kotoba manifest: kotoba will not
    /// replace a directory it did not write.
    case notAnOutputDirectory(path: String)
    /// Another run is writing the same output directory.
    case locked(path: String)
    /// A report asked for in CP932 holds a character CP932 cannot encode.
    case unencodable(path: String, character: String, codePoints: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create output '\(path)': \(reason)"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        case .unencodable(let path, let character, let codePoints, let line, let column):
            "cannot write '\(path)' in CP932: '\(character)' (\(codePoints)) at line \(line), column \(column) "
                + "has no CP932 form; use UTF-8, or --csv-replace-unencodable to write '?' in its place"
        case .locked(let path):
            "another kotoba run is writing '\(path)'; try again when it has finished"
        case .notAnOutputDirectory(let path):
            "'\(path)' exists and is not a kotoba output directory (it has no manifest.json); "
                + "refusing to replace it: choose another --out"
        }
    }

    /// `true` for failures to create the output (sysexits 73), `false` for I/O errors (74).
    public var isCreationFailure: Bool {
        switch self {
        case .cannotCreate, .notAnOutputDirectory: true
        case .writeFailed, .locked, .unencodable: false
        }
    }
}
