import Analysis
@testable import Corpus
import Dispatch
import Foundation
import Logging
import Synchronization
import Testing
import TestSupport

@testable import Pipeline

/// The work queue's chunks of a many-document input, and a table counted by several workers.
struct WorkQueueTests {
    func file(documentBytes: [Int]) -> CorpusReader.InputFile {
        let documents = documentBytes.enumerated().map { number, bytes in
            SourceDocument(
                path: "t.csv", record: number + 1, format: .plain, encoding: .utf8, byteCount: bytes, sha256: "",
                text: String(repeating: "a", count: bytes))
        }
        return CorpusReader.InputFile(
            path: "t.csv", reportPath: "t.csv", byteCount: documentBytes.reduce(0, +), sha256: "", encoding: .utf8, format: .csv,
            documents: documents)
    }

    @Test func chunksCloseOnceTheyHoldTheBytesAskedFor() {
        // 10 + 10 + 10 reaches 25 at the third document; 5 + 30 at the fifth; the rest is one chunk.
        let job = InputJob(index: 0, file: file(documentBytes: [10, 10, 10, 5, 30, 1, 1]), chunkBytes: 25...25)
        #expect(job.bounds == [0, 3, 5, 7])
        #expect(job.documents(of: 1).map(\.record) == [4, 5])
        // A last document that fills a chunk does not leave an empty one behind.
        #expect(InputJob(index: 0, file: file(documentBytes: [30, 30]), chunkBytes: 25...25).bounds == [0, 1, 2])
        #expect(InputJob(index: 0, file: file(documentBytes: []), chunkBytes: 25...25).bounds == [0, 0])
    }

    /// A chunk closes at an eighth of the text not yet chunked when it opened, within the bounds:
    /// the first chunks of a large input are the largest, the last ones the smallest.
    @Test func chunksShrinkAsTheInputRunsOut() {
        // 100 documents of 10 bytes, chunks of 20 to 80 bytes: 80 bytes while 640 or more are
        // left (1,000 / 8 = 125), then an eighth of what is left (600 / 8 = 75: 80 bytes, the
        // eighth document reaching it; 520 / 8 = 65: 70 bytes; …), then 20 bytes from 150 left.
        let job = InputJob(index: 0, file: file(documentBytes: Array(repeating: 10, count: 100)), chunkBytes: 20...80)
        let sizes = zip(job.bounds, job.bounds.dropFirst()).map { ($1 - $0) * 10 }
        #expect(sizes.reduce(0, +) == 1_000)
        // Each chunk is the eighth of what was left, rounded up to whole documents, within bounds.
        var left = 1_000
        for (number, size) in sizes.enumerated() where number < sizes.count - 1 {
            let target = min(80, max(20, left / 8))
            #expect(size == (target + 9) / 10 * 10, "chunk \(number)")
            left -= size
        }
        #expect(sizes.prefix(6) == [80, 80, 80, 80, 80, 80])
        #expect(sizes.dropLast().last == 20)
        #expect(sizes.last == 10)
        #expect(Array(sizes.dropLast()) == sizes.dropLast().sorted(by: >))
    }

    @Test func onlyTheLastChunkDoneFinishesTheInput() {
        let job = InputJob(index: 0, file: file(documentBytes: [10, 10, 10]), chunkBytes: 10...10)
        #expect(job.finish(2, with: .success(()), counted: 1) == nil)
        #expect(job.finish(0, with: .success(()), counted: 1) == nil)
        let whole = job.finish(1, with: .success(()), counted: 1)
        #expect(whole != nil)
        #expect((try? whole?.outcome.get()) != nil)
        #expect(whole?.counted == 3)
    }

    @Test func aFailedChunkFailsTheInputAndTellsWhatWasCounted() {
        let job = InputJob(index: 0, file: file(documentBytes: [10, 10, 10]), chunkBytes: 10...10)
        #expect(job.finish(0, with: .failure(.internal("first")), counted: 0) == nil)
        #expect(job.finish(2, with: .failure(.internal("second")), counted: 0) == nil)
        let whole = job.finish(1, with: .success(()), counted: 1)
        guard case .failure(.internal(let reason)) = whole?.outcome else {
            Issue.record("a job with a failed chunk succeeded")
            return
        }
        #expect(reason == "first")
        // The chunk that succeeded counted its document: the input cannot simply be left out.
        #expect(whole?.counted == 1)
    }

    @Test func chunksAreTakenBeforeNewInputs() {
        let queue = WorkQueue(schedule: [0, 1])
        guard case .input(0) = queue.next() else {
            Issue.record("the first input was not handed out first")
            return
        }
        queue.split(InputJob(index: 0, file: file(documentBytes: [10, 10, 10]), chunkBytes: 10...10))
        var taken: [String] = []
        while let item = queue.next() {
            switch item {
            case .input(let index):
                taken.append("input \(index)")
                queue.doneReading()
            case .chunk(_, let number): taken.append("chunk \(number)")
            case .cachedChunk(_, let number): taken.append("cached chunk \(number)")
            }
        }
        #expect(taken == ["chunk 1", "chunk 2", "input 1"])
    }

