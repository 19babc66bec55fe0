import Foundation
import Testing
import TestSupport
import Tokenization

/// Vocabulary control on the sample, as an analyst would use it.
struct VocabularyEndToEndTests {
    func workspace() throws -> URL { try TestSupport.workspaceWithCorpus() }

    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments + ["--no-cache"], in: directory)
    }

    func rows(_ file: String, in root: URL) throws -> [[String]] {
        Array(try TestSupport.readCSV(root.appendingPathComponent(file)).dropFirst())
    }

    @Test func forcePickAndSynonymsMakeOneTermEach() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(
            """
            force_pick: [地域の活性化]
            synonyms:
              中小機構: [中小企業基盤整備機構]
            """.utf8
        ).write(to: root.appendingPathComponent("vocabulary.yml"))
        let result = try kotoba(["run", "--vocabulary", "vocabulary.yml", "--out", "vocab"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let terms = try rows("vocab/term_frequency.csv", in: root)
        let count = { (term: String) in terms.first { $0[1] == term }.flatMap { Int($0[3]) } }
        // Independent count: the forms in the normalized sentences.
        let sentences = try TestSupport.run(TestSupport.kotoba, ["tokenize", "--format", "sentences", "corpus"], in: root).output
        let expected = sentences.components(separatedBy: "中小機構").count - 1
            + sentences.components(separatedBy: "中小企業基盤整備機構").count - 1
        #expect(count("中小機構") == expected)
        #expect(expected > 20)
        #expect(count("地域の活性化") == sentences.components(separatedBy: "地域の活性化").count - 1)
        #expect(terms.first { $0[1] == "中小機構" }?[2] == "タグ")
        let manifest = try String(contentsOf: root.appendingPathComponent("vocab/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("entry 中小機構: 中小機構 | 中小企業基盤整備機構"))
    }

    @Test func groupTermsBySpeakerSeparateTheSpeakers() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--group-by", "speaker", "--out", "groups"], in: root).status == 0)
        let groups = try rows("groups/group_terms.csv", in: root)
        let nishikawa = groups.filter { $0[0] == "西川区長" }.map { $0[2] }
        let watanabe = groups.filter { $0[0] == "渡部理事" }.map { $0[2] }
        #expect(!nishikawa.isEmpty && !watanabe.isEmpty)
        #expect(Set(nishikawa.prefix(10)).isDisjoint(with: watanabe.prefix(10)))
        // The mayor speaks as chair of the ward mayors' association (特別区長会会長) of public
        // administration; the SMRJ director of "we" and of the firms' people (方々) and measures.
        #expect(nishikawa.prefix(10).contains("特別") && nishikawa.prefix(10).contains("行政"))
        #expect(watanabe.prefix(10).contains("我々") && watanabe.prefix(10).contains("施策"))
        for row in groups {
            let (a, b, c, d, n) = (Int(row[4])!, Int(row[5])!, Int(row[6])!, Int(row[7])!, Int(row[8])!)
            #expect(a + b + c + d == n)
            #expect((Double(row[10]) ?? 0) > 0)
        }
    }

    @Test func compoundCandidatesAndCompoundTerms() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--out", "plain"], in: root).status == 0)
        let candidates = try rows("plain/compound_candidates.csv", in: root)
        #expect(candidates.contains { $0[1] == "小規模事業者" && $0[2] == "小規模 事業 者" })
        #expect(candidates.allSatisfy { $0[2].contains(" ") })
        let flr = candidates.compactMap { Double($0[5]) }
        #expect(flr == flr.sorted(by: >))
        #expect(try kotoba(["run", "--compounds", "--out", "joined"], in: root).status == 0)
        let terms = try rows("joined/term_frequency.csv", in: root)
        #expect(terms.contains { $0[1] == "小規模事業者" && $0[2] == "複合名詞" })
        let small = candidates.first { $0[1] == "小規模事業者" }?[3]
        #expect(terms.first { $0[1] == "小規模事業者" }?[3] == small)
    }

    @Test func jumanAndTheDefaultStopListGiveSensibleReports() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let juman = try kotoba(["run", "--dictionary", "juman", "--out", "juman", "--stopwords", "default"], in: root)
        #expect(juman.status == 0, "\(juman.standardError)")
        let manifest = try String(contentsOf: root.appendingPathComponent("juman/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"layout\" : \"juman\""))
        let terms = try rows("juman/term_frequency.csv", in: root)
        #expect(terms.prefix(10).contains { $0[1] == "地域" })
        #expect(!terms.contains { $0[1] == "考える" })  // a stopword
        let unidic = try kotoba(["run", "--dictionary", "unidic", "--out", "unidic"], in: root)
        if DictionaryLocator.installed(.unidic) == nil {
            #expect(unidic.status == 69)
            #expect(unidic.standardError.contains("unidic is not installed: install unidic-mecab"))
        } else {
            #expect(unidic.status == 0)
        }
    }

    @Test func documentTermsCarryTFIDFAndBoundsTrimEveryTermReport() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(SmallCorpus.documents.mapValues { Data($0.utf8) }, in: root.appendingPathComponent("in"))
        #expect(try kotoba(["run", "in", "--pos-preset", "content", "--min-pair-count", "1"], in: root).status == 0)
        let terms = try rows("output/document_terms.csv", in: root)
        // 地域 occurs twice in a.txt and in 1 of 2 documents: 2·log10(2) and 2·(log2(2) + 1).
        // Paths are relative to the directory given (issue 18): in/a.txt is a.txt.
        #expect(terms.contains(["1", "a.txt", "地域", "名詞", "2", "0.602060", "4.000000"]))
        // 企業 is in both documents: idf 0 (quanteda), 1 (RMeCab).
        #expect(terms.contains(["2", "b.txt", "企業", "名詞", "1", "0.000000", "1.000000"]))
        #expect(try kotoba(["run", "in", "--pos-preset", "content", "--min-pair-count", "1", "--min-df", "2", "--out", "trimmed"], in: root).status == 0)
        #expect(try rows("trimmed/term_frequency.csv", in: root).map { $0[1] } == ["企業", "活性"])
        #expect(try rows("trimmed/cooccurrence.csv", in: root).map { [$0[0], $0[2]] } == [["企業", "活性"]])
        #expect(Set(try rows("trimmed/document_terms.csv", in: root).map { $0[2] }) == ["企業", "活性"])
    }
}
