import Corpus
import Dispatch
import Foundation
import Synchronization

/// Writes a run's report files concurrently into a staging directory and publishes them into the
/// output directory in one step, so readers never see a half-written set.
///
/// Files are rendered and written in parallel, at most `concurrentWrites` at a time, each
/// streamed into its staged file through a `ReportSink` (which also counts and hashes it). If any
/// fails, the staging directory is removed and the previous output stays as it was. Publishing
/// renames the staging directory into place; an existing output is first moved aside to
/// `.NAME.previous` and removed afterwards. Should the process die between those two renames, the
/// next run puts `.NAME.previous` back before it starts, so an output is never lost.
///
/// An existing output directory is replaced only if it is empty or holds a `manifest.json`:
/// kotoba never deletes a directory it did not write. Staging directories left by runs that were
/// killed (their process no longer exists) are removed when the next run starts, and so is an
/// output moved aside that a killed run left beside the new one (`checkOutput`).
///
/// The output is published where its path leads (`resolved(_:)`): an `--out` that is a symbolic
/// link (or passes through one) publishes into the folder it points to, and the link stays the
/// user's link; the lock (`OutputLock`) is keyed by the same resolved path, so runs into `same`
/// and into `link → same` exclude each other.
public struct ReportPublisher: Sendable {
    /// A file as published: name, size and SHA-256 (lowercase hex), for the manifest.
    public struct PublishedFile: Sendable, Equatable, Codable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    /// The file that marks a directory as kotoba's output.
    public static let manifestName = "manifest.json"

    /// Called once every file is in the staging directory, before it replaces the output. Tests
    /// use it to stall a run there and kill it.
    public var beforeSwap: @Sendable () -> Void

    /// How many files render at the same time (at least 1). Each file in flight holds its table's
    /// working data and its buffers, so this bounds the write stage's memory.
    public var concurrentWrites: Int

    public init(
        concurrentWrites: Int = ProcessInfo.processInfo.activeProcessorCount,
        beforeSwap: @escaping @Sendable () -> Void = {}
    ) {
        self.concurrentWrites = max(1, concurrentWrites)
        self.beforeSwap = beforeSwap
    }

