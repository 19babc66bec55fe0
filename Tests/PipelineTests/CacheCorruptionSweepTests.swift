import Analysis
import Corpus
import Foundation
import Testing
import TestSupport

@testable import Pipeline

/// A segment of three records damaged in every way a disk, a copy or a hand can damage it: cut
/// at every byte, every byte changed, each record dropped. Whatever the damage, a lookup gives
/// the entry stored under that key, exactly, or nothing (absent or damaged): never another entry,
/// never a crash.
struct CacheCorruptionSweepTests {
    typealias Fixture = AnalysisRecordTests

    /// Three entries told apart by their encoding and document count, under three keys.
    static let stored: [(sha256: String, entry: AnalysisCache.Entry)] = [
        (String(repeating: "1a", count: 32), Fixture.entry),
        (String(repeating: "2b", count: 32), AnalysisCache.Entry(encoding: .eucJP, analyses: Array(Fixture.entry.analyses.prefix(1)))),
        (String(repeating: "3c", count: 32), AnalysisCache.Entry(encoding: .utf16BE, analyses: Fixture.entry.analyses.reversed())),
    ]

    /// A cache under a new folder with the three entries in one segment; the segment's path.
    func filled() throws -> (root: URL, segment: URL) {
        let root = try TestSupport.temporaryDirectory()
        let cache = AnalysisCache(directory: root, identity: "sweep", themeCount: 3)
        let writer = cache.writer()
        for (sha256, entry) in Self.stored { #expect(writer.store(entry, sha256: sha256, format: .plain) == nil) }
        #expect(writer.finish() == nil)
        let folder = root.appendingPathComponent("v2/sweep")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".pack") })
        return (root, folder.appendingPathComponent(name))
    }

    /// Writes `bytes` as the segment and checks every lookup: the stored entry or none. Returns
    /// how many lookups found their entry.
    func check(_ bytes: Data, at segment: URL, root: URL, _ what: String) throws -> Int {
        try bytes.write(to: segment)
        let cache = AnalysisCache(directory: root, identity: "sweep", themeCount: 3)
        var found = 0
        for (sha256, entry) in Self.stored {
            switch cache.lookup(sha256: sha256, format: .plain) {
            case .hit(let got):
                #expect(got == entry, "\(what): a wrong entry for \(sha256.prefix(4))")
                found += 1
            case .absent, .damaged:
                break
            }
        }
        return found
    }

    @Test func everyCutEveryChangedByteAndEveryDroppedRecordIsAMissOrTheEntry() throws {
        let (root, segment) = try filled()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try Data(contentsOf: segment)
        #expect(try check(whole, at: segment, root: root, "whole") == 3)

        // Cut at every byte: no segment without its trailer is opened, and it is removed.
        for length in 0..<whole.count {
            #expect(try check(whole.prefix(length), at: segment, root: root, "cut at \(length)") == 0)
            #expect(!FileManager.default.fileExists(atPath: segment.path), "cut at \(length): a damaged segment stays")
        }
        // Every byte changed (its low bit, or its high bit, in turn): at most the records the
        // change is not in come back.
        var damagedLookups = 0
        for offset in 0..<whole.count {
            for mask: UInt8 in [offset % 2 == 0 ? 0x01 : 0x80] {
                var changed = whole
                changed[offset] ^= mask
                let found = try check(changed, at: segment, root: root, "byte \(offset) ^ \(mask)")
                #expect(found < 3, "byte \(offset) ^ \(mask) changed nothing that is checked")
                damagedLookups += 3 - found
            }
        }
        #expect(damagedLookups >= whole.count)

        // Each record dropped, the index left as it was: the others may come back, it does not.
        try whole.write(to: segment)
        let (_, index) = try #require(PackSegment.open(path: segment.path, identity: CacheKey(digestOf: "sweep")))
        for entry in index {
            var dropped = whole
            dropped.removeSubrange(entry.location.offset..<(entry.location.offset + entry.location.length))
            #expect(try check(dropped, at: segment, root: root, "record at \(entry.location.offset) dropped") == 0)
        }
    }

    @Test func aDamagedRecordIsToldApartFromAMissingOneAndItsNewCopyIsFoundFirst() throws {
        let (root, segment) = try filled()
        defer { try? FileManager.default.removeItem(at: root) }
        var bytes = try Data(contentsOf: segment)
        let (_, index) = try #require(PackSegment.open(path: segment.path, identity: CacheKey(digestOf: "sweep")))
        let first = try #require(index.first)
        bytes[first.location.offset + first.location.length / 2] ^= 0x10
        try bytes.write(to: segment)
        let cache = AnalysisCache(directory: root, identity: "sweep", themeCount: 3)
        #expect(cache.lookup(sha256: Self.stored[0].sha256, format: .plain) == .damaged)
        #expect(cache.lookup(sha256: Self.stored[1].sha256, format: .plain) == .hit(Self.stored[1].entry))
        #expect(cache.lookup(sha256: String(repeating: "4d", count: 32), format: .plain) == .absent)
        // Stored again (as a run does after analyzing it again): found, in this run and the next.
        let writer = cache.writer()
        #expect(writer.store(Self.stored[0].entry, sha256: Self.stored[0].sha256, format: .plain) == nil)
        #expect(writer.finish() == nil)
        #expect(cache.lookup(sha256: Self.stored[0].sha256, format: .plain) == .hit(Self.stored[0].entry))
        let next = AnalysisCache(directory: root, identity: "sweep", themeCount: 3)
        #expect(next.lookup(sha256: Self.stored[0].sha256, format: .plain) == .hit(Self.stored[0].entry))
        #expect(next.removedSegments.isEmpty)
    }
}
