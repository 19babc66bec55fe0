import Foundation
import Logging
import Testing
import TestSupport

@testable import Pipeline

/// A run that cannot be up to date makes its key after the analysis, from the digests of the
/// bytes its workers read (`Pipeline.runKey(_:setup:records:)`); the next run compares it with the
/// key it makes by reading and hashing every input first. The two must be one key.
struct RunKeyTests {
    /// A corpus of a text, a Markdown file and a table long enough to be analyzed in several
    /// chunks (`Pipeline.chunkBytes`), with a fresh output folder.
    func pipeline(in root: URL, jobs: Int, cache: Bool = false) throws -> Pipeline {
        var table = "id,回答\n"
        for row in 1...3_000 {
            table += "R\(row),地域の小規模事業者を支援する取り組みについて、回答その\(row)です。\n"
        }
        try TestSupport.write(
            [
                "corpus/a.txt": Data("地域活性化の話。\n\n小規模事業者の声を聞く。".utf8),
                "corpus/b.md": Data("# 見出し\n\n本文の段落です。".utf8),
                "corpus/survey.csv": Data(table.utf8),
            ], in: root)
        var configuration = PipelineConfiguration(
            inputs: [root.appendingPathComponent("corpus").path], output: root.appendingPathComponent("out").path,
            jobs: jobs)
        configuration.textColumn = "回答"
        configuration.cache = cache ? root.appendingPathComponent("cache").path : nil
        return Pipeline(configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    @Test(arguments: [1, 2])
    func theKeyMadeAfterTheAnalysisIsTheKeyOfHashingFirst(jobs: Int) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = try pipeline(in: root, jobs: jobs)
        let setup = try pipeline.setUp(openingCache: false)
        let listing = try pipeline.list()
        let digests = pipeline.hashInputs(listing).digests
        let hashedFirst = try #require(pipeline.runKey(listing, setup: setup, digests: digests))
        let analyzed = try pipeline.analyze(listing.inputs, setup: setup, restrictingPairs: true)
        #expect(analyzed.records.count == 3)
        #expect(analyzed.counts.documentCount == 3_002)
        let afterwards = try #require(pipeline.runKey(listing, setup: setup, records: analyzed.records))
        #expect(afterwards.value == hashedFirst.value)
        // An input without a record (one that failed) leaves the run without a key.
        #expect(pipeline.runKey(listing, setup: setup, records: Array(analyzed.records.dropLast())) == nil)
    }

    @Test func aRunIntoAFreshOutputRecordsAKeyTheNextRunFindsUpToDate() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = try pipeline(in: root, jobs: 2, cache: true)
        #expect(RunKey.recorded(at: pipeline.configuration.output) == nil)
        let first = try pipeline.run()
        #expect(!first.upToDate)
        let recorded = try #require(RunKey.recorded(at: pipeline.configuration.output))
        #expect(recorded.runKey != nil)
        let again = try pipeline.run()
        #expect(again.upToDate)
    }
}
