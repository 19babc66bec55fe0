import Testing
import TestSupport
import Tokenization

@testable import Analysis

/// Theme matching at token boundaries (docs/TEXT.md §8.5, vectors §9.10).
struct ThemeMatcherTests {
    static let themes = [
        Theme(name: "地域活性化", forms: ["地域活性化", "地域の活性化"], normalizedForms: ["地域活性化", "地域の活性化"]),
        Theme(name: "小規模事業者", forms: ["小規模事業者"], normalizedForms: ["小規模事業者"]),
        Theme(name: "事業者", forms: ["事業者"], normalizedForms: ["事業者"]),
        Theme(name: "活性化", forms: ["活性化", "活性"], normalizedForms: ["活性化", "活性"]),
    ]

    func occurrences(_ sentence: String) throws -> [Int] {
        let tokens = try MeCabTagger(model: TestSupport.model).tokenize(sentence)
        return ThemeMatcher(themes: Self.themes).occurrences(in: sentence, tokens: tokens)
    }

    @Test func multiTokenThemesAreFoundAcrossTheDictionarysSplit() throws {
        // 地域/活性/化 と 小規模/事業/者 の 支援
        #expect(try occurrences("地域活性化と小規模事業者の支援") == [1, 1, 1, 1])
        #expect(try occurrences("小規模事業者数が増えた。") == [0, 1, 1, 0])
    }

    @Test func aMatchStartingInsideATokenDoesNotCount() throws {
        // 中小/規模/事業/者: 小規模事業者 would start inside 中小.
        #expect(try occurrences("中小規模事業者の地域の活性化。") == [1, 0, 1, 1])
        // 大/規模/事業/者: 事業者 is there, 小規模事業者 is not.
        #expect(try occurrences("大規模事業者ではない。") == [0, 0, 1, 0])
    }

    @Test func overlappingFormsOfOneThemeCountOnce() throws {
        // 活性化 and 活性 overlap at every occurrence: the longest counts, once each.
        #expect(try occurrences("活性化と活性化、そして活性。")[3] == 3)
    }

    @Test func everyOccurrenceCounts() throws {
        #expect(try occurrences("地域の活性化、地域活性化、地域の活性化。")[0] == 3)
    }

    @Test func noThemesOrNoTokensGiveZeros() throws {
        #expect(ThemeMatcher(themes: []).occurrences(in: "地域", tokens: []).isEmpty)
        #expect(try occurrences("") == [0, 0, 0, 0])
    }
}
