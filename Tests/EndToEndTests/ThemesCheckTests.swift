import Foundation
import Testing
import TestSupport

/// `kotoba themes check`, invalid rule files given to `kotoba run`, and the bundled themes as
/// coding rules.
struct ThemesCheckTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    static let invalid = """
        ＊地域活性化
        near(地域-活性 or まちづくり
        ＊補助
        <＊小規模事業者> and 補助
        """

    @Test func aValidFileListsItsThemes() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["themes", "check", "corpus/themes.cod"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 7)
        // Name, kind, atoms: 地域活性化 has seven strings.
        #expect(lines.first == ["地域活性化", "rule", "7"])
        #expect(result.standardError.isEmpty)
        let yaml = try kotoba(["themes", "check", "corpus/themes.yml"], in: root)
        #expect(yaml.status == 0)
        #expect(yaml.output.hasPrefix("地域活性化\tterms\t7\n"))
    }

    @Test func everyErrorIsPrintedAsFileLineColumn() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["bad.cod": Data(Self.invalid.utf8)], in: root)
        let result = try kotoba(["themes", "check", "bad.cod"], in: root)
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(
            result.standardError == """
                bad.cod:2:11: ')' expected after near(地域-活性
                bad.cod:4:1: <＊小規模事業者> refers to no code of this file

                """)
        #expect(try kotoba(["themes", "check", "missing.cod"], in: root).status == 66)
    }

    @Test func aRunWithAnInvalidRuleFileStopsBeforeAnyWork() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["bad.cod": Data(Self.invalid.utf8)], in: root)
        let result = try kotoba(["run", "--themes", "bad.cod"], in: root)
        // A theme file that does not fit is a configuration error (78), with the same messages.
        #expect(result.status == 78)
        #expect(result.standardError.contains("kotoba: error: bad.cod:2:11: ')' expected after near(地域-活性\n"))
        #expect(result.standardError.contains("kotoba: error: bad.cod:4:1: <＊小規模事業者> refers to no code of this file\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    /// corpus/themes.cod writes each form of corpus/themes.yml as a raw string. The counts are the
    /// same but for one: KH Coder searches a string anywhere in the text, while YAML terms must
    /// start and end at token boundaries, and IPAdic reads インバウンドビジネス (sentence 93) as
    /// one unknown word, so 'インバウンド' is found there and the term インバウンド is not.
    @Test func theBundledThemesAsRulesCountLikeTheYAMLFile() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        func counts(_ themes: String, _ out: String) throws -> [String: [String]] {
            let result = try kotoba(["run", "--themes", themes, "-o", out], in: root)
            #expect(result.status == 0, "\(result.standardError)")
            let rows = try TestSupport.readCSV(root.appendingPathComponent(out + "/themes.csv")).dropFirst()
            // theme → occurrences, sentences, documents
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], [$0[2], $0[3], $0[5]]) })
        }
        let yaml = try counts("corpus/themes.yml", "yaml")
        let rules = try counts("corpus/themes.cod", "rules")
        #expect(yaml.keys.sorted() == rules.keys.sorted())
        #expect(yaml.count == 7)
        for (theme, expected) in yaml where theme != "観光・インバウンド" {
            #expect(rules[theme] == expected, "\(theme)")
        }
        #expect(yaml["観光・インバウンド"] == ["8", "3", "1"])
        #expect(rules["観光・インバウンド"] == ["9", "4", "1"])
        // The one extra occurrence is インバウンドビジネス.
        let kwic = try kotoba(["kwic", "corpus", "--themes", "corpus/themes.cod", "--csv-dialect", "unix"], in: root)
        #expect(kwic.status == 0)
        #expect(kwic.output.split(separator: "\n").filter { $0.contains(",観光・インバウンド,") }.count == 9)
        #expect(kwic.output.split(separator: "\n").contains { $0.contains(",観光・インバウンド,") && $0.contains(",インバウンドビジネス,") })
    }
}
