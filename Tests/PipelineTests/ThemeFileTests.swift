import Analysis
import Foundation
import Testing
import TestSupport
import TextPreparation

@testable import Pipeline

struct ThemeFileTests {
    func parse(_ text: String) throws(PipelineError) -> [String] {
        try ThemeFile.parse(text, path: "themes.yml", normalizer: TextNormalizer()).map { theme in
            theme.name + ":" + theme.normalizedForms.joined(separator: ",")
        }
    }

    func reason(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            guard case .themes(let path, let reason) = error, path == "themes.yml" else { return "\(error)" }
            return reason
        }
    }

    @Test func themesKeepTheirOrderAndFormsAreNormalizedLikeTheText() throws {
        let text = """
            version: 1
            themes:
              - name: 地域活性化
                terms: [地域活性化, 地域 の 活性化]
              - name: MACC
                terms:
                  - ＭＡＣＣ
                  - ｶﾞｲﾄﾞ
            """
        // Forms are keyed like terms: case-folded.
        #expect(try parse(text) == ["地域活性化:地域活性化,地域の活性化", "MACC:macc,ガイド"])
    }

    @Test func theBundledThemeFileIsValid() throws {
        let themes = try ThemeFile.load(
            path: TestSupportPaths.bundledThemes, normalizer: TextNormalizer())
        #expect(themes.map(\.name).starts(with: ["地域活性化", "小規模事業者"]))
        #expect(themes.count >= 5)
    }

    @Test func everyProblemIsNamed() {
        #expect(reason("themes: [{name: a, terms: []}, {name: a, terms: [x]}]") == "theme 1 ('a'): 'terms' is empty; theme 2 ('a'): the name is used twice")
        #expect(reason("themes: [{name: a}]") == "theme 1 ('a'): give 'terms', 'words', 'globs' or 'rule'")
        #expect(reason("themes: [{name: a, terms: [\"　\"]}]") == "theme 1 ('a'): the term '　' is empty after normalization")
        #expect(reason("version: 9\nthemes: []") == "version 9 is not supported (highest: 1)")
        #expect(reason("themes: [unclosed")?.hasPrefix("invalid YAML") == true)
        #expect(reason("themes: [unclosed")?.contains("line 1, column 9") == true)
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: PipelineError.self) {
            try ThemeFile.load(path: "/nonexistent/themes.yml", normalizer: TextNormalizer())
        }
    }

    // MARK: Coding rules

    func rules(_ text: String, path: String = "themes.cod") throws(PipelineError) -> [Theme] {
        try ThemeFile.parse(text, path: path, normalizer: TextNormalizer())
    }

    @Test func aRuleFileIsToldByItsExtensionOrItsFirstLine() {
        #expect(ThemeFile.isRuleFile(path: "a.cod", text: ""))
        #expect(ThemeFile.isRuleFile(path: "a.TXT", text: ""))
        #expect(ThemeFile.isRuleFile(path: "a.rules", text: "\u{FEFF}# comment\n\n＊地域\n地域"))
        #expect(ThemeFile.isRuleFile(path: "a", text: "*地域\n地域"))
        #expect(!ThemeFile.isRuleFile(path: "themes.yml", text: "# comment\nversion: 1\nthemes: []"))
    }

    @Test func codesBecomeRuleThemesWithTheirWordsNormalizedLikeTheText() throws {
        let themes = try rules("＊MACC\nＭＡＣＣ or 'ｶﾞｲﾄﾞ' or 中小+企業-->名詞=>ＡＢＣ\n")
        #expect(themes.map(\.name) == ["MACC"])
        #expect(themes[0].kind == "rule")
        #expect(themes[0].atomCount == 3)
        // Words, strings and surfaces are keyed (case-folded); parts of speech stay as written.
        #expect(themes[0].rule?.description == "( ( macc or 'ガイド' ) or 中小+企業-->名詞=>abc )")
        // The condition as written stands for the forms in reports.
        #expect(themes[0].forms == ["ＭＡＣＣ or 'ｶﾞｲﾄﾞ' or 中小+企業-->名詞=>ＡＢＣ"])
    }

    @Test func everyRuleErrorIsReportedWithTheFileLineAndColumn() {
        do {
            _ = try rules("＊a\nnear(地域-活性 and 補助\n＊b\n<＊c>\n")
            Issue.record("no error")
        } catch {
            #expect(
                error.messages == [
                    "themes.cod:2:11: ')' expected after near(地域-活性",
                    "themes.cod:4:1: <＊c> refers to no code of this file",
                ])
        }
    }

    @Test func aWordEmptyAfterNormalizationIsAnErrorOfItsCode() {
        do {
            _ = try rules("＊a\n地域\n＊b\n'　' or 地域\n")
            Issue.record("no error")
        } catch {
            #expect(error.messages == ["themes.cod:3:1: the code '＊b': '　' is empty after normalization"])
        }
    }

    @Test func cp932RuleFilesAreRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("themes.cod")
        let text = "＊地域活性化（KH Coder の既定の符号化）\r\n地域+活性+化 or near(地域-活性)[b5]\r\n"
        try #require(text.data(using: .shiftJIS)).write(to: url)
        let themes = try ThemeFile.load(path: url.path, normalizer: TextNormalizer())
        #expect(themes.map(\.name) == ["地域活性化（KH Coder の既定の符号化）"])
        #expect(themes.first?.atomCount == 2)
    }

    @Test func yamlThemesTakeWordsGlobsAndRules() throws {
        let text = """
            themes:
              - name: 地域活性化
                terms: [地域活性化]
              - name: 小規模事業者
                words: [零細]
                globs: ["*事業者", 小規模*]
                rule: <＊地域活性化> and near(中小-企業)[b3]
            """
        let themes = try ThemeFile.parse(text, path: "themes.yml", normalizer: TextNormalizer())
        #expect(themes.map(\.kind) == ["terms", "words+globs+rule"])
        #expect(themes[0].rule == nil)
        #expect(themes[1].atomCount == 5)
        #expect(
            themes[1].rule?.description
                == "( ( ( 零細 or glob[*事業者] ) or glob[小規模*] ) or ( <＊地域活性化> and near(中小-企業)[b3] ) )")
    }

    @Test func aYAMLRuleErrorNamesTheThemeAndColumn() {
        #expect(
            reason("themes: [{name: a, rule: \"near(A-B\"}, {name: b, rule: \"<＊c> or x\"}]")
                == "theme 1 ('a'): rule, column 9: ')' expected after near(A-B; theme 2 ('b'): rule, column 1: <＊c> refers to no theme")
    }

    @Test func theCacheIdentityChangesWithAnyRule() throws {
        let dictionary = try JSONDecoder().decode(DictionaryIdentity.self, from: Data(#"{"files":[],"sha256":"x"}"#.utf8))
        func identity(_ text: String) throws -> String {
            AnalysisIdentity(
                configuration: PipelineConfiguration(), dictionary: dictionary, family: "ipadic", userDictionaries: [],
                vocabulary: Vocabulary(), themes: try rules(text)
            ).sha256
        }
        let base = try identity("＊a\n地域 or near(先生-奥さん)[b8]\n＊b\n<＊a>")
        #expect(try identity("＊a\n地域 or near(先生-奥さん)[b8]\n＊b\n<＊a>") == base)
        #expect(try identity("＊a\n地域 or near(先生-奥さん)[b9]\n＊b\n<＊a>") != base)
        #expect(try identity("＊a\n地域 or near(先生-奥さん)[b8]\n＊b\nnot <＊a>") != base)
        // A rule on document variables depends on the metadata table too.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let metadata = directory.appendingPathComponent("meta.csv")
        func variables(_ table: String) throws -> String {
            try Data(table.utf8).write(to: metadata)
            return AnalysisIdentity(
                configuration: PipelineConfiguration(metadata: metadata.path), dictionary: dictionary, family: "ipadic",
                userDictionaries: [], vocabulary: Vocabulary(), themes: try rules("＊a\n<>年度-->2024")
            ).sha256
        }
        #expect(try variables("file,年度\na.txt,2024\n") != (try variables("file,年度\na.txt,2023\n")))
    }
}
