import Corpus
import Foundation
import Tokenization

/// Helpers shared by kotoba's test targets.
public enum TestSupport {
    /// The package's root directory (the one holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The IPAdic UTF-8 dictionary the tests use: the same one `kotoba` finds by default.
    public static var ipadic: String {
        guard let directory = DictionaryLocator.defaultIPAdic() else {
            fatalError("IPAdic (UTF-8) is not installed: run scripts/setup.sh")
        }
        return directory
    }

    /// A shared MeCab model on IPAdic, loaded once.
    public static let model: MeCabModel = {
        do {
            return try MeCabModel(dictionaryDirectory: ipadic)
        } catch {
            fatalError("cannot load IPAdic: \(error)")
        }
    }()

    /// A new empty directory under the system's temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kotoba-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A scratch directory holding a copy of the bundled corpus/, so runs write their own output/.
    public static func workspaceWithCorpus() throws -> URL {
        let root = try temporaryDirectory()
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("corpus"), to: root.appendingPathComponent("corpus"))
        return root
    }

    /// Writes `files` (relative path → contents) below `directory`.
    public static func write(_ files: [String: Data], in directory: URL) throws {
        for (path, data) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// The folder holding the cache homes of this test process's kotoba runs, under the
    /// temporary directory (so that concurrent test runs never share a cache) and removed when the
    /// process exits.
    static let cacheRoot: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kotoba-tests-cache-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
        atexit { try? FileManager.default.removeItem(atPath: TestSupport.cacheRoot) }
        return path
    }()

    /// The cache home (`XDG_CACHE_HOME`) of a kotoba run in `directory`: one per working folder,
    /// and every test works in folders of its own (`temporaryDirectory()`), so each test gets a
    /// cache of its own, which its runs share: whether a run finds it cold or warm depends on the
    /// runs of its test only, never on which tests ran before. A run with no working folder gets
    /// a new, empty one.
    public static func cacheHome(for directory: URL?) -> String {
        let name = directory.map { $0.standardizedFileURL.path.replacingOccurrences(of: "/", with: "_") } ?? UUID().uuidString
        return cacheRoot + "/" + name
    }

    /// The outcome of a finished process.
    public struct ProcessResult: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: String

        public var output: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments` to completion.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, input: Data? = nil,
        environment extra: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // A cache of the test's own, never the user's nor another test's.
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cacheHome(for: directory)
        // No scheduler of the machine running the tests may pick a shard for them.
        for variable in ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "PJM_BULKNUM", "SGE_TASK_ID", "PBS_ARRAY_INDEX", "JOB_COMPLETION_INDEX"] {
            environment[variable] = nil
        }
        environment.merge(extra) { $1 }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        // Read both pipes while the process runs so that neither fills up and blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var output = Data()
        nonisolated(unsafe) var errors = Data()
        group.enter()
        DispatchQueue.global().async {
            output = stdout.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errors = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, standardOutput: output,
            standardError: String(decoding: errors, as: UTF8.self))
    }

    /// The `kotoba` executable built alongside the tests.
    public static var kotoba: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("kotoba"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                .appendingPathComponent("kotoba"),
            packageRoot.appendingPathComponent(".build/debug/kotoba"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// The `mecab` command.
    public static var mecab: URL {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent("mecab")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: "/usr/bin/mecab")
    }

    /// Runs the `mecab` command on `text` with IPAdic, ignoring every rc file, as kotoba does.
    public static func mecab(_ text: String) throws -> String {
        let result = try run(mecab, ["-r", "/dev/null", "-d", ipadic], input: Data(text.utf8))
        guard result.status == 0 else { fatalError("mecab failed: \(result.standardError)") }
        return result.output
    }

    /// Reads a CSV file written by kotoba (BOM, CRLF, RFC 4180) into rows of fields.
    public static func readCSV(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try TableParser().records(in: text).map(\.fields)
    }
}