    @Test func aWorkerWithNothingToTakeWaitsForTheChunksOfAnInputBeingRead() {
        let queue = WorkQueue(schedule: [0])
        guard case .input(0) = queue.next() else {
            Issue.record("the input was not handed out")
            return
        }
        let taken = Mutex<[Int]>([])
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue(label: "worker").async {
            // Nothing is queued yet, but input 0 is being read: this waits instead of ending.
            while case .chunk(_, let number) = queue.next() { taken.withLock { $0.append(number) } }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.05)
        queue.split(InputJob(index: 0, file: file(documentBytes: [10, 10, 10]), chunkBytes: 10...10))
        finished.wait()
        #expect(taken.withLock { $0 } == [1, 2])
    }

    @Test func aTableIsCountedAlikeByOneWorkerAndBySeveral() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Enough rows for many chunks, each row a different short answer.
        var table = "id,回答\n"
        let phrases = ["地域の活性化を支援する。", "企業の販路開拓が進む。", "人材育成に取り組む。", "観光客が増えた。"]
        for row in 0..<3_000 {
            table += "\(row),\"\(phrases[row % 4])\(phrases[(row / 4) % 4])\(row)件目。\"\n"
        }
        let input = root.appendingPathComponent("answers.csv")
        try Data(table.utf8).write(to: input)
        #expect(table.utf8.count > 4 * Pipeline.chunkBytes.lowerBound)
        let logger = Logger(label: "kotoba.tests") { _ in SwiftLogNoOpLogHandler() }
        var outputs: [URL] = []
        for jobs in [1, 2, 3] {
            let output = root.appendingPathComponent("out-\(jobs)")
            let configuration = PipelineConfiguration(
                inputs: [input.path], output: output.path, jobs: jobs, minimumPairCount: 1, textColumn: "回答")
            let summary = try Pipeline(configuration: configuration, logger: logger).run()
            #expect(summary.documents == 3_000)
            outputs.append(output)
        }
        // With the cache: the chunks' records are stored as they are made, then read back whole.
        let cache = root.appendingPathComponent("cache")
        for (jobs, force) in [(2, false), (1, true), (3, true)] {
            let output = root.appendingPathComponent("out-cached-\(jobs)")
            let configuration = PipelineConfiguration(
                inputs: [input.path], output: output.path, jobs: jobs, minimumPairCount: 1, textColumn: "回答",
                cache: cache.path)
            let summary = try Pipeline(configuration: configuration, logger: logger, force: force).run()
            #expect(summary.documents == 3_000)
            #expect(summary.cached == (force ? 1 : 0), "read from the cache: \(summary.cached) inputs")
            outputs.append(output)
        }
        // A damaged chunk record (the first record of each worker's segment is one of its chunks:
        // the input's own entry comes last) is analyzed again, with a warning; the rest come from
        // the cache, and the counts are the same.
        let segments = (FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "pack" }
        #expect(!segments.isEmpty)
        for segment in segments {
            var bytes = try Data(contentsOf: segment)
            bytes[PackSegment.headerSize + 60] ^= 0x04
            try bytes.write(to: segment)
        }
        let warnings = WarningRecorder.Warnings()
        let recording = Logger(label: "kotoba.tests") { _ in WarningRecorder(warnings: warnings) }
        let output = root.appendingPathComponent("out-damaged")
        let configuration = PipelineConfiguration(
            inputs: [input.path], output: output.path, jobs: 2, minimumPairCount: 1, textColumn: "回答", cache: cache.path)
        let summary = try Pipeline(configuration: configuration, logger: recording, force: true).run()
        #expect(summary.documents == 3_000)
        #expect(summary.cached == 1)
        #expect(warnings.list.withLock { $0 }.filter { $0.hasPrefix("a cached analysis is damaged") }.count == segments.count)
        outputs.append(output)
        for name in ["documents.csv", "term_frequency.csv", "cooccurrence.csv", "document_terms.csv"] {
            let single = try Data(contentsOf: outputs[0].appendingPathComponent(name))
            for output in outputs.dropFirst() {
                #expect(try Data(contentsOf: output.appendingPathComponent(name)) == single, "\(name) differs")
            }
        }
    }
}

/// Keeps the warnings a run logs.
struct WarningRecorder: LogHandler {
    final class Warnings: Sendable {
        let list = Mutex<[String]>([])
    }

    let warnings: Warnings
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .warning

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if event.level == .warning { warnings.list.withLock { $0.append(event.message.description) } }
    }
}
