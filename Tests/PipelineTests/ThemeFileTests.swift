import Normalization
import Testing

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
        #expect(reason("themes: [{name: a}]")?.contains("missing key 'terms'") == true)
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
}
