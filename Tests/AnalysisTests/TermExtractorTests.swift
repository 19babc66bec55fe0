import Testing
import TestSupport
import Tokenization

@testable import Analysis

struct TermExtractorTests {
    /// Terms under the `content` preset (nouns, verbs, adjectives, unknown words).
    func terms(_ sentence: String, preset: TermSelection.Preset = .content) throws -> [String] {
        let extractor = TermExtractor(selection: TermSelection(preset: preset))
        return try MeCabTagger(model: TestSupport.model).tokenize(sentence).compactMap { extractor.term(for: $0, in: sentence) }
            .map(\.description)
    }

    @Test func khCodersDefaultSelectionSplitsOffHiraganaAndOneCharacterWords() throws {
        // する (動詞B) and hiragana-only nouns are not in KH Coder's default; 名詞C (区) and
        // adjectival nouns (大変) are.
        #expect(try terms("荒川区の区は大変にすることがある。", preset: .khcoder) == ["荒川/地名", "区/名詞C", "大変/形容動詞"])
        #expect(try terms("とても大切だ。", preset: .khcoder) == ["大切/形容動詞"])
        #expect(try terms("とても大切だ。", preset: .all).contains("とても/副詞B"))
        #expect(try terms("地域の支援。", preset: .nouns) == ["地域/名詞", "支援/サ変名詞"])
    }

    @Test func includeAndExcludeAdjustAPreset() throws {
        let selection = TermSelection(preset: .khcoder, include: ["動詞B"], exclude: ["名詞C", "名詞-固有名詞"])
        let extractor = TermExtractor(selection: selection)
        let sentence = "荒川区の区にする。"
        let terms = try MeCabTagger(model: TestSupport.model).tokenize(sentence).compactMap { extractor.term(for: $0, in: sentence) }
        #expect(terms.map(\.description) == ["する/動詞B"])
    }

    @Test func contentWordsAreKeptUnderTheirBaseForm() throws {
        // 地域/名詞-一般 の 活性/名詞-一般 化/名詞-接尾 を 支援/名詞-サ変接続 し/動詞-自立 まし た 。
        #expect(try terms("地域の活性化を支援しました。") == ["地域/名詞", "活性/名詞", "支援/サ変名詞", "する/動詞B"])
    }

    @Test func numbersSuffixesPronounsAndNonIndependentNounsAreLeftOut() throws {
        // 16/名詞-数 (unknown) 年/名詞-接尾-助数詞 それ/名詞-代名詞 こと/名詞-非自立
        #expect(try terms("平成16年にそれをすることが大切だ。") == ["平成/固有名詞", "する/動詞B", "大切/形容動詞"])
    }

    @Test func properNounsUnknownWordsAndAdjectivesGetKHCodersCategories() throws {
        // 荒川/名詞-固有名詞-地域 区/名詞-接尾-地域 の MACC/unknown は 新しい/形容詞-自立 。
        #expect(try terms("荒川区のMACCは新しい。") == ["荒川/地名", "MACC/未知語", "新しい/形容詞"])
        #expect(try terms("西川さんと中小機構。") == ["西川/人名", "中小/名詞", "機構/名詞"])
    }

    @Test func symbolsAreNeverTerms() throws {
        // IPAdic tags ASCII parentheses as unknown nouns (名詞-サ変接続).
        #expect(try terms("(株)と( 連鎖 )") == ["株/名詞C", "連鎖/名詞"])
        #expect(TermExtractor.isSymbolOnly("()!?"))
        #expect(!TermExtractor.isSymbolOnly("A-1"))
    }

    /// The byte test's fast path (a first scalar that is an ASCII letter or digit, kana or a
    /// kanji) gives what the scalar test gives, at the edges of its ranges and beyond them.
    @Test func theByteTestAgreesWithTheScalarTest() {
        let samples = [
            "", "a", "Z", "0", "9", "/", "-1", "ぁ", "ゖ", "゛", "゠", "ァ", "ヺ", "・", "ー", "ヿ", "一", "鿿", "䷀", "〇",
            "　", "、", "「地域」", "※１", "①", "Ａ", "ｱ", "😀", "é", "e\u{301}", "()", "—", "…", "地", "A-1",
        ]
        for sample in samples {
            var bytes = sample
            let byBytes = bytes.withUTF8Span { TermExtractor.isSymbolOnly($0) }
            #expect(byBytes == TermExtractor.isSymbolOnly(sample), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
