import Bytes
import Foundation

/// One input of a run: a file found on disk, or everything read from standard input.
public struct InputSource: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Origin: Sendable, Hashable {
        /// A file; the URL is absolute and standardized.
        case file(URL)
        /// Standard input, already read in full (it cannot be read twice).
        case standardInput(Data)
        /// A file whose name is not valid UTF-8 (from `--files0-from`), opened by its bytes.
        case rawFile([UInt8])
    }

    /// The path as shown to the user and written to reports: the path as given on the command
    /// line, joined with the file's path below a given directory. Standard input is `-`.
    public let displayPath: String
    /// The path below the directory it was found in (`a/b.txt` for `corpus/a/b.txt` found in
    /// `corpus`), or the file name for a file given by itself: how a metadata table names it.
    public let relativePath: String
    public let origin: Origin
    /// The path written into the reports: relative to the run's input root (`ReportPaths`), so
    /// that the same corpus in another folder gives the same reports. Standard input is `-`.
    /// `CorpusScanner` sets it; until then it is `displayPath`.
    public package(set) var reportPath: String
    /// The file's size as the scan's `stat(2)` found it (`CorpusScanner`), so that scheduling
    /// and progress need not ask again for each of thousands of files (`size`). Not part of
    /// the input's identity: two sources of the same file are equal whatever their sizes.
    private let scannedSize: Int?

    /// - Parameter size: the file's size, if it was just found (by the scan's `stat`).
    public init(displayPath: String, relativePath: String? = nil, origin: Origin, size: Int? = nil) {
        self.displayPath = displayPath
        self.relativePath = relativePath ?? (displayPath as NSString).lastPathComponent
        self.origin = origin
        self.reportPath = displayPath
        self.scannedSize = size
    }

    public static func == (lhs: InputSource, rhs: InputSource) -> Bool {
        lhs.displayPath == rhs.displayPath && lhs.relativePath == rhs.relativePath && lhs.origin == rhs.origin
            && lhs.reportPath == rhs.reportPath
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(displayPath)
        hasher.combine(relativePath)
        hasher.combine(origin)
        hasher.combine(reportPath)
    }

    /// Reads the input's bytes.
    /// - Throws: `CorpusError.missing` or `.unreadable`, naming `displayPath`.
    public func read() throws(CorpusError) -> Data {
        switch origin {
        case .standardInput(let data):
            return data
        case .rawFile(let name):
            return try Self.read(rawName: name, displayPath: displayPath)
        case .file(let url):
            do {
                return try Data(contentsOf: url, options: .mappedIfSafe)
            } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
                throw .missing(path: displayPath)
            } catch {
                // Again through the C library, for its reason (Foundation's may be only prose).
                return try Self.read(rawName: Array(url.path.utf8), displayPath: displayPath)
            }
        }
    }

    /// The input's size in bytes (0 if it cannot be found), for scheduling and progress: the
    /// scan's, or else `stat(2)`, where Foundation's `attributesOfItem` also looks up the owner's
    /// names (1.5 % of a run of 668 transcripts went there). Asking each of the man pages' 3,096
    /// files again was about 10 ms of a run's start on one core.
    public var size: Int {
        if let scannedSize { return scannedSize }
        switch origin {
        case .standardInput(let data): return data.count
        case .file(let url): return ByteFile.status(rawPath: Array(url.path.utf8)).map { Int($0.st_size) } ?? 0
        case .rawFile(let name):
            return ByteFile.status(rawPath: name).map { Int($0.st_size) } ?? 0
        }
    }

    /// Reads a file named by raw bytes, with `open(2)` and `read(2)`: any bytes name a file, and
    /// a failure has the C library's reason (`is a directory`, `permission denied`), where
    /// Foundation's would be a paragraph of NSError.
    public static func read(rawName: [UInt8], displayPath: String) throws(CorpusError) -> Data {
        let descriptor = ByteFile.open(rawPath: rawName, flags: O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? .missing(path: displayPath) : .unreadable(path: displayPath, reason: SystemError.message(errno: code))
        }
        defer { close(descriptor) }
        switch ByteFile.readAll(descriptor) {
        case .success(let bytes): return Data(bytes)
        case .failure(let error): throw .unreadable(path: displayPath, reason: SystemError.message(errno: error.code))
        }
    }
}
