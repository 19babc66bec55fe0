import Foundation
import Testing

@testable import Corpus

/// Report paths are relative to the deepest folder holding every input's base folder.
struct ReportPathsTests {
    func assigned(_ bases: [(base: String, file: String)?], root fixed: String? = nil) -> (
        root: String?, paths: [String], outside: [Int]
    ) {
        var inputs = bases.map { base in
            InputSource(displayPath: base?.file ?? "-", origin: base.map { .file(URL(fileURLWithPath: $0.file)) } ?? .standardInput(Data()))
        }
        let (root, outside) = ReportPaths.assign(&inputs, bases: bases, root: fixed)
        return (root, inputs.map(\.reportPath), outside)
    }

    /// `--root`: every task of an engine that counts part of a file list names a file as a run
    /// over the whole folder does, whichever files the task got.
    @Test func aGivenRootFixesThePathsAndRefusesWhatIsOutside() {
        let task = assigned([("/data/corpus/a", "/data/corpus/a/x.txt")], root: "/data/corpus")
        #expect(task.root == "/data/corpus")
        #expect(task.paths == ["a/x.txt"])
        #expect(task.outside.isEmpty)
        let stray = assigned(
            [("/data/corpus/a", "/data/corpus/a/x.txt"), ("/data/other", "/data/other/y.txt"), ("/data", "/data/corpus")],
            root: "/data/corpus/")
        #expect(stray.paths[0] == "a/x.txt")
        #expect(stray.outside == [1, 2])
    }

    @Test func oneDirectoryIsTheRoot() {
        let result = assigned([("/data/corpus", "/data/corpus/a.txt"), ("/data/corpus", "/data/corpus/sub/b.txt")])
        #expect(result.root == "/data/corpus")
        #expect(result.paths == ["a.txt", "sub/b.txt"])
    }

    @Test func oneFileIsItsName() {
        let result = assigned([("/home/u/notes", "/home/u/notes/memo.txt")])
        #expect(result.root == "/home/u/notes")
        #expect(result.paths == ["memo.txt"])
    }

    @Test func severalInputsAreRelativeToTheFolderHoldingThemAll() {
        // interviews/ and extra.txt side by side; x.txt in two directories given.
        let side = assigned([("/w/interviews", "/w/interviews/a.txt"), ("/w", "/w/extra.txt"), nil])
        #expect(side.root == "/w")
        #expect(side.paths == ["interviews/a.txt", "extra.txt", "-"])
        let twins = assigned([("/x/corpus", "/x/corpus/x.txt"), ("/y/corpus", "/y/corpus/x.txt")])
        #expect(twins.root == "/")
        #expect(twins.paths == ["x/corpus/x.txt", "y/corpus/x.txt"])
        // A folder's name that merely starts like another's is not a common folder.
        let prefix = assigned([("/d/ab", "/d/ab/1.txt"), ("/d/abc", "/d/abc/2.txt")])
        #expect(prefix.root == "/d")
        #expect(prefix.paths == ["ab/1.txt", "abc/2.txt"])
    }

    @Test func standardInputAloneHasNoRoot() {
        let result = assigned([nil])
        #expect(result.root == nil)
        #expect(result.paths == ["-"])
    }

    /// The scanner lists inputs in report-path order and gives the root.
    @Test func theScannerAssignsReportPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kotoba-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b/x.txt", "a/x.txt", "a/deep/y.md"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("text".utf8).write(to: url)
        }
        let listing = try CorpusScanner().listing(for: [root.appendingPathComponent("b").path, root.appendingPathComponent("a").path + "/"])
        #expect(listing.root == root.standardizedFileURL.path)
        #expect(listing.inputs.map(\.reportPath) == ["a/deep/y.md", "a/x.txt", "b/x.txt"])
        let one = try CorpusScanner().listing(for: [root.appendingPathComponent("a").path])
        #expect(one.inputs.map(\.reportPath) == ["deep/y.md", "x.txt"])
    }
}
