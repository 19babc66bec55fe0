import Foundation
import Testing
import TestSupport

/// Runs the built `kotoba` as a user would, and checks its reports against the `mecab` command.
struct EndToEndTests {
    func workspace() throws -> URL { try TestSupport.workspaceWithCorpus() }

    func kotoba(_ arguments: [String], in directory: URL, input: Data? = nil) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory, input: input)
    }

    /// KH Coder's category for an IPAdic part of speech and lemma, restated from its table
    /// (`hinshi_mecab`: first rule that fits; B = hiragana only, C = one character), for an
    /// independent count; `nil` where KH Coder's default selection leaves the word out.
    static func category(_ fields: [String], surface: String) -> String? {
        let unknown = fields.count == 7  // IPAdic gives unknown words 7 fields, entries 9
        let path = fields.prefix(4).filter { $0 != "*" }.joined(separator: "-")
        if surface.unicodeScalars.allSatisfy({ CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces).contains($0) }) {
            return nil
        }
        if unknown { return path.hasPrefix("名詞-数") ? nil : "未知語" }
        let lemma = fields[6]
        let hiragana = lemma.unicodeScalars.allSatisfy { (0x3041...0x309F).contains($0.value) }
        let table: [(String, String)] = [
            ("名詞-固有名詞-地域", "地名"), ("名詞-固有名詞-人名", "人名"), ("名詞-固有名詞-組織", "組織名"),
            ("名詞-固有名詞", "固有名詞"), ("名詞-サ変接続", "サ変名詞"), ("名詞-形容動詞語幹", "形容動詞"),
            ("名詞-ナイ形容詞語幹", "ナイ形容"), ("名詞-一般", hiragana ? "名詞B" : lemma.count == 1 ? "名詞C" : "名詞"),
            ("名詞-代名詞", "代名詞"), ("名詞-副詞可能", "副詞可能"), ("感動詞", "感動詞"), ("フィラー", "感動詞"),
            ("動詞-自立", hiragana ? "動詞B" : "動詞"), ("形容詞-非自立", "形容詞（非自立）"),
            ("形容詞", hiragana ? "形容詞B" : "形容詞"), ("副詞", hiragana ? "副詞B" : "副詞"),
        ]
        let negative = path.hasPrefix("助動詞") && ["ない", "ぬ", "ん"].contains(lemma)
        guard !negative, let category = table.first(where: { path == $0.0 || path.hasPrefix($0.0 + "-") })?.1 else {
            return nil
        }
        return ["名詞B", "動詞B", "形容詞B", "副詞B", "形容詞（非自立）"].contains(category) ? nil : category
    }

    /// Term counts from the `mecab` command's output for the given sentences.
    static func independentCounts(mecabOutput: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in mecabOutput.split(separator: "\n") where line != "EOS" {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let fields = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let category = category(fields, surface: parts[0]) else { continue }
            let lemma = fields.count > 6 && fields[6] != "*" ? fields[6] : parts[0]
            counts[lemma + "/" + category, default: 0] += 1
        }
        return counts
    }

    @Test func theMainJobWritesEveryReport() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["run"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path)
        #expect(
            files.sorted() == [
                "cluster_distances.csv", "cluster_merges.csv", "clusters.csv", "collocations.csv", "compound_candidates.csv",
                "cooccurrence.csv", "correspondence.csv", "correspondence_inertia.csv", "correspondence_table.csv",
                "data_dictionary.csv", "document_terms.csv", "document_themes.csv", "documents.csv", "dtm.mtx",
                "dtm_documents.csv", "dtm_terms.csv", "graph", "kwic.csv", "manifest.json", "mds.csv", "report.html",
                "speakers.csv", "summary.json", "term_frequency.csv", "theme_cooccurrence.csv", "theme_terms.csv", "themes.csv",
            ])
        let themes = try TestSupport.readCSV(root.appendingPathComponent("output/themes.csv"))
        let occurrences = Dictionary(uniqueKeysWithValues: themes.dropFirst().map { ($0[0], Int($0[2]) ?? -1) })
        // Counted by hand: the sample's text with its white space removed (the PDF extraction breaks
        // lines inside words: 地 域の活性化), each theme's forms found left to right, the longest at
        // each place, without overlap (Python's str.startswith over the joined text). 地域活性化:
        // 地域の活性化 5 + 地域経済の活性化 4 + 各地域の活性化 1 + 地域を活性化 1 + まちづくり 1 + 地域振興 1
        // = 13 (地域活性化 itself never occurs). 小規模事業者: 小規模事業者 18 + 小規模企業 2 + 個人事業主 1
        // = 21 (中小規模事業者 never occurs, so the token-boundary rule removes nothing). Every one of
        // them starts and ends on a token boundary (kwic.csv lists them).
        #expect(occurrences["地域活性化"] == 13)
        #expect(occurrences["小規模事業者"] == 21)
        let kwic = try TestSupport.readCSV(root.appendingPathComponent("output/kwic.csv")).dropFirst()
        func forms(_ theme: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for row in kwic where row[5] == theme { counts[row[7].replacingOccurrences(of: " ", with: ""), default: 0] += 1 }
            return counts
        }
        #expect(forms("地域活性化") == ["地域の活性化": 5, "地域経済の活性化": 4, "各地域の活性化": 1, "地域を活性化": 1, "まちづくり": 1, "地域振興": 1])
        #expect(forms("小規模事業者") == ["小規模事業者": 18, "小規模企業": 2, "個人事業主": 1])
    }

    @Test func tokensEqualTheMecabCommandOnTheNormalizedSample() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let sentences = try kotoba(["tokenize", "--format", "sentences", "corpus"], in: root)
        #expect(sentences.status == 0)
        let tokens = try kotoba(["tokenize", "corpus"], in: root)
        #expect(tokens.status == 0)
        #expect(sentences.output.split(separator: "\n").count > 80)
        #expect(tokens.output == (try TestSupport.mecab(sentences.output)))
    }

    @Test func termFrequenciesEqualCountsFromTheMecabCommand() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let sentences = try kotoba(["tokenize", "--format", "sentences", "corpus"], in: root).output
        let expected = Self.independentCounts(mecabOutput: try TestSupport.mecab(sentences))
        #expect(try kotoba(["run"], in: root).status == 0)
        let rows = try TestSupport.readCSV(root.appendingPathComponent("output/term_frequency.csv")).dropFirst()
        var actual: [String: Int] = [:]
        for row in rows { actual[row[1] + "/" + row[2]] = Int(row[3]) }
        #expect(actual == expected)
        #expect(expected["小規模/形容動詞"] == 20)
        #expect(expected["する/動詞B"] == nil && expected["大変/形容動詞"] != nil)
    }

    @Test func themesCountWhereTheTokensSpellThem() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("themes:\n  - {name: 小規模事業者, terms: [小規模事業者]}\n  - {name: 地域の活性化, terms: [地域の活性化]}\n".utf8)
            .write(to: root.appendingPathComponent("t.yml"))
        #expect(try kotoba(["run", "corpus", "--themes", "t.yml"], in: root).status == 0)
        // Independent count: token sequences in the mecab command's output.
        let sentences = try kotoba(["tokenize", "--format", "sentences", "corpus"], in: root).output
        let surfaces = try TestSupport.mecab(sentences).split(separator: "\n").map { $0.split(separator: "\t")[0] }
        func occurrences(_ sequence: [Substring]) -> Int {
            (0...(surfaces.count - sequence.count)).filter { Array(surfaces[$0..<($0 + sequence.count)]) == sequence }.count
        }
        let themes = try TestSupport.readCSV(root.appendingPathComponent("output/themes.csv"))
        #expect(themes[1][0] == "小規模事業者")
        #expect(Int(themes[1][2]) == occurrences(["小規模", "事業", "者"]))
        #expect(themes[2][0] == "地域の活性化")
        #expect(Int(themes[2][2]) == occurrences(["地域", "の", "活性", "化"]))
        #expect(Int(themes[2][2]) ?? 0 > 0)
    }

    @Test func oneAndFourJobsWriteTheSameBytes() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--jobs", "1", "--out", "one", "--no-cache"], in: root).status == 0)
        #expect(try kotoba(["run", "--jobs", "4", "--out", "four", "--no-cache"], in: root).status == 0)
        let names = [
            "documents.csv", "term_frequency.csv", "cooccurrence.csv", "themes.csv", "document_themes.csv",
            "summary.json", "report.html", "graph/nodes.csv", "graph/edges.csv", "graph/cooccurrence.graphml",
            "graph/cooccurrence.gexf",
        ]
        for name in names {
            let one = try Data(contentsOf: root.appendingPathComponent("one/" + name))
            let four = try Data(contentsOf: root.appendingPathComponent("four/" + name))
            #expect(one == four, "\(name)")
        }
    }

    @Test func standardInputIsADocument() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["run", "-", "--out", "stdin"], in: root, input: Data("地域の活性化を支援する。".utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try TestSupport.readCSV(root.appendingPathComponent("stdin/documents.csv"))
        #expect(documents[1][1] == "-")
    }

    @Test func aMissingDictionaryEndsWithOneLineAndExit69() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["run", "--dictionary", "/nonexistent/dic"], in: root)
        #expect(result.status == 69)
        #expect(result.standardError == "kotoba: error: cannot load MeCab dictionary '/nonexistent/dic': no such directory\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    @Test func invalidUTF8EndsWithTheFileAndOffsetAndKeepsThePreviousOutput() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run"], in: root).status == 0)
        let before = try Data(contentsOf: root.appendingPathComponent("output/term_frequency.csv"))
        try Data("地域の".utf8 + [0x82, 0xA0]).write(to: root.appendingPathComponent("corpus/broken.txt"))
        let result = try kotoba(["run"], in: root)
        #expect(result.status == 65)
        #expect(result.standardError == "kotoba: error: corpus/broken.txt: invalid UTF-8 at byte offset 9\n")
        #expect(try Data(contentsOf: root.appendingPathComponent("output/term_frequency.csv")) == before)
        // Nothing half-written is left beside the output, nor the lock file.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    /// A run takes `.output.lock` beside its output and removes it when it ends: published,
    /// up to date, failed, or refused.
    @Test func noLockFileIsLeftBesideTheOutput() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let hidden = { try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") } }
        #expect(try kotoba(["run", "--no-cache"], in: root).status == 0)
        #expect(try hidden() == [])
        let again = try kotoba(["run", "--no-cache"], in: root)
        #expect(again.status == 0 && again.standardError.contains("up to date"))
        #expect(try hidden() == [])
        #expect(try kotoba(["run", "nope.txt", "--no-cache"], in: root).status == 66)
        #expect(try hidden() == [])
        // A lock file left by a killed run is taken and removed by the next run.
        try Data().write(to: root.appendingPathComponent(".output.lock"))
        #expect(try kotoba(["run", "--no-cache", "--force"], in: root).status == 0)
        #expect(try hidden() == [])
    }

    /// A folder kotoba did not write is refused (exit 73) before any input is read: an input that
    /// is missing goes unnoticed, and the cache gets no entry.
    @Test func aFolderKotobaDidNotWriteIsRefusedBeforeTheAnalysis() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["mine/notes.txt": Data("keep".utf8)], in: root)
        let cache = root.appendingPathComponent("cache")
        let result = try kotoba(["run", "corpus", "nope.txt", "--out", "mine", "--cache", cache.path], in: root)
        #expect(result.status == 73)
        #expect(result.standardError.hasPrefix("kotoba: error: '/"))
        #expect(result.standardError.hasSuffix(
            "/mine' exists and is not a kotoba output directory (it has no manifest.json); refusing to replace it: choose another --out\n"))
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        // With good inputs, the analysis is not started either: nothing is cached.
        #expect(try kotoba(["run", "corpus", "--out", "mine", "--cache", cache.path], in: root).status == 73)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        #expect(try String(contentsOf: root.appendingPathComponent("mine/notes.txt"), encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("mine").path) == ["notes.txt"])
    }

    @Test func aMissingOrUnreadableInputEndsWithExit66() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try kotoba(["run", "corpus", "nope.txt"], in: root)
        #expect(missing.status == 66)
        #expect(missing.standardError == "kotoba: error: nope.txt: no such file or directory\n")
        // A dangling symbolic link inside a corpus directory is named too.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("corpus/gone.txt").path, withDestinationPath: "/nonexistent/gone.txt")
        let dangling = try kotoba(["run"], in: root)
        #expect(dangling.status == 66)
        #expect(dangling.standardError == "kotoba: error: corpus/gone.txt: cannot read: a symbolic link to nothing (dangling)\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    @Test func anInvalidThemeFileEndsWithExit78() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("themes: [{name: x}]".utf8).write(to: root.appendingPathComponent("bad.yml"))
        let result = try kotoba(["run", "--themes", "bad.yml"], in: root)
        #expect(result.status == 78)
        #expect(result.standardError.hasPrefix("kotoba: error: bad.yml: theme 1 ('x'): give 'terms', 'words', 'globs' or 'rule'"))
    }

    @Test func badUsageEndsWithExit64() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--jobs", "0"], in: root).status == 64)
        #expect(try kotoba(["run", "--no-such-flag"], in: root).status == 64)
    }
}
