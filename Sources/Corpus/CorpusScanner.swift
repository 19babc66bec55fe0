import Bytes
import Foundation

/// Turns the paths a user gives into the ordered list of inputs of a run.
///
/// Directories are walked recursively; inside them only text files count (`.txt`, `.text`,
/// `.md`, `.markdown`, `.csv`, `.tsv`), hidden files and folders are passed over, and every other file is listed
/// in `ignored` so that nothing is dropped without a trace. A file named explicitly is always
/// read, whatever its extension. `-` means standard input. The result is sorted by report path
/// (`ReportPaths`, byte order) and free of duplicates, so a run does not depend on the order of directory
/// listings or of the arguments.
///
/// A walk goes on past every problem it meets and reports each with its true reason: a folder
/// that cannot be listed (`permission denied`), a symbolic link that leads back to a folder above
/// it (a loop), a dangling link. Names are read as the bytes the file system holds: a name that is
/// not UTF-8 (a Shift_JIS name from a Japanese archive) is opened by its bytes and shown with
/// `\xNN` for the bytes that are not text, as names from `--files0-from` are.
public struct CorpusScanner: Sendable {
    /// File extensions (lowercase, without the dot) that a directory walk takes as documents.
    public static let textExtensions: Set<String> = ["txt", "text", "md", "markdown", "csv", "tsv"]

    /// The inputs found, the files seen in directories but not taken, and the problems met.
    public struct Listing: Sendable {
        public var inputs: [InputSource]
        public var ignored: [String]
        /// Paths that are missing or cannot be walked, each with its reason, in the order met.
        public var problems: [CorpusError]
        /// The folder the inputs' report paths are relative to (`ReportPaths`), absolute; `nil`
        /// when the only input is standard input.
        public var root: String?

        public init(inputs: [InputSource], ignored: [String], problems: [CorpusError] = [], root: String? = nil) {
            self.inputs = inputs
            self.ignored = ignored
            self.problems = problems
            self.root = root
        }
    }

    private let readStandardInput: @Sendable () -> Data

    /// - Parameter readStandardInput: reads all of standard input; called at most once, only when
    ///   `-` is among the paths.
    public init(readStandardInput: @escaping @Sendable () -> Data = {
        FileHandle.standardInput.readDataToEndOfFile()
    }) {
        self.readStandardInput = readStandardInput
    }

    /// Lists the inputs under `paths` and in `fileLists`, and fails if anything was wrong.
    /// - Throws: every path that is missing or cannot be listed, all at once, as `[CorpusError]`
    ///   wrapped in `CorpusScanner.Failure`.
    public func listing(for paths: [String], fileLists: [FileList] = [], root: String? = nil) throws(Failure) -> Listing {
        let listing = scan(paths, fileLists: fileLists, root: root)
        guard listing.problems.isEmpty else { throw Failure(problems: listing.problems) }
        return listing
    }

    /// Lists the inputs under `paths` and in `fileLists`, going on past problems, which come back
    /// in `Listing.problems` (so that `--keep-going` can leave those paths out and go on).
    ///
    /// A name in a file list is taken like a path given on the command line; one that is not valid
    /// UTF-8 names a file by its bytes, shown with `\xNN` for the bytes that are not text.
    ///
    /// `root`, when given, is the folder report paths are relative to (`--root`); an input
    /// outside it is a problem of its own.
    public func scan(_ paths: [String], fileLists: [FileList] = [], root fixedRoot: String? = nil) -> Listing {
        var walk = Walk()
        for list in fileLists {
            let data: Data
            if list.path == "-" {
                data = readStandardInput()
            } else {
                do {
                    data = try InputSource.read(rawName: Array(list.path.utf8), displayPath: list.path)
                } catch {
                    walk.problems.append(error)
                    continue
                }
            }
            let names = FileList.names(in: Array(data), separator: list.separator)
            if names.isEmpty { walk.problems.append(.emptyList(path: list.path)) }
            for name in names {
                walk.add(path: name, display: FileList.displayName(name))
            }
        }
        for path in paths {
            if path == "-" {
                guard walk.seen.insert("-").inserted else { continue }
                walk.inputs.append(InputSource(displayPath: "-", origin: .standardInput(readStandardInput())))
                walk.bases.append(nil)
                continue
            }
            walk.add(path: Array(path.utf8), display: path)
        }
        let (root, outside) = ReportPaths.assign(&walk.inputs, bases: walk.bases, root: fixedRoot)
        for index in outside.reversed() {
            let input = walk.inputs.remove(at: index)
            walk.problems.append(.unreadable(path: input.displayPath, reason: "not in the input root \(fixedRoot ?? "") (--root)"))
        }
        walk.inputs.sort { Array($0.reportPath.utf8).lexicographicallyPrecedes($1.reportPath.utf8) }
        walk.ignored.sort { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        return Listing(inputs: walk.inputs, ignored: walk.ignored, problems: walk.problems, root: root)
    }

    /// All the problems found while listing; each names its path.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var problems: [CorpusError]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// A walk over paths given by the user: what it found so far. Paths are bytes, as the file
    /// system has them, and are read with the C library, which takes any bytes.
    private struct Walk {
        var inputs: [InputSource] = []
        var ignored: [String] = []
        var problems: [CorpusError] = []
        /// Files taken, by path, so that one named twice (or found twice) is read once.
        var seen: Set<String> = []
        /// Per input, the absolute folder of the argument it was found under and its own absolute
        /// path, from which `ReportPaths` makes its report path (`nil` for standard input).
        var bases: [(base: String, file: String)?] = []

        /// Adds the path the user gave (a file, taken whatever its extension, or a folder, walked).
        mutating func add(path: [UInt8], display: String) {
            guard let info = status(path, display: display) else { return }
            // A name that is not UTF-8 is placed by its escaped display name: the report path
            // shows it that way anyway.
            let absolute = ReportPaths.absolute(display)
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, display: display, relative: "", base: absolute, ancestors: [])
            } else {
                take(
                    path, display: display, relative: nil, base: ((absolute as NSString).deletingLastPathComponent, absolute),
                    size: Int(info.st_size))
            }
        }

