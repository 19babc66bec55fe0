import Foundation
import Testing
import TestSupport

@testable import Corpus

struct CorpusScannerTests {
    @Test func directoriesAreWalkedRecursivelyInByteOrderAndOtherFilesAreListed() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(
            [
                "corpus/b.txt": Data("b".utf8), "corpus/a.md": Data("a".utf8),
                "corpus/sub/c.TXT": Data("c".utf8), "corpus/themes.yml": Data("x".utf8), "corpus/d.tsv": Data("t".utf8),
                "corpus/.hidden.txt": Data("h".utf8), "corpus/.git/d.txt": Data("d".utf8),
                "single.csv": Data("s".utf8),
            ], in: root)
        let corpus = root.appendingPathComponent("corpus").path
        let single = root.appendingPathComponent("single.csv").path
        let listing = try CorpusScanner().listing(for: [single, corpus, corpus + "/b.txt"])
        #expect(
            listing.inputs.map(\.displayPath) == [
                corpus + "/a.md", corpus + "/b.txt", corpus + "/d.tsv", corpus + "/sub/c.TXT", single,
            ].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(listing.ignored == [corpus + "/themes.yml"])
        #expect(listing.inputs.map(\.relativePath) == ["a.md", "b.txt", "d.tsv", "sub/c.TXT", "single.csv"])
    }

    /// The scan keeps each file's size as its `stat` found it (scheduling and progress read it
    /// without asking again), for files found in a folder and files named alone; the size is
    /// not part of an input's identity.
    @Test func scannedFilesKeepTheirSizes() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(
            ["corpus/a.txt": Data("あいう".utf8), "corpus/sub/b.txt": Data(count: 1_234), "single.txt": Data("xy".utf8)],
            in: root)
        let corpus = root.appendingPathComponent("corpus").path
        let single = root.appendingPathComponent("single.txt").path
        let listing = try CorpusScanner().listing(for: [corpus, single])
        #expect(listing.inputs.map(\.size) == [9, 1_234, 2])
        // Once scanned, the size is the scan's: a file grown since is scheduled by it.
        try Data(count: 50).write(to: root.appendingPathComponent("corpus/a.txt"))
        #expect(listing.inputs[0].size == 9)
        let unscanned = InputSource(displayPath: listing.inputs[0].displayPath, relativePath: "a.txt", origin: listing.inputs[0].origin)
        #expect(unscanned.size == 50)
        var scanned = listing.inputs[0]
        scanned.reportPath = unscanned.reportPath
        #expect(scanned == unscanned && scanned.hashValue == unscanned.hashValue)
    }

    @Test func everyMissingPathIsReported() throws {
        #expect {
            try CorpusScanner().listing(for: ["/nonexistent/a.txt", "/nonexistent/b"])
        } throws: { error in
            (error as? CorpusScanner.Failure)?.problems == [
                .missing(path: "/nonexistent/a.txt"), .missing(path: "/nonexistent/b"),
            ]
        }
    }

    @Test func standardInputIsReadOnceAsADocumentNamedDash() throws {
        let scanner = CorpusScanner(readStandardInput: { Data("標準入力".utf8) })
        let listing = try scanner.listing(for: ["-"])
        #expect(listing.inputs.map(\.displayPath) == ["-"])
        let document = try CorpusReader().read(listing.inputs[0]).documents[0]
        #expect(document.text == "標準入力")
        #expect(document.byteCount == 12)
    }

    @Test func loadingHashesTheBytesAndRefusesInvalidUTF8() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["ok.txt": Data("abc".utf8), "bad.txt": Data([0x61, 0xFF])], in: root)
        let ok = InputSource(displayPath: "ok.txt", origin: .file(root.appendingPathComponent("ok.txt")))
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        #expect(
            try CorpusReader().read(ok).sha256
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let bad = InputSource(displayPath: "bad.txt", origin: .file(root.appendingPathComponent("bad.txt")))
        #expect(throws: CorpusError.invalidBytes(path: "bad.txt", encoding: .utf8, offset: 1)) {
            try CorpusReader(decoder: TextDecoder(encoding: .utf8)).read(bad)
        }
        let gone = InputSource(displayPath: "gone.txt", origin: .file(root.appendingPathComponent("gone.txt")))
        #expect(throws: CorpusError.missing(path: "gone.txt")) { try CorpusReader().read(gone) }
    }
}
