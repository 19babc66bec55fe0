import Foundation
import Testing
import TestSupport

/// A folder as Japanese archives and careless links leave them: a Shift_JIS file name, symbolic
/// link loops, a folder no one may list and a file no one may read beside it. The Shift_JIS file
/// is read (its name shown escaped); every other problem is reported with its own reason, all of
/// them, and `--keep-going` publishes the rest with each problem in errors.jsonl.
///
/// Permissions do not bind root, so as root the runs are made as `nobody` through `setpriv`;
/// where that cannot be done the test fails rather than pass without checking.
struct FolderScanTests {
    /// テスト.txt in Shift_JIS: not UTF-8, so no String can hold the name.
    static let shiftJISName: [UInt8] = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67] + Array(".txt".utf8)
    static let shiftJISDisplay = "corpus/\\x83e\\x83X\\x83g.txt"

    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        guard getuid() == 0 else { return try TestSupport.run(TestSupport.kotoba, arguments, in: directory) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        try #require(
            FileManager.default.isExecutableFile(atPath: setpriv.path),
            "running as root without setpriv (util-linux): unreadable folders cannot be tested")
        return try TestSupport.run(
            setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", TestSupport.kotoba.path] + arguments, in: directory)
    }

    func workspace() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write(
            [
                "corpus/a.txt": Data("地域の活性化を支援する。".utf8),
                "corpus/sub/b.txt": Data("企業の活性化が進む。".utf8),
                "corpus/locked/hidden.txt": Data("見えない文書。".utf8),
                "corpus/secret.txt": Data("読めない文書。".utf8),
            ], in: root)
        let corpus = root.appendingPathComponent("corpus")
        let name = corpus.path.utf8 + [UInt8(ascii: "/")] + Self.shiftJISName
        let descriptor = (Array(name) + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(descriptor >= 0)
        let text = Array("文字コードの異なる名前の文書。".utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        close(descriptor)
        // A link back to the folder above, and a link to itself.
        #expect(symlink("..", corpus.appendingPathComponent("sub/back").path) == 0)
        #expect(symlink("self", corpus.appendingPathComponent("self").path) == 0)
        #expect(chmod(corpus.appendingPathComponent("locked").path, 0o000) == 0)
        #expect(chmod(corpus.appendingPathComponent("secret.txt").path, 0o000) == 0)
        // The runs (perhaps as nobody) write their output here.
        #expect(chmod(root.path, 0o777) == 0)
        return root
    }

    func cleanUp(_ root: URL) {
        chmod(root.appendingPathComponent("corpus/locked").path, 0o755)
        try? FileManager.default.removeItem(at: root)
    }

    /// The problems every run must report, each with its reason.
    static let problems = [
        "kotoba: error: corpus/locked: cannot read: cannot list the folder: permission denied",
        "kotoba: error: corpus/secret.txt: cannot read: permission denied",
        "kotoba: error: corpus/self: cannot read: a loop of symbolic links",
        "kotoba: error: corpus/sub/back: cannot read: a symbolic link loop (it leads back to a folder above it)",
    ]

    @Test func everyProblemIsReportedWithItsReasonAndTheShiftJISNameIsRead() throws {
        let root = try workspace()
        defer { cleanUp(root) }
        let strict = try kotoba(["run", "corpus", "--no-cache"], in: root)
        #expect(strict.status == 66, "\(strict.standardError)")
        for problem in Self.problems { #expect(strict.standardError.contains(problem), "\(problem)\n\(strict.standardError)") }
        #expect(!strict.standardError.contains("\\x83"), "\(strict.standardError)")
        #expect(!strict.standardError.contains("no such file"), "\(strict.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))

        let lenient = try kotoba(["run", "corpus", "--no-cache", "--keep-going"], in: root)
        #expect(lenient.status == 3, "\(lenient.standardError)")
        for problem in Self.problems { #expect(lenient.standardError.contains(problem), "\(problem)\n\(lenient.standardError)") }
        let errors = try String(contentsOf: root.appendingPathComponent("output/errors.jsonl"), encoding: .utf8)
        let records = try errors.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        // errors.jsonl names paths as the reports do: relative to the input root, corpus/.
        #expect(records.compactMap { $0["path"] as? String }.sorted() == ["locked", "secret.txt", "self", "sub/back"])
        #expect(records.allSatisfy { $0["error"] as? String == "unreadable" })
        let documents = try TestSupport.readCSV(root.appendingPathComponent("output/documents.csv"))
        let paths = documents.dropFirst().map { $0[1] }.sorted()
        #expect(paths == ["a.txt", "sub/b.txt", Self.shiftJISDisplay.replacingOccurrences(of: "corpus/", with: "")].sorted(), "\(paths)")
    }

    @Test func aFileListNamingNothingSaysSo() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent("list.txt"))
        let empty = try TestSupport.run(TestSupport.kotoba, ["run", "--files-from", "list.txt", "--no-cache"], in: root)
        #expect(empty.status == 65)
        #expect(empty.standardError.contains("kotoba: error: list.txt: the file list names no file"), "\(empty.standardError)")
        let piped = try TestSupport.run(TestSupport.kotoba, ["run", "--files0-from", "-", "--no-cache"], in: root, input: Data())
        #expect(piped.status == 65)
        #expect(piped.standardError.contains("kotoba: error: standard input: the file list names no file"), "\(piped.standardError)")
    }
}
