import Foundation
import Testing
import TestSupport

/// Every command is set up through one path (`Pipeline.setUp`) from one configuration, the
/// configuration file then the command line: `tokenize` and `kwic` use the user dictionaries and
/// the metadata a run uses, `merge` and `themes check` read `kotoba.yml` as a run does, and an
/// option that would change nothing in a command is refused there.
struct CommandSetupTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    /// MeCab's own dictionary compiler, `mecab-dict-index`, where `mecab-config` says it is.
    func dictionaryIndexer() throws -> URL {
        let config = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/mecab-config"), ["--libexecdir"])
        let folder = config.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let indexer = URL(fileURLWithPath: folder).appendingPathComponent("mecab-dict-index")
        try #require(FileManager.default.isExecutableFile(atPath: indexer.path), "mecab-dict-index not found in '\(folder)'")
        return indexer
    }

    /// A user dictionary entry that makes 地域活性化 one noun (IPAdic splits it into 地域/活性/化).
    static let userEntry = "地域活性化,1285,1285,5000,名詞,一般,*,*,*,*,地域活性化,チイキカッセイカ,チイキカッセイカ\n"

    @Test func tokenizeAndKwicUseTheUserDictionary() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = "地域活性化と支援。地域の活性化も。\n"
        try TestSupport.write(["memo.txt": Data(text.utf8), "user.csv": Data(Self.userEntry.utf8)], in: root)
        // The truth: the mecab command with the dictionary MeCab's own indexer compiled.
        let compiled = root.appendingPathComponent("user.dic").path
        let index = try TestSupport.run(
            try dictionaryIndexer(), ["-d", TestSupport.ipadic, "-u", compiled, "-f", "utf-8", "-t", "utf-8", "user.csv"], in: root)
        #expect(index.status == 0, "\(index.standardError)")
        let withUser = try TestSupport.run(
            TestSupport.mecab, ["-r", "/dev/null", "-d", TestSupport.ipadic, "-u", compiled], input: Data(text.utf8))
        let plain = try TestSupport.mecab(text)
        #expect(plain.hasPrefix("地域\t") && withUser.output.hasPrefix("地域活性化\t"), "\(plain)\n\(withUser.output)")
        // The text is one line of two sentences; kotoba gives MeCab one sentence at a time.
        let mecabLines = { (output: String) in output.split(separator: "\n").filter { $0 != "EOS" }.map(String.init) }
        let given = try kotoba(["tokenize", "memo.txt", "--user-dictionary", "user.csv"], in: root)
        #expect(given.status == 0, "\(given.standardError)")
        #expect(mecabLines(given.output) == mecabLines(withUser.output))
        let without = try kotoba(["tokenize", "memo.txt"], in: root)
        #expect(mecabLines(without.output) == mecabLines(plain))
        // From kotoba.yml too.
        try Data("user_dictionaries: [user.csv]\n".utf8).write(to: root.appendingPathComponent("kotoba.yml"))
        let configured = try kotoba(["tokenize", "memo.txt"], in: root)
        #expect(configured.standardOutput == given.standardOutput)
        // kwic finds 活性 at token boundaries: in both sentences with IPAdic alone, only in the
        // second once 地域活性化 is one token.
        let found = try kotoba(["kwic", "memo.txt", "--word", "活性", "--csv-dialect", "unix"], in: root)
        #expect(found.status == 0, "\(found.standardError)")
        #expect(found.output.split(separator: "\n").count == 1 + 1, "\(found.output)")
        try FileManager.default.removeItem(at: root.appendingPathComponent("kotoba.yml"))
        let plainKwic = try kotoba(["kwic", "memo.txt", "--word", "活性", "--csv-dialect", "unix"], in: root)
        #expect(plainKwic.output.split(separator: "\n").count == 1 + 2, "\(plainKwic.output)")
        let userKwic = try kotoba(["kwic", "memo.txt", "--word", "活性", "--csv-dialect", "unix", "--user-dictionary", "user.csv"], in: root)
        #expect(userKwic.standardOutput == found.standardOutput)
    }

    @Test func tokenizeAndKwicUseTheMetadataTable() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // 支援 three times in a.txt, twice in b.txt (counted by hand).
        try TestSupport.write(
            [
                "docs/a.txt": Data("企業の支援を続ける。支援機関の支援。\n".utf8),
                "docs/b.txt": Data("販路の支援と人材の支援。\n".utf8),
                "meta.csv": Data("file,区\na.txt,荒川\nb.txt,足立\n".utf8),
                "rules.cod": Data("＊荒川の支援\n支援 and <>区-->荒川\n".utf8),
            ], in: root)
        // tokenize --format structure gives each paragraph its document's variables.
        let structure = try kotoba(["tokenize", "docs", "--format", "structure", "--metadata", "meta.csv"], in: root)
        #expect(structure.status == 0, "\(structure.standardError)")
        let records = try structure.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(records.count == 2)
        for record in records {
            let expected = record["path"] as? String == "a.txt" ? "荒川" : "足立"
            #expect((record["variables"] as? [String: String]) == ["区": expected], "\(record)")
        }
        let bare = try kotoba(["tokenize", "docs", "--format", "structure"], in: root)
        #expect(bare.status == 0 && !bare.output.contains("variables"), "\(bare.output)")
        // kwic: a coding rule that tests the variable matches in a.txt only, with the metadata.
        let kwic = try kotoba(["kwic", "docs", "--themes", "rules.cod", "--metadata", "meta.csv", "--csv-dialect", "unix"], in: root)
        #expect(kwic.status == 0, "\(kwic.standardError)")
        let rows = kwic.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 3, "\(kwic.output)")
        #expect(rows.allSatisfy { $0[0] == "a.txt" && $0[5] == "荒川の支援" && $0[7] == "支援" })
        let none = try kotoba(["kwic", "docs", "--themes", "rules.cod", "--csv-dialect", "unix"], in: root)
        #expect(none.status == 0 && none.output.split(separator: "\n").count == 1, "\(none.output)")
        // The metadata of kotoba.yml, as a run reads it.
        try Data("metadata: meta.csv\n".utf8).write(to: root.appendingPathComponent("kotoba.yml"))
        let configured = try kotoba(["kwic", "docs", "--themes", "rules.cod", "--csv-dialect", "unix"], in: root)
        #expect(configured.standardOutput == kwic.standardOutput)
    }

    /// A kotoba.yml with a stopword and a minimum pair count: merged partials give the single
    /// run's reports, and both differ from the defaults'.
    @Test func mergeGivesTheReportsOfARunUnderTheSameConfigurationFile() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let batch = BatchTests()
        try Data("".utf8).write(to: root.appendingPathComponent("empty.yml"))
        #expect(try kotoba(["run", "corpus", "--config", "empty.yml", "--out", "defaults", "--no-cache"], in: root).status == 0)
        try Data("stopwords: [支援]\nmin_pair_count: 4\n".utf8).write(to: root.appendingPathComponent("kotoba.yml"))
        #expect(try kotoba(["run", "corpus", "--out", "single", "--no-cache"], in: root).status == 0)
        #expect(try kotoba(["count", "corpus", "--shard", "0/2", "--partial", "0.partial", "--no-cache"], in: root).status == 0)
        #expect(try kotoba(["count", "corpus", "--shard", "1/2", "--partial", "1.partial", "--no-cache"], in: root).status == 0)
        let merged = try kotoba(["merge", "0.partial", "1.partial", "--out", "merged"], in: root)
        #expect(merged.status == 0, "\(merged.standardError)")
        let single = try batch.reports(root.appendingPathComponent("single"))
        #expect(try batch.reports(root.appendingPathComponent("merged")) == single)
        let defaults = try batch.reports(root.appendingPathComponent("defaults"))
        let terms = { (reports: [String: Data]) in String(decoding: reports["term_frequency.csv"] ?? Data(), as: UTF8.self) }
        #expect(terms(defaults).contains(",支援,"))
        #expect(!terms(single).contains(",支援,"))
        // Every pair kept was found together (a, of the 2×2 table) in at least 4 sentences; the
        // defaults keep pairs of 2 and 3.
        let together = { (name: String) throws -> [Int] in
            let rows = try TestSupport.readCSV(root.appendingPathComponent(name + "/cooccurrence.csv"))
            let column = try #require(rows.first?.firstIndex(of: "a"))
            return rows.dropFirst().compactMap { Int($0[column]) }
        }
        let kept = try together("single")
        #expect(!kept.isEmpty && kept.allSatisfy { $0 >= 4 })
        #expect(try together("defaults").contains { $0 < 4 })
    }

    /// `merge --group-top` is refused when the partials were counted without a grouping (it
    /// would change nothing), before any report is written; with grouped partials it keeps that
    /// many terms a group, as a run does.
    @Test func mergeRefusesGroupTopForPartialsWithoutGroups() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["count", "corpus", "--partial", "plain.partial", "--no-cache"], in: root).status == 0)
        let refused = try kotoba(["merge", "plain.partial", "--out", "plain", "--group-top", "5"], in: root)
        #expect(refused.status == 64, "\(refused.standardError)")
        #expect(refused.standardError.contains("'--group-top'"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("plain").path))
        #expect(try kotoba(["count", "corpus", "--group-by", "speaker", "--partial", "grouped.partial", "--no-cache"], in: root).status == 0)
        let merged = try kotoba(["merge", "grouped.partial", "--out", "merged", "--group-top", "5"], in: root)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try kotoba(["run", "corpus", "--group-by", "speaker", "--group-top", "5", "--out", "single", "--no-cache"], in: root).status == 0)
        let batch = BatchTests()
        let single = try batch.reports(root.appendingPathComponent("single"))
        #expect(try batch.reports(root.appendingPathComponent("merged"))["group_terms.csv"] == single["group_terms.csv"])
        let rows = try TestSupport.readCSV(root.appendingPathComponent("single/group_terms.csv")).dropFirst()
        #expect(!rows.isEmpty)
        #expect(Dictionary(grouping: rows) { $0.first ?? "" }.values.allSatisfy { $0.count <= 5 })
    }

    /// `themes check` reads the forms with the configured normalizer: a soft hyphen is nothing
    /// under the case fold (NFKC_Casefold drops it), but a form of its own without it.
    @Test func themesCheckNormalizesAsTheConfigurationSays() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("version: 1\nthemes:\n  - name: a\n    terms: [\"\\u00AD\"]\n".utf8).write(to: root.appendingPathComponent("t.yml"))
        let folded = try kotoba(["themes", "check", "t.yml"], in: root)
        #expect(folded.status == 65 && folded.standardError.contains("empty after normalization"), "\(folded.standardError)")
        let option = try kotoba(["themes", "check", "t.yml", "--normalization-off", "casefold-keys"], in: root)
        #expect(option.status == 0 && option.output == "a\tterms\t1\n", "\(option.standardError)")
        try Data("normalization_off: [casefold-keys]\n".utf8).write(to: root.appendingPathComponent("kotoba.yml"))
        let configured = try kotoba(["themes", "check", "t.yml"], in: root)
        #expect(configured.status == 0 && configured.output == "a\tterms\t1\n", "\(configured.standardError)")
    }

    /// Each command offers the options that change what it does, and refuses the others as a
    /// usage error (64) naming the option.
    @Test func anOptionThatDoesNotApplyIsRefusedByName() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let refused: [(arguments: [String], option: String)] = [
            (["tokenize", "corpus", "--themes", "corpus/themes.yml"], "--themes"),
            (["tokenize", "corpus", "--stopwords", "default"], "--stopwords"),
            (["tokenize", "corpus", "--jobs", "2"], "--jobs"),
            (["tokenize", "corpus", "--keep-going"], "--keep-going"),
            (["tokenize", "corpus", "--kwic", "支援"], "--kwic"),
            (["kwic", "corpus", "--word", "支援", "--vocabulary", "v.yml"], "--vocabulary"),
            (["kwic", "corpus", "--word", "支援", "--no-cache"], "--no-cache"),
            (["kwic", "corpus", "--word", "支援", "--min-pair-count", "3"], "--min-pair-count"),
            (["count", "corpus", "--partial", "p", "--measure", "dice"], "--measure"),
            (["merge", "p", "--themes", "corpus/themes.yml"], "--themes"),
            (["themes", "check", "corpus/themes.yml", "--dictionary", "juman"], "--dictionary"),
            (["run", "corpus", "--window", "3", "--no-cache"], "--window"),
            (["run", "corpus", "--csv-replace-unencodable", "--no-cache"], "--csv-replace-unencodable"),
            (["run", "corpus", "--group-top", "5", "--no-cache"], "--group-top"),
            (["dump-config", "--group-top", "5"], "--group-top"),
        ]
        for (arguments, option) in refused {
            let result = try kotoba(arguments, in: root)
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(option), "\(arguments): \(result.standardError)")
        }
        // --window applies with the window unit, --csv-replace-unencodable with CP932, --group-top
        // with a grouping, given or from kotoba.yml.
        try Data("unit: window\ncsv_encoding: cp932\ngroup_by: speaker\n".utf8).write(to: root.appendingPathComponent("kotoba.yml"))
        let window = try kotoba(
            ["run", "corpus", "--window", "3", "--csv-replace-unencodable", "--group-top", "5", "--no-cache", "-q"], in: root)
        #expect(window.status == 0, "\(window.standardError)")
        // group_terms.csv keeps the top 5 of each group: at most 5 rows a group. It is in CP932
        // here, whose multi-byte characters never hold the byte of a comma, so rows are told
        // apart by the bytes of their first field.
        let rows = try Data(contentsOf: root.appendingPathComponent("output/group_terms.csv"))
            .split(separator: UInt8(ascii: "\n")).dropFirst()
        let perGroup = Dictionary(grouping: rows) { Data($0.prefix { $0 != UInt8(ascii: ",") }) }
        #expect(!perGroup.isEmpty)
        #expect(perGroup.values.allSatisfy { $0.count <= 5 }, "\(perGroup.mapValues(\.count))")
    }
}
