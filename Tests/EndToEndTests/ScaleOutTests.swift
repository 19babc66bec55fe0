import Foundation
import Testing
import TestSupport

/// The filter mode as engines run it: many pipe tasks, each counting some documents given as
/// lines; their partials reduced by key, sorted, combined (`merge --partial`) or just merged;
/// and the lines' two shapes against the same texts as files.
struct ScaleOutTests {
    let batch = BatchTests()

    func kotoba(_ arguments: [String], in directory: URL, input: Data? = nil) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory, input: input)
    }

    /// The workspace's text files as (path below `corpus/`, text), in path order: the path is
    /// what a run over `corpus/` names the file in its reports, so the lines' ids are that too.
    func texts(_ root: URL) throws -> [(String, String)] {
        let corpus = root.appendingPathComponent("corpus")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try paths.map { ($0, try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// A JSON string, written by Foundation (an independent writer).
    func json(_ object: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func jsonLinesAndEscapedLinesGiveTheReportsOfTheSameTextsAsFiles() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = try texts(root)
        #expect(texts.count >= 10 && texts.contains { $0.1.contains("\n\n") })
        let files = ["run"] + texts.map { "corpus/" + $0.0 } + ["--out", "files", "--no-cache", "--min-pair-count", "1"]
        #expect(try kotoba(files, in: root).status == 0)
        let jsonLines = try texts.map { try json(["id": $0.0, "text": $0.1]) }.joined(separator: "\n") + "\n"
        let escaped = texts.map { path, text in
            path + "\t" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\t", with: "\\t")
        }.joined(separator: "\n") + "\n"
        let expected = try batch.reports(root.appendingPathComponent("files"))
        for (name, lines) in [("json", jsonLines), ("tsv", escaped)] {
            let run = ["run", "--lines", "-", "--out", name, "--no-cache", "--min-pair-count", "1"]
            let result = try kotoba(run, in: root, input: Data(lines.utf8))
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try batch.reports(root.appendingPathComponent(name)) == expected, "\(name)")
        }
    }

    @Test func jsonLinesFieldsBecomeDocumentVariablesInTheirOrder() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = #"{"id":"q1","text":"地域の活性化。","年代":"30代","score":4.5,"ok":true}"# + "\n"
            + #"{"text":"企業の支援。","id":"q2","年代":"40代","score":3,"ok":null}"# + "\n"
        let result = try kotoba(["run", "--lines", "-", "--no-cache", "--out", "out"], in: root, input: Data(lines.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try TestSupport.readCSV(root.appendingPathComponent("out/documents.csv"))
        #expect(documents[0].suffix(3) == ["年代", "score", "ok"])
        #expect(documents[1].suffix(3) == ["30代", "4.5", "true"])
        #expect(documents[2].suffix(3) == ["40代", "3", ""])
        let nested = try kotoba(["run", "--lines", "-", "--no-cache", "--out", "bad"], in: root, input: Data(#"{"id":"x","text":"a","v":[1]}"#.utf8))
        #expect(nested.status == 65)
        #expect(nested.standardError.contains("line 1") && nested.standardError.contains("arrays and objects"))
    }

    @Test func manyPipeTasksReducedByKeySortedOrCombinedGiveOneRunsReports() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = try texts(root).map { try json(["id": $0.0, "text": $0.1]) }
        let all = lines.joined(separator: "\n") + "\n"
        let single = ["run", "--lines", "-", "--out", "single", "--no-cache", "--themes", "themes.yml", "--group-by", "speaker"]
        #expect(try kotoba(single, in: root, input: Data(all.utf8)).status == 0)
        let expected = try batch.reports(root.appendingPathComponent("single"))
        // Four tasks, as RDD.pipe runs one per partition.
        var outputs: [String] = []
        for task in 0..<4 {
            let mine = lines.enumerated().filter { $0.offset % 4 == task }.map(\.element).joined(separator: "\n") + "\n"
            let count = ["count", "--lines", "--partial", "-", "-", "--no-cache", "--themes", "themes.yml", "--group-by", "speaker"]
            let result = try kotoba(count, in: root, input: Data(mine.utf8))
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(result.output)
            try Data(result.output.utf8).write(to: root.appendingPathComponent("task-\(task).partial"))
        }
        let concatenated = outputs.joined()
        func merged(_ name: String, _ input: String) throws {
            let result = try kotoba(["merge", "-", "--out", name], in: root, input: Data(input.utf8))
            #expect(result.status == 0, "\(name): \(result.standardError)")
            #expect(try batch.reports(root.appendingPathComponent(name)) == expected, "\(name)")
        }
        try merged("concatenated", concatenated)
        // Hadoop's shuffle: the lines sorted.
        let sorted = concatenated.split(separator: "\n").sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        try merged("sorted", sorted.joined(separator: "\n") + "\n")
        // Spark's reduceByKey: values of equal keys added column by column.
        var sums: [Substring: [Int]] = [:]
        for line in concatenated.split(separator: "\n") {
            let tab = line.firstIndex(of: "\t")!
            let values = line[line.index(after: tab)...].split(separator: " ").map { Int($0)! }
            sums[line[..<tab]] = sums[line[..<tab]].map { zip($0, values).map(+) } ?? values
        }
        let reduced = sums.map { "\($0.key)\t" + $0.value.map(String.init).joined(separator: " ") }
        #expect(reduced.count < concatenated.split(separator: "\n").count)
        try merged("reduced", reduced.joined(separator: "\n") + "\n")
        // A tree reduce: two combiners, then the final merge.
        for (name, tasks) in [("left", [0, 1]), ("right", [2, 3])] {
            let combine = ["merge"] + tasks.map { "task-\($0).partial" } + ["--partial", "\(name).partial"]
            let result = try kotoba(combine, in: root)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let tree = try kotoba(["merge", "left.partial", "right.partial", "--out", "tree"], in: root)
        #expect(tree.status == 0, "\(tree.standardError)")
        #expect(try batch.reports(root.appendingPathComponent("tree")) == expected)
        // A document given to two tasks is refused, by its id.
        let twice = try kotoba(["merge", "task-0.partial", "task-0.partial", "--out", "twice"], in: root)
        #expect(twice.status == 78)
        #expect(twice.standardError.contains("document a.txt was counted in 2 partials"), "\(twice.standardError)")
        // Report options do not apply to a merged partial.
        let misplaced = try kotoba(["merge", "task-0.partial", "--partial", "x", "--min-pair-count", "3"], in: root)
        #expect(misplaced.status == 64)
    }

    /// The path-list route: tasks that each count part of a file list name their files as a run
    /// over the whole folder does when given `--root`, even a task whose files all sit in one
    /// subfolder; a file outside the root is refused, naming it.
    @Test func fileListTasksWithARootMergeToOneRunsReports() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = ["--no-cache", "--themes", "themes.yml", "--group-by", "speaker"]
        #expect(try kotoba(["run", "corpus", "--out", "single"] + settings, in: root).status == 0)
        let expected = try batch.reports(root.appendingPathComponent("single"))
        let paths = try texts(root).map { "corpus/" + $0.0 } + ["corpus/b.md"]
        let (inPart0, rest) = (paths.filter { $0.hasPrefix("corpus/part0/") }, paths.filter { !$0.hasPrefix("corpus/part0/") })
        #expect(!inPart0.isEmpty && !rest.isEmpty)
        for (task, list) in [inPart0, rest].enumerated() {
            let count = ["count", "--files-from", "-", "--root", "corpus", "--partial", "task-\(task).partial"] + settings
            let result = try kotoba(count, in: root, input: Data((list.joined(separator: "\n") + "\n").utf8))
            #expect(result.status == 0, "\(result.standardError)")
        }
        let merged = try kotoba(["merge", "task-0.partial", "task-1.partial", "--out", "merged"], in: root)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try batch.reports(root.appendingPathComponent("merged")) == expected)

        let stray = try kotoba(["run", "corpus/a.txt", "themes.yml", "--root", "corpus", "--out", "stray", "--no-cache"], in: root)
        #expect(stray.status == 66)
        #expect(stray.standardError.contains("themes.yml: cannot read: not in the input root"), "\(stray.standardError)")
    }

    /// `merge` starts from the configuration a run starts from: a `kotoba.yml` whose report
    /// settings differ from the defaults gives the merged reports a run in the same folder gives.
    @Test func mergeHonoursTheConfigurationFile() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let yaml = "themes: themes.yml\nmin_pair_count: 1\nmeasure: dice\ncsv_dialect: unix\nheader_lang: ja\nnetwork_edges: 10\n"
        try Data(yaml.utf8).write(to: root.appendingPathComponent("kotoba.yml"))
        #expect(try kotoba(["run", "corpus", "--out", "single", "--no-cache"], in: root).status == 0)
        let expected = try batch.reports(root.appendingPathComponent("single"))
        let header = try String(contentsOf: root.appendingPathComponent("single/term_frequency.csv"), encoding: .utf8)
        #expect(header.hasPrefix("順位"), "the file's header_lang applies: \(header.prefix(40))")
        #expect(try kotoba(["count", "corpus", "--partial", "all.partial", "--no-cache"], in: root).status == 0)
        let merged = try kotoba(["merge", "all.partial", "--out", "merged"], in: root)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try batch.reports(root.appendingPathComponent("merged")) == expected)
        // --config names another file, as for a run; options still win over it.
        try FileManager.default.moveItem(at: root.appendingPathComponent("kotoba.yml"), to: root.appendingPathComponent("other.yml"))
        let named = try kotoba(["merge", "all.partial", "--config", "other.yml", "--out", "named"], in: root)
        #expect(named.status == 0, "\(named.standardError)")
        #expect(try batch.reports(root.appendingPathComponent("named")) == expected)
        let english = try kotoba(["merge", "all.partial", "--config", "other.yml", "--header-lang", "en", "--out", "en"], in: root)
        #expect(english.status == 0)
        let first = try String(contentsOf: root.appendingPathComponent("en/term_frequency.csv"), encoding: .utf8)
        #expect(first.hasPrefix("rank,"), "\(first.prefix(40))")
    }

    @Test func gzipPartialsAndEmptyTasksMergeAsPlainOnes() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["count", "corpus", "--partial", "all.partial", "--no-cache"], in: root).status == 0)
        #expect(try kotoba(["count", "corpus", "--partial", "all.partial.gz", "--no-cache"], in: root).status == 0)
        let plain = try Data(contentsOf: root.appendingPathComponent("all.partial"))
        let packed = try Data(contentsOf: root.appendingPathComponent("all.partial.gz"))
        #expect(packed.prefix(2) == Data([0x1F, 0x8B]) && packed.count < plain.count / 2)
        // gunzip (an independent reader) gives the plain partial back.
        let gunzip = try TestSupport.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", "all.partial.gz"], in: root)
        #expect(gunzip.standardOutput == plain)
        // An engine's empty partition: an empty file list, or no lines.
        let emptyList = try kotoba(["count", "--files-from", "-", "--partial", "e1.partial", "--no-cache"], in: root, input: Data())
        #expect(emptyList.status == 0, "\(emptyList.standardError)")
        let emptyLines = try kotoba(["count", "--lines", "--partial", "e2.partial", "-", "--no-cache"], in: root, input: Data())
        #expect(emptyLines.status == 0, "\(emptyLines.standardError)")
        #expect(try kotoba(["merge", "all.partial", "--out", "plain"], in: root).status == 0)
        let merged = try kotoba(["merge", "all.partial.gz", "e1.partial", "e2.partial", "--out", "gzip"], in: root)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try batch.reports(root.appendingPathComponent("gzip")) == batch.reports(root.appendingPathComponent("plain")))
        // A gzip file cut short is refused.
        try packed.prefix(packed.count / 2).write(to: root.appendingPathComponent("cut.partial.gz"))
        let cut = try kotoba(["merge", "cut.partial.gz", "--out", "cut"], in: root)
        #expect(cut.status == 65 && cut.standardError.contains("cut.partial.gz"), "\(cut.standardError)")
    }

    @Test func aDamagedPartialFileIsRefusedByName() throws {
        let root = try batch.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let count = ["count", "corpus", "--shard", "0/2", "--partial", "a.partial", "--no-cache"]
        #expect(try kotoba(count, in: root).status == 0)
        #expect(try kotoba(["count", "corpus", "--shard", "1/2", "--partial", "b.partial", "--no-cache"], in: root).status == 0)
        let lines = try String(contentsOf: root.appendingPathComponent("b.partial"), encoding: .utf8).split(separator: "\n")
        let unit = try #require(lines.firstIndex { $0.hasPrefix("u ") })
        try Data((lines[..<unit] + lines[(unit + 1)...]).joined(separator: "\n").appending("\n").utf8)
            .write(to: root.appendingPathComponent("b.partial"))
        let result = try kotoba(["merge", "a.partial", "b.partial", "--out", "merged"], in: root)
        #expect(result.status == 65)
        #expect(result.standardError.contains("b.partial: the unit records do not add up to their check"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("merged").path))
    }
}
