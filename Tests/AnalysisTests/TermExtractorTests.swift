import Testing
import TestSupport
import Tokenization

@testable import Analysis

struct TermExtractorTests {
    func terms(_ sentence: String) throws -> [String] {
        try MeCabTagger(model: TestSupport.model).tokenize(sentence).compactMap(TermExtractor().term(for:))
            .map(\.description)
    }

    @Test func contentWordsAreKeptUnderTheirBaseForm() throws {
        // 地域/名詞-一般 の 活性/名詞-一般 化/名詞-接尾 を 支援/名詞-サ変接続 し/動詞-自立 まし た 。
        #expect(try terms("地域の活性化を支援しました。") == ["地域/名詞", "活性/名詞", "支援/サ変名詞", "する/動詞"])
    }

    @Test func numbersSuffixesPronounsAndNonIndependentNounsAreLeftOut() throws {
        // 16/名詞-数 (unknown) 年/名詞-接尾-助数詞 それ/名詞-代名詞 こと/名詞-非自立
        #expect(try terms("平成16年にそれをすることが大切だ。") == ["平成/固有名詞", "する/動詞", "大切/形容動詞"])
    }

    @Test func properNounsUnknownWordsAndAdjectivesGetKHCodersCategories() throws {
        // 荒川/名詞-固有名詞-地域 区/名詞-接尾-地域 の MACC/unknown は 新しい/形容詞-自立 。
        #expect(try terms("荒川区のMACCは新しい。") == ["荒川/地名", "MACC/未知語", "新しい/形容詞"])
        #expect(try terms("西川さんと中小機構。") == ["西川/人名", "中小/名詞", "機構/名詞"])
    }

    @Test func symbolsAreNeverTerms() throws {
        // IPAdic tags ASCII parentheses as unknown nouns (名詞-サ変接続).
        #expect(try terms("(株)と( 連鎖 )") == ["株/名詞", "連鎖/名詞"])
        #expect(TermExtractor.isSymbolOnly("()!?"))
        #expect(!TermExtractor.isSymbolOnly("A-1"))
    }
}
