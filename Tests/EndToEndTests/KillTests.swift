import Foundation
import Testing
import TestSupport

/// A run killed while it writes its reports must leave the earlier output exactly as it was.
struct KillTests {
    /// Every file below `directory` by relative path, with its bytes.
    func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = directory.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Starts kotoba with `arguments` in `directory`, stderr to a file, without waiting.
    func start(_ arguments: [String], in directory: URL, environment extra: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = TestSupport.kotoba
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = directory.appendingPathComponent("cache").path
        environment.merge(extra) { $1 }
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func workspace() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        let sample = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("corpus/arakawa-smrj-interview.txt"))
        try TestSupport.write(["corpus/a.txt": sample, "corpus/b.txt": Data("地域の活性化を支援する。".utf8)], in: root)
        return root
    }

    @Test func killingARunWithItsReportsStagedLeavesTheEarlierOutputByteIdentical() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try TestSupport.run(TestSupport.kotoba, ["run", "corpus", "--out", "out"], in: root)
        #expect(first.status == 0, "\(first.standardError)")
        let before = try snapshot(root.appendingPathComponent("out"))
        #expect(before.keys.contains("/report.html") && before.keys.contains("/manifest.json"))

        // A different run (other settings, so other bytes), stalled once every file is staged.
        let process = try start(
            ["run", "corpus", "--out", "out", "--min-pair-count", "1", "--format", "json"], in: root,
            environment: ["KOTOBA_TEST_FAULT": "stall-publish"])
        let deadline = Date().addingTimeInterval(300)
        var staged: String?
        while staged == nil, Date() < deadline, process.isRunning {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            staged = entries.first { entry in
                entry.hasPrefix(".out.staging-")
                    && FileManager.default.fileExists(atPath: root.appendingPathComponent("\(entry)/manifest.json").path)
            }
            if staged == nil { usleep(50_000) }
        }
        let stagingName = try #require(staged, "the stalled run never staged its reports")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try snapshot(root.appendingPathComponent("out")) == before)

        // The next run clears the dead run's staging directory and publishes normally.
        let next = try TestSupport.run(TestSupport.kotoba, ["run", "corpus", "--out", "out", "--format", "json"], in: root)
        #expect(next.status == 0, "\(next.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(stagingName).path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/term_frequency.json").path))
    }

    @Test func killingARunAtAnyMomentLeavesEitherTheOldOrTheNewOutputWhole() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try TestSupport.run(TestSupport.kotoba, ["run", "corpus", "--out", "old"], in: root).status == 0)
        let arguments = ["run", "corpus", "--min-pair-count", "1", "--no-cache"]
        #expect(try TestSupport.run(TestSupport.kotoba, arguments + ["--out", "new"], in: root).status == 0)
        let (old, new) = (try snapshot(root.appendingPathComponent("old")), try snapshot(root.appendingPathComponent("new")))
        // Outputs agree but for the manifest (times, output path): compare everything else.
        func withoutManifest(_ files: [String: Data]) -> [String: Data] { files.filter { $0.key != "/manifest.json" } }
        for delay in [0.02, 0.1, 0.3, 0.6, 1.0] {
            let process = try start(arguments + ["--out", "old"], in: root, environment: [:])
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Killed between the publisher's two renames, the old output waits as .old.previous,
            // which the next run puts back: it must be whole there.
            var current = root.appendingPathComponent("old")
            if !FileManager.default.fileExists(atPath: current.path) { current = root.appendingPathComponent(".old.previous") }
            let now = withoutManifest(try snapshot(current))
            #expect(now == withoutManifest(old) || now == withoutManifest(new), "killed after \(delay) s")
            if now == withoutManifest(new) || current.lastPathComponent != "old" {
                // Published: put the old output back for the next delay.
                #expect(try TestSupport.run(TestSupport.kotoba, ["run", "corpus", "--out", "old"], in: root).status == 0)
            }
        }
    }
}