        /// The path's status, following links; nil after recording why there is none.
        mutating func status(_ path: [UInt8], display: String) -> stat? {
            if let info = ByteFile.status(rawPath: path) { return info }
            let code = errno
            let isLink = ByteFile.linkStatus(rawPath: path).map { $0.st_mode & S_IFMT == S_IFLNK } ?? false
            switch code {
            case ENOENT where isLink: problems.append(.unreadable(path: display, reason: "a symbolic link to nothing (dangling)"))
            case ENOENT, ENOTDIR: problems.append(.missing(path: display))
            case ELOOP: problems.append(.unreadable(path: display, reason: "a loop of symbolic links"))
            default: problems.append(.unreadable(path: display, reason: SystemError.message(errno: code)))
            }
            return nil
        }

        /// Takes the file at `path` as an input, once; `base` is its argument's folder and its own
        /// absolute path (`bases`). `standardized`, when given, is `path` already made absolute
        /// and standardized: a file found in a walk is its folder's standardized path and its
        /// name, which no standardizing changes (a name holds no `/` and, taken, starts with no
        /// `.`), so Foundation need not parse and standardize each of thousands of paths (a
        /// third of an unchanged re-run's time on 1,787 files). `size`, when given, is the file's
        /// size as the walk's `stat` found it (`InputSource.size`).
        mutating func take(
            _ path: [UInt8], display: String, relative: String?, base: (base: String, file: String), standardized: String? = nil,
            size: Int? = nil
        ) {
            if let text = String(validating: path, as: UTF8.self) {
                let url = standardized.map { URL(filePath: $0, directoryHint: .notDirectory) }
                    ?? URL(fileURLWithPath: text).standardizedFileURL
                guard seen.insert(url.path).inserted else { return }
                inputs.append(InputSource(displayPath: display, relativePath: relative, origin: .file(url), size: size))
            } else {
                guard seen.insert("\u{0}" + display).inserted else { return }
                inputs.append(InputSource(displayPath: display, relativePath: relative, origin: .rawFile(path), size: size))
            }
            bases.append(base)
        }

        /// Walks the folder at `path`, found under the argument whose absolute folder is `base`;
        /// `ancestors` are the device and inode of the folders above it in this walk, so that a
        /// link back to one of them is a loop, not an endless walk.
        mutating func walk(_ path: [UInt8], display: String, relative: String, base: String, ancestors: [FileIdentity]) {
            guard let info = ByteFile.status(rawPath: path) else { return }
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            let names: [[UInt8]]
            switch Self.entries(path) {
            case .success(let found): names = found
            case .failure(let code):
                problems.append(.unreadable(path: display, reason: "cannot list the folder: " + SystemError.message(errno: code.code)))
                return
            }
            for name in names where name.first != UInt8(ascii: ".") {
                let child = path.last == UInt8(ascii: "/") ? path + name : path + [UInt8(ascii: "/")] + name
                let shown = FileList.displayName(name)
                let childDisplay = display.hasSuffix("/") ? display + shown : display + "/" + shown
                let childRelative = relative + shown
                guard let status = status(child, display: childDisplay) else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    let below = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
                    if below == identity || ancestors.contains(below) {
                        problems.append(.unreadable(path: childDisplay, reason: "a symbolic link loop (it leads back to a folder above it)"))
                        continue
                    }
                    walk(child, display: childDisplay, relative: childRelative + "/", base: base, ancestors: ancestors + [identity])
                } else if CorpusScanner.textExtensions.contains(Self.pathExtension(name)) {
                    let file = base + "/" + childRelative
                    take(
                        child, display: childDisplay, relative: childRelative, base: (base, file),
                        standardized: base == "/" ? "/" + childRelative : file, size: Int(status.st_size))
                } else {
                    ignored.append(childDisplay)
                }
            }
        }

        /// The names in the folder at `path`, as bytes, in byte order; or the `errno` of the failure.
        static func entries(_ path: [UInt8]) -> Result<[[UInt8]], ErrnoCode> {
            switch ByteFile.directoryEntries(rawPath: path) {
            case .success(let names): return .success(names.sorted { $0.lexicographicallyPrecedes($1) })
            case .failure(let error): return .failure(ErrnoCode(error.code))
            }
        }

        /// The extension of a file name, lowercased, without the dot ("" for none).
        static func pathExtension(_ name: [UInt8]) -> String {
            guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
            return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
        }
    }

    /// A file's device and inode: what tells one folder from another, whatever the path.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// An `errno` value, as an `Error`.
    struct ErrnoCode: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
    }
}
