import Foundation

/// One input of a run: a file found on disk, or everything read from standard input.
public struct InputSource: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Origin: Sendable, Hashable {
        /// A file; the URL is absolute and standardized.
        case file(URL)
        /// Standard input, already read in full (it cannot be read twice).
        case standardInput(Data)
    }

    /// The path as shown to the user and written to reports: the path as given on the command
    /// line, joined with the file's path below a given directory. Standard input is `-`.
    public let displayPath: String
    /// The path below the directory it was found in (`a/b.txt` for `corpus/a/b.txt` found in
    /// `corpus`), or the file name for a file given by itself: how a metadata table names it.
    public let relativePath: String
    public let origin: Origin

    public init(displayPath: String, relativePath: String? = nil, origin: Origin) {
        self.displayPath = displayPath
        self.relativePath = relativePath ?? (displayPath as NSString).lastPathComponent
        self.origin = origin
    }

    /// Reads the input's bytes.
    /// - Throws: `CorpusError.missing` or `.unreadable`, naming `displayPath`.
    public func read() throws(CorpusError) -> Data {
        switch origin {
        case .standardInput(let data):
            return data
        case .file(let url):
            do {
                return try Data(contentsOf: url, options: .mappedIfSafe)
            } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
                throw .missing(path: displayPath)
            } catch {
                throw .unreadable(path: displayPath, reason: SystemError.reason(for: error))
            }
        }
    }
}
