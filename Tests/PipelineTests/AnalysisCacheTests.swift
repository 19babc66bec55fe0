import Analysis
import Corpus
import Foundation
import Testing
import TestSupport

@testable import Pipeline

/// The cache's segment files and its writers: what is stored is found, by the run and by others,
/// and anything damaged is a miss, never a crash or a wrong entry.
struct AnalysisCacheTests {
    typealias Fixture = AnalysisRecordTests

    static let sha256 = Fixture.sha256

    /// The pack files below `root`.
    func segments(_ root: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "pack" }.sorted { $0.path < $1.path }
    }

    /// Stores the fixture's entry under `sha256` (as a CSV) in a cache under `root`; returns
    /// the segment this made.
    func filledCache(_ root: URL, sha256: String = sha256) throws -> URL {
        let before = segments(root)
        let cache = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        let writer = cache.writer()
        #expect(writer.store(Fixture.entry, sha256: sha256, format: .csv) == nil)
        #expect(writer.finish() == nil)
        return try #require(segments(root).first { !before.contains($0) })
    }

    func load(_ root: URL, sha256: String = sha256) -> AnalysisCache.Entry? {
        AnalysisCache(directory: root, identity: "test-identity", themeCount: 3).load(sha256: sha256, format: .csv)
    }

    @Test func keysTellInputsAndFormatsApart() {
        let digest = ContentHash.sha256(Data("地域".utf8))
        let key = CacheKey(sha256: digest, format: .plain)
        #expect(key == CacheKey(sha256: digest, format: .plain))
        #expect(key != CacheKey(sha256: digest, format: .markdown))
        #expect(key != CacheKey(sha256: ContentHash.sha256(Data("地域。".utf8)), format: .plain))
        // The digest's bytes in order, as a reader of the file would expect them.
        var bytes: [UInt8] = []
        key.append(to: &bytes)
        #expect(bytes.prefix(32).map { String(format: "%02x", $0) }.joined() == digest)
        #expect(CacheKey(sha256: "not hex", format: .plain) != CacheKey(sha256: "not hex!", format: .plain))
    }

    @Test func anEntryInChunksComesBackWholeOrNotAtAll() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        let (first, second) = (cache.writer(), cache.writer())
        let part = AnalysisCache.Entry(encoding: Fixture.entry.encoding, analyses: Fixture.entry.analyses)
        // Chunks stored by two workers, the input's entry (two chunks) last.
        #expect(second.storeChunk(1, part, sha256: Self.sha256, format: .csv) == nil)
        #expect(first.storeChunk(0, part, sha256: Self.sha256, format: .csv) == nil)
        let whole = AnalysisCache.Entry(encoding: part.encoding, analyses: [], chunks: 2)
        #expect(first.store(whole, sha256: Self.sha256, format: .csv) == nil)
        #expect(second.finish() == nil)
        let secondSegment = try #require(segments(root).first)
        #expect(first.finish() == nil)
        #expect(segments(root).count == 2)
        let loaded = try #require(load(root))
        #expect(loaded.chunks == 0)
        #expect(loaded.analyses == part.analyses + part.analyses)
        // A chunk's key is no input's key.
        let key = CacheKey(sha256: Self.sha256, format: .csv)
        #expect(key.chunk(0) != key && key.chunk(0) != key.chunk(1))
        // Without its second chunk (that worker's segment gone), the input is a miss.
        // Read chunk by chunk, as a run's workers do: the head names two, each comes back alone.
        let reopened = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        #expect(reopened.head(sha256: Self.sha256, format: .csv)?.chunks == 2)
        #expect(reopened.chunk(1, sha256: Self.sha256, format: .csv)?.analyses == part.analyses)
        #expect(reopened.chunk(2, sha256: Self.sha256, format: .csv) == nil)
        try FileManager.default.removeItem(at: secondSegment)
        #expect(load(root) == nil)
        // A chunk missing from the index: no head either, so no worker starts counting it.
        #expect(AnalysisCache(directory: root, identity: "test-identity", themeCount: 3).head(sha256: Self.sha256, format: .csv) == nil)
    }

    @Test func anEntryComesBackFromTheCacheAndTouchesItsSegment() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let segment = try filledCache(root)
        #expect(segment.path.contains("/v2/test-identity/"))
        let old = Date().addingTimeInterval(-10 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: segment.path)
        #expect(load(root) == Fixture.entry)
        #expect(load(root, sha256: String(repeating: "1f", count: 32)) == nil)
        #expect(try #require(AnalysisCache.modificationDate(segment.path)) > old.addingTimeInterval(86_400))
        // Another identity does not see it.
        #expect(AnalysisCache(directory: root, identity: "other", themeCount: 3).load(sha256: Self.sha256, format: .csv) == nil)
    }

    /// Past `openSegmentLimit`, segments are opened for each read; they work the same.
    @Test func aSegmentOpenedForEachReadWorksTheSame() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = try filledCache(root).path
        let old = Date().addingTimeInterval(-10 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        let (segment, index) = try #require(
            PackSegment.open(path: path, identity: CacheKey(digestOf: "test-identity"), keepingOpen: false))
        let location = try #require(index.first).location
        let bytes = try #require(segment.record(at: location))
        let key = CacheKey(sha256: Self.sha256, format: .csv)
        #expect(AnalysisRecord.decode(bytes, key: key, themeCount: 3) == Fixture.entry)
        segment.markUsed()
        #expect(try #require(AnalysisCache.modificationDate(path)) > old.addingTimeInterval(86_400))
        // Gone since the index was read: a miss.
        try FileManager.default.removeItem(atPath: path)
        #expect(segment.record(at: location) == nil)
    }

    @Test func aFlippedByteInARecordIsAMiss() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let segment = try filledCache(root)
        var bytes = try Data(contentsOf: segment)
        // A byte of the record's body, past the segment header and the record's own header.
        bytes[PackSegment.headerSize + 60] ^= 0x04
        try bytes.write(to: segment)
        #expect(load(root) == nil)
    }

    @Test func anEditedRecordWithARepairedChecksumIsStillChecked() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let segment = try filledCache(root)
        let original = [UInt8](try Data(contentsOf: segment))
        let (record, key) = AnalysisRecordTests.record()
        #expect(Array(original[PackSegment.headerSize..<(PackSegment.headerSize + record.count)]) == record)
        // A segment whose record has a sentence's term pointing past the entries, with every
        // checksum made to fit.
        var changed = AnalysisRecord.Encoder()
        changed.append(
            AnalysisCache.Entry(encoding: .cp932, analyses: [DocumentAnalysis(
                summary: Fixture.entry.analyses[1].summary, entries: [],
                sentences: [DocumentAnalysis.Sentence(terms: [4], themeOccurrences: [0, 0, 0])])]),
            key: key, themeCount: 3)
        var bytes = PackSegment.header(identity: CacheKey(digestOf: "test-identity"))
        bytes += changed.bytes
        let location = PackSegment.Location(
            offset: PackSegment.headerSize, length: changed.bytes.count, checksum: RecordChecksum.of(changed.bytes))
        PackSegment.appendFooter([.init(key: key, location: location)], indexOffset: bytes.count, to: &bytes)
        try Data(bytes).write(to: segment)
        #expect(load(root) == nil)
        #expect(AnalysisRecord.decode(changed.bytes, key: key, themeCount: 3) == nil)
    }

    @Test func aTruncatedSegmentOrFooterIsAMiss() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let segment = try filledCache(root)
        let whole = try Data(contentsOf: segment)
        #expect(load(root) == Fixture.entry)
        for cut in [1, 8, PackSegment.trailerSize, PackSegment.trailerSize + 1, whole.count / 2, whole.count - 10, whole.count] {
            try whole.prefix(whole.count - cut).write(to: segment)
            #expect(load(root) == nil, "cut \(cut)")
        }
        // Bytes added after the footer, or a footer that says it has more entries.
        try (whole + Data([0])).write(to: segment)
        #expect(load(root) == nil)
        var more = whole
        more[whole.count - 24] &+= 1
        try more.write(to: segment)
        #expect(load(root) == nil)
    }

    @Test func twoWritersOfOneRunAndTwoRunsAllFindTheirEntries() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let keys = (0..<4).map { String(repeating: "\($0)a", count: 32) }
        let run = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        let (first, second) = (run.writer(), run.writer())
        #expect(first.store(Fixture.entry, sha256: keys[0], format: .csv) == nil)
        #expect(second.store(Fixture.entry, sha256: keys[1], format: .csv) == nil)
        // The same input analyzed by both.
        #expect(first.store(Fixture.entry, sha256: keys[2], format: .csv) == nil)
        #expect(second.store(Fixture.entry, sha256: keys[2], format: .csv) == nil)
        // Not before the writers finish; then by the run itself (a second pass) and by others.
        #expect(run.load(sha256: keys[0], format: .csv) == nil)
        #expect(first.finish() == nil && second.finish() == nil)
        for key in keys.prefix(3) { #expect(first.load(sha256: key, format: .csv) == Fixture.entry) }
        #expect(segments(root).count == 2)

        // Another run, open at the same time, writes the same key to a segment of its own.
        let other = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        let writer = other.writer()
        #expect(writer.store(Fixture.entry, sha256: keys[2], format: .csv) == nil)
        #expect(writer.store(Fixture.entry, sha256: keys[3], format: .csv) == nil)
        #expect(writer.finish() == nil)
        #expect(segments(root).count == 3)
        for key in keys { #expect(load(root, sha256: key) == Fixture.entry) }
        // A writer that stored nothing leaves no file.
        #expect(other.writer().finish() == nil)
        #expect(segments(root).count == 3)
    }

    @Test func aDamagedCopyOfAnEntryFallsBackToAnother() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let damaged = try filledCache(root)
        var bytes = try Data(contentsOf: damaged)
        bytes[PackSegment.headerSize + 60] ^= 0x04
        try bytes.write(to: damaged)
        let cache = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        let writer = cache.writer()
        #expect(writer.store(Fixture.entry, sha256: Self.sha256, format: .csv) == nil)
        #expect(writer.finish() == nil)
        #expect(segments(root).count == 2)
        #expect(load(root) == Fixture.entry)
    }

    @Test func aFailureToWriteIsReportedOnceAndTheRunGoesOn() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A file where the cache's folder would be: no one, root included, can write below it.
        let blocked = root.appendingPathComponent("cache")
        try Data().write(to: blocked)
        let cache = AnalysisCache(directory: blocked, identity: "test-identity", themeCount: 3)
        let (first, second) = (cache.writer(), cache.writer())
        #expect(first.store(Fixture.entry, sha256: Self.sha256, format: .csv) != nil)
        #expect(first.store(Fixture.entry, sha256: Self.sha256, format: .csv) == nil)
        #expect(second.store(Fixture.entry, sha256: Self.sha256, format: .csv) == nil)
        #expect(first.finish() == nil && second.finish() == nil)
        #expect(cache.load(sha256: Self.sha256, format: .csv) == nil)
    }

    @Test func pruningRemovesOldSegmentsAndStaleUnfinishedOnes() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        let old = try filledCache(root)
        let kept = try filledCache(root, sha256: String(repeating: "2b", count: 32))
        let folder = old.deletingLastPathComponent()
        // An unfinished segment of a killed run, and one being written now.
        let stale = folder.appendingPathComponent("dead.pack.tmp")
        let fresh = folder.appendingPathComponent("live.pack.tmp")
        try Data([1, 2, 3]).write(to: stale)
        try Data([1, 2, 3]).write(to: fresh)
        let now = Date()
        try fileManager.setAttributes([.modificationDate: now.addingTimeInterval(-40 * 86_400)], ofItemAtPath: old.path)
        try fileManager.setAttributes([.modificationDate: now.addingTimeInterval(-2 * 86_400)], ofItemAtPath: stale.path)

        #expect(AnalysisCache.prune(directory: root, olderThan: 30 * 86_400, now: now) == 1)
        #expect(!fileManager.fileExists(atPath: old.path) && !fileManager.fileExists(atPath: stale.path))
        #expect(fileManager.fileExists(atPath: kept.path) && fileManager.fileExists(atPath: fresh.path))
        #expect(load(root) == nil)
        #expect(load(root, sha256: String(repeating: "2b", count: 32)) == Fixture.entry)

        // Opening the cache clears a stale unfinished segment of its identity too.
        try fileManager.setAttributes([.modificationDate: now.addingTimeInterval(-2 * 86_400)], ofItemAtPath: fresh.path)
        _ = AnalysisCache(directory: root, identity: "test-identity", themeCount: 3)
        #expect(!fileManager.fileExists(atPath: fresh.path))

        // With no age, everything goes, and the emptied identity folder with it.
        #expect(AnalysisCache.prune(directory: root, olderThan: 0, now: now.addingTimeInterval(1)) == 1)
        #expect(segments(root).isEmpty && !fileManager.fileExists(atPath: folder.path))
    }
}
