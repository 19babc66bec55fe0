import Foundation

/// Turns the paths a user gives into the ordered list of inputs of a run.
///
/// Directories are walked recursively; inside them only text files count (`.txt`, `.text`,
/// `.md`, `.markdown`, `.csv`, `.tsv`), hidden files and folders are passed over, and every other file is listed
/// in `ignored` so that nothing is dropped without a trace. A file named explicitly is always
/// read, whatever its extension. `-` means standard input. The result is sorted by report path
/// (`ReportPaths`, byte order) and free of duplicates, so a run does not depend on the order of directory
/// listings or of the arguments.
public struct CorpusScanner: Sendable {
    /// File extensions (lowercase, without the dot) that a directory walk takes as documents.
    public static let textExtensions: Set<String> = ["txt", "text", "md", "markdown", "csv", "tsv"]

    /// The inputs found, and the files seen in directories but not taken.
    public struct Listing: Sendable {
        public var inputs: [InputSource]
        public var ignored: [String]
        /// The folder the inputs' report paths are relative to (`ReportPaths`), absolute; `nil`
        /// when the only input is standard input.
        public var root: String?

        public init(inputs: [InputSource], ignored: [String], root: String? = nil) {
            self.inputs = inputs
            self.ignored = ignored
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

    /// Lists the inputs under `paths` and in `fileLists`.
    ///
    /// A name in a file list is taken like a path given on the command line; one that is not valid
    /// UTF-8 names a file by its bytes, shown with `\xNN` for the bytes that are not text.
    /// - Throws: every path that is missing or cannot be listed, all at once, as `[CorpusError]`
    ///   wrapped in `CorpusScanner.Failure`.
    public func listing(for paths: [String], fileLists: [FileList] = []) throws(Failure) -> Listing {
        var inputs: [InputSource] = []
        // Each input's base folder and absolute path (`ReportPaths`), `nil` for standard input.
        var bases: [(base: String, file: String)?] = []
        var ignored: [String] = []
        var problems: [CorpusError] = []
        var seen: Set<String> = []
        let fileManager = FileManager.default
        var paths = paths
        for list in fileLists {
            let data: Data
            if list.path == "-" {
                data = readStandardInput()
            } else {
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: list.path))
                } catch {
                    problems.append(
                        fileManager.fileExists(atPath: list.path)
                            ? .unreadable(path: list.path, reason: SystemError.reason(for: error)) : .missing(path: list.path))
                    continue
                }
            }
            for name in FileList.names(in: Array(data), separator: list.separator) {
                if let path = String(validating: name, as: UTF8.self) {
                    paths.append(path)
                    continue
                }
                let display = FileList.displayName(name)
                let source = InputSource(displayPath: display, origin: .rawFile(name))
                var info = stat()
                if InputSource.withCString(name, { stat($0, &info) }) != 0 {
                    problems.append(.missing(path: display))
                } else if seen.insert(display).inserted {
                    inputs.append(source)
                    let file = ReportPaths.absolute(display)
                    bases.append(((file as NSString).deletingLastPathComponent, file))
                }
            }
        }
        for path in paths {
            if path == "-" {
                guard seen.insert("-").inserted else { continue }
                inputs.append(InputSource(displayPath: "-", origin: .standardInput(readStandardInput())))
                bases.append(nil)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(.missing(path: path))
                continue
            }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            if !isDirectory.boolValue {
                if seen.insert(url.path).inserted {
                    inputs.append(InputSource(displayPath: path, origin: .file(url)))
                    bases.append((url.deletingLastPathComponent().path, url.path))
                }
                continue
            }
            do {
                let found = try walk(directory: url, displayPrefix: path, relativePrefix: "")
                for (display, relative, file) in found.files where seen.insert(file.path).inserted {
                    inputs.append(InputSource(displayPath: display, relativePath: relative, origin: .file(file)))
                    bases.append((url.path, file.path))
                }
                ignored += found.ignored
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        let root = ReportPaths.assign(&inputs, bases: bases)
        inputs.sort { Array($0.reportPath.utf8).lexicographicallyPrecedes($1.reportPath.utf8) }
        ignored.sort { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        return Listing(inputs: inputs, ignored: ignored, root: root)
    }

    /// All the problems found while listing; each names its path.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var problems: [CorpusError]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    private func walk(directory: URL, displayPrefix: String, relativePrefix: String) throws(CorpusError) -> (
        files: [(display: String, relative: String, url: URL)], ignored: [String]
    ) {
        let fileManager = FileManager.default
        let children: [String]
        do {
            children = try fileManager.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(path: displayPrefix, reason: SystemError.reason(for: error))
        }
        var files: [(display: String, relative: String, url: URL)] = []
        var ignored: [String] = []
        for name in children where !name.hasPrefix(".") {
            let child = directory.appendingPathComponent(name)
            let display = displayPrefix.hasSuffix("/") ? displayPrefix + name : displayPrefix + "/" + name
            let relative = relativePrefix + name
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: child.path, isDirectory: &isDirectory) else {
                // A dangling symbolic link: say so rather than skip it.
                throw .missing(path: display)
            }
            if isDirectory.boolValue {
                let below = try walk(directory: child, displayPrefix: display, relativePrefix: relative + "/")
                files += below.files
                ignored += below.ignored
            } else if Self.textExtensions.contains(child.pathExtension.lowercased()) {
                files.append((display, relative, child))
            } else {
                ignored.append(display)
            }
        }
        return (files, ignored)
    }
}
