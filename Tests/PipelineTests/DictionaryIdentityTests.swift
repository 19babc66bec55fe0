import Foundation
import Testing
import TestSupport

@testable import Pipeline

/// The dictionary's identity with and without the memo of earlier runs.
struct DictionaryIdentityTests {
    @Test func theMemoGivesTheSameDigestsUntilAFileChanges() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dictionary = root.appendingPathComponent("dic")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestSupport.ipadic), to: dictionary)
        let memo = root.appendingPathComponent("cache")

        // The copy has just changed: a stamp is trusted once the file has settled, so these runs
        // happen a minute later.
        let later = Date().addingTimeInterval(60)
        let hashed = try DictionaryIdentity(directory: dictionary.path)
        let first = try DictionaryIdentity(directory: dictionary.path, memo: memo, now: later)
        let memoFiles = try FileManager.default.contentsOfDirectory(atPath: memo.appendingPathComponent("dictionaries").path)
        #expect(memoFiles.count == 1)
        let second = try DictionaryIdentity(directory: dictionary.path, memo: memo, now: later)
        #expect(first.sha256 == hashed.sha256 && second.sha256 == hashed.sha256)
        #expect(second.files == hashed.files)

        // A changed file is hashed again, even at the same size: its times change.
        let dicrc = dictionary.appendingPathComponent("dicrc")
        var bytes = try Data(contentsOf: dicrc)
        bytes[bytes.count - 1] = bytes[bytes.count - 1] == 0x0A ? 0x20 : 0x0A
        try bytes.write(to: dicrc)
        // Filesystems whose clocks tick coarsely could give the rewrite the same time: move it.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(10)], ofItemAtPath: dicrc.path)
        let changed = try DictionaryIdentity(directory: dictionary.path, memo: memo, now: later)
        #expect(changed.sha256 != hashed.sha256)
        #expect(changed.sha256 == (try DictionaryIdentity(directory: dictionary.path)).sha256)

        // A memo that is not JSON is ignored, and rewritten.
        let memoFile = memo.appendingPathComponent("dictionaries").appendingPathComponent(memoFiles[0])
        try Data("not json".utf8).write(to: memoFile)
        #expect(try DictionaryIdentity(directory: dictionary.path, memo: memo, now: later).sha256 == changed.sha256)
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: memoFile))) != nil)
    }

    @Test func theSharedMemoServesAFreshCacheAndAFileJustChangedIsNotRecorded() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dictionary = root.appendingPathComponent("dic")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestSupport.ipadic), to: dictionary)
        let (home, first, second) = (
            root.appendingPathComponent("home"), root.appendingPathComponent("first"), root.appendingPathComponent("second")
        )
        func memos(_ folder: URL) -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("dictionaries").path)) ?? []
        }

        // Just copied: hashed, and nothing recorded, since the files could still change unseen.
        let hashed = try DictionaryIdentity(directory: dictionary.path, memo: first, sharedMemo: home)
        #expect(memos(first).isEmpty && memos(home).isEmpty)

        let later = Date().addingTimeInterval(60)
        let recorded = try DictionaryIdentity(directory: dictionary.path, memo: first, sharedMemo: home, now: later)
        #expect(memos(first).count == 1 && memos(home).count == 1)
        // A fresh cache folder finds the digests in the shared memo, and gets them recorded too.
        let fresh = try DictionaryIdentity(directory: dictionary.path, memo: second, sharedMemo: home, now: later)
        #expect(memos(second).count == 1)
        #expect(recorded.sha256 == hashed.sha256 && fresh.sha256 == hashed.sha256 && fresh.files == hashed.files)
    }
}
