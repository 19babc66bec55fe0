import Foundation
import Logging
import Testing
import TestSupport

@testable import Pipeline

/// The bytes the run key read, handed to the worker that analyzes the input first.
struct FirstReadTests {
    @Test func handsItsBytesOverOnceAndOnlyForItsInput() {
        let read = FirstRead(index: 2, data: Data("語".utf8))
        #expect(read.size == 3)
        #expect(read.take(1) == nil)
        #expect(read.take(2) == Data("語".utf8))
        // Taken: a second worker (or a second pass) reads the file itself.
        #expect(read.take(2) == nil)
    }

    @Test func theRunKeyKeepsTheLargestInputTiesToTheEarliest() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Listed in path order: a (3 bytes), b (12), c (12), d (6). The analysis takes b first.
        try TestSupport.write(
            [
                "a.txt": Data("一".utf8), "b.txt": Data("一二三四".utf8), "c.txt": Data("五六七八".utf8),
                "d.txt": Data("九十".utf8),
            ], in: root)
        let configuration = PipelineConfiguration(inputs: [root.path], output: root.appendingPathComponent("out").path, jobs: 2)
        let pipeline = Pipeline(configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let setup = try pipeline.setUp(openingCache: false)
        let listing = try pipeline.list()
        let hashed = pipeline.hashInputs(listing)
        #expect(pipeline.runKey(listing, setup: setup, digests: hashed.digests) != nil)
        #expect(hashed.digests.allSatisfy { $0 != nil })
        let names = listing.inputs.map(\.reportPath)
        #expect(hashed.sizes == names.map { ["a.txt": 3, "b.txt": 12, "c.txt": 12, "d.txt": 6][$0] })
        let first = try #require(hashed.firstRead)
        #expect(names[first.index] == "b.txt")
        // The order the analysis takes the inputs in is the same from the sizes read as from the files.
        let fromFiles = Pipeline.largestFirst(listing.inputs).map(\.index)
        #expect(Pipeline.largestFirst(listing.inputs, sizes: hashed.sizes).map(\.index) == fromFiles)
        #expect(Pipeline.largestFirst(listing.inputs, sizes: hashed.sizes).first?.index == first.index)
        #expect(first.take(first.index) == Data("一二三四".utf8))
    }
}
