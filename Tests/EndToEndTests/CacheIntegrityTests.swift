import Foundation
import Testing
import TestSupport

/// The cache damaged between runs, as `kotoba run` meets it: cut short, a byte changed, a record
/// dropped. No case may exit 0 with reports other than a clean run's; a damaged entry is analyzed
/// again with one warning and written anew, so the run after it is warm and silent.
struct CacheIntegrityTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    /// Five small inputs and a cold run at one job (one segment) into `clean`.
    func workspace() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        let sample = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("corpus/arakawa-smrj-interview.txt"), encoding: .utf8)
        let lines = sample.split(separator: "\n")
        var files: [String: Data] = [:]
        for index in 0..<5 {
            files["corpus/piece-\(index).txt"] = Data(lines[(index * 12)..<(index * 12 + 12)].joined(separator: "\n").utf8)
        }
        try TestSupport.write(files, in: root)
        return root
    }

    static let reports = ["term_frequency.csv", "cooccurrence.csv", "documents.csv", "summary.json", "speakers.csv"]

    func reports(_ directory: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for name in Self.reports { found[name] = try Data(contentsOf: directory.appendingPathComponent(name)) }
        return found
    }

    /// The one segment file below `cache`.
    func segment(_ cache: URL) throws -> URL {
        let walker = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)
        let packs = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "pack" }
        try #require(packs.count == 1, "\(packs)")
        return packs[0]
    }

    /// The records of a segment, read from its trailer and index as the layout documents it
    /// (`PackSegment`: per record a 33-byte key, then offset, length and checksum; the trailer
    /// holds the index offset and the record count).
    func records(_ bytes: Data) -> [Range<Int>] {
        func word(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[bytes.startIndex + at + $1]) << (8 * $1) } }
        let indexOffset = word(bytes.count - 32)
        let count = word(bytes.count - 24)
        return (0..<count).map { entry in
            let at = indexOffset + entry * (33 + 24) + 33
            return word(at)..<(word(at) + word(at + 8))
        }
    }

    @Test func aDamagedCacheNeverChangesTheReportsAndIsRepaired() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = root.appendingPathComponent("cache")
        let run = ["run", "corpus", "--jobs", "1", "--cache", cache.path, "--force"]
        let cold = try kotoba(run + ["--out", "clean"], in: root)
        try #require(cold.status == 0, "\(cold.standardError)")
        let clean = try reports(root.appendingPathComponent("clean"))
        let pack = try segment(cache)
        let whole = try Data(contentsOf: pack)
        let records = records(whole)
        try #require(records.count == 5)

        var cases: [(String, Data)] = []
        for cut in [1, 31, 33, whole.count / 2, records[4].upperBound + 5, whole.count - 1] {
            cases.append(("cut to \(whole.count - cut) bytes", whole.prefix(whole.count - cut)))
        }
        for record in [records[0], records[4]] {
            for offset in [record.lowerBound + 40, (record.lowerBound + record.upperBound) / 2, record.upperBound - 1] {
                var changed = whole
                changed[offset] = changed[offset] == UInt8(ascii: "7") ? UInt8(ascii: "8") : changed[offset] ^ 0x01
                cases.append(("byte \(offset) changed", changed))
            }
        }
        var dropped = whole
        dropped.removeSubrange(records[1])
        cases.append(("record 2 dropped", dropped))
        var index = whole
        index[whole.count - 40] ^= 0x20
        cases.append(("index changed", index))

        for (number, (what, bytes)) in cases.enumerated() {
            // Each case starts from the clean segment alone.
            for url in (FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            where url.pathExtension == "pack" {
                try FileManager.default.removeItem(at: url)
            }
            try bytes.write(to: pack)
            let damaged = try kotoba(run + ["--out", "case-\(number)"], in: root)
            #expect(damaged.status == 0, "\(what): \(damaged.standardError)")
            #expect(try reports(root.appendingPathComponent("case-\(number)")) == clean, "\(what)")
            let warnings = damaged.standardError.split(separator: "\n").filter { $0.contains("damaged") }
            #expect(!warnings.isEmpty, "\(what): no warning")
            // One warning per damaged entry, or one for a damaged segment.
            #expect(warnings.count == 1, "\(what): \(warnings)")
            #expect(!damaged.standardError.contains("inputs.tokenized=0"), "\(what)")
            // Repaired: the next run is warm and silent.
            let again = try kotoba(run + ["--out", "again-\(number)"], in: root)
            #expect(again.status == 0)
            #expect(again.standardError.contains("inputs.tokenized=0"), "\(what): \(again.standardError)")
            #expect(!again.standardError.contains("damaged"), "\(what): \(again.standardError)")
            #expect(try reports(root.appendingPathComponent("again-\(number)")) == clean, "\(what)")
        }
    }

    /// A table whose rows spell one value two ways, composed (が) and decomposed (か + U+3099),
    /// row after row: the reports from the cache give each row its own bytes, as the cold run's
    /// do (the cache once wrote the second row as the first).
    @Test func valuesSpelledTwoWaysComeBackFromTheCacheAsWritten() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let rows = ["\u{304C}", "\u{304B}\u{3099}", "\u{304C}", "\u{304B}\u{3099}"].enumerated().map { index, value in
            "\(index + 1),\(value),地域の話です。小規模事業者の話です。"
        }
        try TestSupport.write(["answers.csv": Data((["id,回答,本文"] + rows).joined(separator: "\n").utf8)], in: root)
        let run = ["run", "answers.csv", "--text-column", "本文", "--jobs", "1", "--cache", "cache"]
        #expect(try kotoba(run + ["--out", "cold"], in: root).status == 0)
        let cached = try kotoba(run + ["--out", "cached", "--force"], in: root)
        #expect(cached.status == 0 && cached.standardError.contains("inputs.tokenized=0"), "\(cached.standardError)")
        let cold = try Data(contentsOf: root.appendingPathComponent("cold/documents.csv"))
        #expect(cold.count > 0)
        #expect(try Data(contentsOf: root.appendingPathComponent("cached/documents.csv")) == cold)
        // Both spellings are in the report, each as its row wrote it.
        #expect(String(decoding: cold, as: UTF8.self).unicodeScalars.contains("\u{3099}"))
    }

    @Test func aCacheThatCannotBeWrittenGivesOneWarningForTheRun() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        // A file where the cache folder would be: no one, root included, can write below it.
        try Data("x".utf8).write(to: root.appendingPathComponent("cache"))
        let result = try kotoba(["run", "corpus", "--jobs", "2", "--cache", "cache"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains("cannot write to the cache") }
        #expect(warnings.count == 1, "\(result.standardError)")
    }
}
