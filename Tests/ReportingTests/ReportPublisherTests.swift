import Foundation
import Testing
import TestSupport

@testable import Reporting

struct ReportPublisherTests {
    struct Broken: Error {}

    func files(_ contents: String) -> [ReportFile] {
        ["a.csv", "b.csv", "graph/c.csv"].map { name in
            ReportFile(name: name) { Data("\(name) \(contents)".utf8) }
        }
    }

    func read(_ url: URL, _ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func publishesEveryFileAndTheManifestListingThem() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let published = try ReportPublisher().publish(files("v1"), to: output) { files in
            Data(files.map { "\($0.path) \($0.bytes)" }.joined(separator: "\n").utf8)
        }
        #expect(published.map(\.path) == ["a.csv", "b.csv", "graph/c.csv", "manifest.json"])
        #expect(try read(output, "graph/c.csv") == "graph/c.csv v1")
        #expect(try read(output, "manifest.json") == "a.csv 8\nb.csv 8\ngraph/c.csv 14")
        // Nothing is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    @Test func aFailedRunLeavesThePreviousOutputIntact() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        try ReportPublisher().publish(files("v1"), to: output) { _ in Data("{}".utf8) }
        let broken = files("v2") + [ReportFile(name: "z.csv") { throw Broken() }]
        #expect(throws: ReportError.self) {
            try ReportPublisher().publish(broken, to: output) { _ in Data("{}".utf8) }
        }
        #expect(try read(output, "a.csv") == "a.csv v1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
        // And a later run replaces it.
        try ReportPublisher().publish(files("v3"), to: output) { _ in Data("{}".utf8) }
        #expect(try read(output, "a.csv") == "a.csv v3")
    }

    @Test func aDirectoryKotobaDidNotWriteIsNeverReplaced() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["mine/notes.txt": Data("keep".utf8)], in: root)
        let output = root.appendingPathComponent("mine")
        #expect(throws: ReportError.notAnOutputDirectory(path: output.path)) {
            try ReportPublisher().publish(files("v1"), to: output) { _ in Data() }
        }
        #expect(try read(output, "notes.txt") == "keep")
    }

    @Test func anOutputMovedAsideByAKilledRunIsRecovered() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A run killed between its two renames leaves only .out.previous.
        try TestSupport.write([".out.previous/manifest.json": Data("old".utf8)], in: root)
        let output = root.appendingPathComponent("out")
        #expect(throws: ReportError.self) {
            try ReportPublisher().publish([ReportFile(name: "x") { throw Broken() }], to: output) { _ in Data() }
        }
        #expect(try read(output, "manifest.json") == "old")
    }

    @Test func stagingLeftByAKilledRunIsRemovedAndALiveRunsIsNot() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // PID 2147483646 cannot exist (above Linux's pid_max); the test's own PID does.
        let dead = ".out.staging-2147483646-abcd1234"
        let live = ".out.staging-\(ProcessInfo.processInfo.processIdentifier)-abcd1234"
        try TestSupport.write([dead + "/a.csv": Data(), live + "/a.csv": Data()], in: root)
        try ReportPublisher().publish(files("v1"), to: root.appendingPathComponent("out")) { _ in Data() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [live, "out"])
    }
}