    /// Publishes `files` into `output` (those that render last after the others), then
    /// `manifest(published)`, which can list the others.
    /// - Returns: the published files, sorted by path, the manifest last.
    @discardableResult
    public func publish(
        _ files: [ReportFile], to output: URL,
        manifest: @escaping @Sendable ([PublishedFile]) throws -> Data
    ) throws(ReportError) -> [PublishedFile] {
        let fileManager = FileManager.default
        let displayRoot = output.path
        let output = Self.resolved(output)
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let previous = Self.previous(of: output)
        try Self.createDirectory(parent, displayPath: parent.path)
        try Self.checkOutput(output)

        let staging = parent.appendingPathComponent(
            "\(Self.stagingPrefix(name))\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try Self.createDirectory(staging, displayPath: displayRoot)
        do {
            let first = try Self.write(
                files.filter { !$0.rendersLast }, into: staging, displayRoot: displayRoot, concurrently: concurrentWrites)
            let last = try Self.write(
                files.filter(\.rendersLast), into: staging, displayRoot: displayRoot, concurrently: concurrentWrites)
            let reports = (first + last).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            let manifestFile = ReportFile(name: Self.manifestName, data: { try manifest(reports) })
            let published =
                reports + (try Self.write([manifestFile], into: staging, displayRoot: displayRoot, concurrently: 1))
            beforeSwap()
            if fileManager.fileExists(atPath: output.path) {
                try? fileManager.removeItem(at: previous)
                try Self.rename(output, to: previous)
                Self.testHookBetweenRenames()
                try Self.rename(staging, to: output)
                try? fileManager.removeItem(at: previous)
            } else {
                try Self.rename(staging, to: output)
            }
            return published
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Renders and writes `files` below `directory`, `concurrently` at a time: each worker takes
    /// the next file in list order until none is left, then makes pieces of the large tables
    /// still being written (`SpareWorkers`) until every file is written.
    static func write(_ files: [ReportFile], into directory: URL, displayRoot: String, concurrently: Int)
        throws(ReportError) -> [PublishedFile]
    {
        let results = Mutex<[Result<PublishedFile, ReportError>?]>(Array(repeating: nil, count: files.count))
        let next = Atomic<Int>(0)
        let workers = min(max(1, concurrently), files.count)
        let spareWorkers = workers > 1 ? SpareWorkers(files: files.count, workers: workers) : nil
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < files.count else { break }
                let result = write(files[index], into: directory, displayRoot: displayRoot, spareWorkers: spareWorkers)
                results.withLock { $0[index] = result }
                spareWorkers?.fileFinished()
            }
            spareWorkers?.help()
        }
        var published: [PublishedFile] = []
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let file): published.append(file)
            case .failure(let error): throw error
            case nil: throw .writeFailed(path: displayRoot, reason: "internal error: a report was not written")
            }
        }
        return published.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Streams `file` into its place below `directory`.
    private static func write(_ file: ReportFile, into directory: URL, displayRoot: String, spareWorkers: SpareWorkers?)
        -> Result<PublishedFile, ReportError>
    {
        let url = directory.appendingPathComponent(file.name)
        let displayPath = displayRoot + "/" + file.name
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let sink = try ReportSink(file: url, displayPath: displayPath)
            sink.spareWorkers = spareWorkers
            try file.render(sink)
            let (bytes, digest) = try sink.finish()
            return .success(PublishedFile(path: file.name, bytes: bytes, sha256: digest))
        } catch let error as ReportError {
            return .failure(error)
        } catch {
            return .failure(.writeFailed(path: displayPath, reason: SystemError.reason(for: error)))
        }
    }

    /// A test hook: with `KOTOBA_TEST_FAULT=kill-mid-swap` the process kills itself (SIGKILL)
    /// between the swap's two renames, the old output moved aside and the new one not yet in
    /// place, so that a test can check what the next run makes of it. Debug builds only.
    static func testHookBetweenRenames() {
        #if DEBUG
            guard ProcessInfo.processInfo.environment["KOTOBA_TEST_FAULT"] == "kill-mid-swap" else { return }
            kill(getpid(), SIGKILL)
        #endif
    }

    /// Where `output` leads: the real path of the folder its symbolic links point to (through
    /// a dangling link too, to where the folder will be made), so that a link given as `--out`
    /// is published through, never replaced, and locked as the folder it names.
    public static func resolved(_ output: URL) -> URL {
        var path = output.standardizedFileURL.path
        for _ in 0..<32 {
            if let real = realPath(path) { return URL(fileURLWithPath: real) }
            // Missing: follow a dangling link by hand, or resolve the folder it would be made in.
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let parent = (path as NSString).deletingLastPathComponent
            path = URL(fileURLWithPath: target.hasPrefix("/") ? target : parent + "/" + target).standardizedFileURL.path
        }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        guard parent != path, let real = realPath(parent) else { return url }
        return URL(fileURLWithPath: real).appendingPathComponent(url.lastPathComponent)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Staging directories are named `.NAME.staging-PID-RANDOM`.
    static func stagingPrefix(_ name: String) -> String { ".\(name).staging-" }

    /// Removes staging directories of `name` whose run's process is gone.
    static func removeAbandonedStaging(in parent: URL, name: String) {
        let prefix = stagingPrefix(name)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    /// Where an output is moved aside while it is replaced: `.NAME.previous` beside it.
    static func previous(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    /// Checks, before anything is analyzed, that the reports may be published into `output`
    /// (resolved as `resolved(_:)`): it does not exist, is empty, or holds a `manifest.json`.
    /// First it clears what a killed run left: the output moved aside by a run killed between
    /// the swap's renames is put back, one left beside a new output is removed, and so are the
    /// staging folders of runs whose process is gone. A run calls it as soon as it holds the
    /// lock, whatever it goes on to do (publish, find the output up to date, or fail); `publish`
    /// checks again.
    /// - Throws: `ReportError.notAnOutputDirectory` for a directory kotoba did not write (or a
    ///   file); `.cannotCreate` when the output moved aside cannot be put back.
    public static func checkOutput(_ output: URL) throws(ReportError) {
        let output = resolved(output)
        let aside = Self.previous(of: output)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: aside.path, isDirectory: &isDirectory), isDirectory.boolValue {
            if !fileManager.fileExists(atPath: output.path) {
                try rename(aside, to: output)  // recover from a run killed mid-swap
            } else if (try? checkReplaceable(aside)) != nil {
                try? fileManager.removeItem(at: aside)  // the swap was done; only the removal was not
            }
        }
        removeAbandonedStaging(in: output.deletingLastPathComponent(), name: output.lastPathComponent)
        try checkReplaceable(output)
    }

    static func checkReplaceable(_ output: URL) throws(ReportError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notAnOutputDirectory(path: output.path) }
        let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        guard contents.isEmpty || contents.contains(manifestName) else {
            throw .notAnOutputDirectory(path: output.path)
        }
    }

    static func createDirectory(_ url: URL, displayPath: String) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: displayPath, reason: SystemError.reason(for: error))
        }
    }

    static func rename(_ source: URL, to destination: URL) throws(ReportError) {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw .cannotCreate(path: destination.path, reason: SystemError.message(errno: errno))
        }
    }
}
