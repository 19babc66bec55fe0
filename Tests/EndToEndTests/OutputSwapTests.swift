import Foundation
import Testing
import TestSupport

/// The output through a symbolic link, and a run killed between the swap's two renames: the lock
/// and the swap act on the folder the path leads to, the user's link stays a link, and the next
/// run of any kind puts back or clears what a killed run left.
struct OutputSwapTests {
    func kotoba(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> TestSupport.ProcessResult
    {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory, environment: environment)
    }

    func workspace() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write(
            [
                "corpus/a.txt": Data("地域の活性化を支援する。企業の活性化が進む。".utf8),
                "corpus/b.txt": Data("小規模事業者の支援。地域の企業。".utf8),
                "bad.yml": Data("themes: [\n".utf8),
            ], in: root)
        return root
    }

    func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The files of `directory` by name, with their bytes.
    func files(_ directory: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            var isDirectory: ObjCBool = false
            let url = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found[name] = try Data(contentsOf: url)
            }
        }
        return found
    }

    @Test func anOutputThroughASymbolicLinkIsLockedAndPublishedAsTheFolderItNames() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let link = root.appendingPathComponent("link")
        #expect(symlink("same", link.path) == 0)
        // A dangling link: the folder is made where it points.
        let first = try kotoba(["run", "corpus", "--out", "link", "--no-cache"], in: root)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(isSymbolicLink(link))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("same/manifest.json").path))
        // Published again through the link: still the user's link, the folder replaced.
        let again = try kotoba(["run", "corpus", "--out", "link", "--no-cache", "--force", "--min-pair-count", "1"], in: root)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(isSymbolicLink(link))
        let manifest = try String(contentsOf: root.appendingPathComponent("same/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"min_pair_count\" : 1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".link.") }.isEmpty)

        // A run into `same` holds the lock that a run into `link` needs, and the other way round.
        for (held, tried) in [("same", "link"), ("same", "same")] {
            let descriptor = open(root.appendingPathComponent(".\(held).lock").path, O_CREAT | O_RDWR, 0o644)
            #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
            let blocked = try kotoba(["run", "corpus", "--out", tried, "--no-cache", "--force"], in: root)
            #expect(blocked.status == 75, "\(tried): \(blocked.standardError)")
            close(descriptor)
        }
        // A link to a folder elsewhere, through a linked parent folder too.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real"), withIntermediateDirectories: true)
        #expect(symlink("real", root.appendingPathComponent("parent").path) == 0)
        let nested = try kotoba(["run", "corpus", "--out", "parent/out", "--no-cache"], in: root)
        #expect(nested.status == 0, "\(nested.standardError)")
        #expect(isSymbolicLink(root.appendingPathComponent("parent")))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("real/out/manifest.json").path))
    }

    @Test func aRunKilledBetweenTheRenamesIsRepairedByTheNextRunOfAnyKind() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let aside = root.appendingPathComponent(".out.previous")
        let first = try kotoba(["run", "corpus", "--out", "out", "--no-cache"], in: root)
        try #require(first.status == 0, "\(first.standardError)")
        let old = try files(out)

        func killMidSwap() throws {
            let killed = try kotoba(
                ["run", "corpus", "--out", "out", "--no-cache", "--force", "--min-pair-count", "1"], in: root,
                environment: ["KOTOBA_TEST_FAULT": "kill-mid-swap"])
            #expect(killed.status == SIGKILL, "\(killed.status): \(killed.standardError)")
            // What the kill left: no output, the old one aside, the new one staged.
            #expect(!FileManager.default.fileExists(atPath: out.path))
            #expect(FileManager.default.fileExists(atPath: aside.path))
            let entries = try FileManager.default.contentsOfDirectory(atPath: root.path)
            #expect(entries.contains { $0.hasPrefix(".out.staging-") }, "\(entries)")
        }
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".out.") }
        }

        // A run that fails (a bad theme file) puts the old output back, and clears the rest.
        try killMidSwap()
        let failing = try kotoba(["run", "corpus", "--out", "out", "--no-cache", "--themes", "bad.yml"], in: root)
        #expect(failing.status == 78, "\(failing.standardError)")
        #expect(try files(out) == old)
        #expect(try leftovers() == [])

        // A run that finds everything up to date does too.
        try killMidSwap()
        let upToDate = try kotoba(["run", "corpus", "--out", "out", "--no-cache"], in: root)
        #expect(upToDate.status == 0, "\(upToDate.standardError)")
        #expect(upToDate.standardError.contains("up to date"), "\(upToDate.standardError)")
        #expect(try files(out) == old)
        #expect(try leftovers() == [])

        // An output moved aside beside a complete new one (killed before removing it) goes.
        try FileManager.default.copyItem(at: out, to: aside)
        let next = try kotoba(["run", "corpus", "--out", "out", "--no-cache"], in: root)
        #expect(next.status == 0)
        #expect(try files(out) == old)
        #expect(try leftovers() == [])
    }
}
