import Foundation
import Testing
import TestSupport

/// A run over an unchanged corpus with unchanged settings writes nothing (`RunKey`): the output
/// keeps its bytes and times. Any change that could change a report runs again.
struct UpToDateTests {
    let batch = BatchTests()

    func run(_ root: URL, _ extra: [String] = []) throws -> TestSupport.ProcessResult {
        let result = try batch.kotoba(["run", "corpus", "--themes", "themes.yml", "--no-cache", "-o", "out"] + extra, in: root)
        #expect(result.status == 0, "\(result.standardError)")
        return result
    }

    func manifest(_ root: URL) throws -> Data { try Data(contentsOf: root.appendingPathComponent("out/manifest.json")) }

    func modified(_ root: URL, _ name: String) throws -> Date {
        try #require(
            try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("out/" + name).path)[.modificationDate]
                as? Date)
    }

    @Test func anUnchangedRunWritesNothing() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try run(root)
        let first = try manifest(root)
        let written = try modified(root, "term_frequency.csv")
        // Another worker count does not change the reports.
        let again = try run(root, ["-j", "1"])
        #expect(again.standardError.contains("up to date"))
        #expect(try manifest(root) == first)
        #expect(try modified(root, "term_frequency.csv") == written)
    }

    @Test func anyChangeRunsAgain() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try run(root)
        let unchanged = { (result: TestSupport.ProcessResult) in result.standardError.contains("up to date") }
        // A report setting.
        #expect(!unchanged(try run(root, ["--min-pair-count", "3"])))
        #expect(unchanged(try run(root, ["--min-pair-count", "3"])))
        // An input's bytes.
        try Data("新しい支援の話。".utf8).write(to: root.appendingPathComponent("corpus/a.txt"))
        #expect(!unchanged(try run(root, ["--min-pair-count", "3"])))
        // A damaged report is written again, whole.
        let terms = root.appendingPathComponent("out/term_frequency.csv")
        let good = try Data(contentsOf: terms)
        try Data("rank,term\n".utf8).write(to: terms)
        #expect(!unchanged(try run(root, ["--min-pair-count", "3"])))
        #expect(try Data(contentsOf: terms) == good)
        // --force runs anyway, and makes its key after the analysis: the next run is up to date.
        #expect(!unchanged(try run(root, ["--min-pair-count", "3", "--force"])))
        #expect(unchanged(try run(root, ["--min-pair-count", "3"])))
    }
}
