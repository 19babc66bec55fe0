import Testing

@testable import TextPreparation

/// Sentence vectors of docs/TEXT.md §9.7 and ja_sentence_segmenter's test (§9.1).
struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test(arguments: [
        ("これが１文目です。。。。そして、これが２文目…３文目。", ["これが１文目です。。。。", "そして、これが２文目…３文目。"]),
        ("彼は「本当？」と言った。次の文。", ["彼は「本当？」と言った。", "次の文。"]),
        ("1.5倍になった。No.1の事業です。", ["1.5倍になった。", "No.1の事業です。"]),
        ("（注：地域活性化。小規模事業者。）本文です。", ["（注：地域活性化。小規模事業者。）本文です。"]),
        (
            "私は「この星は遠い。でもない。」といった?でも、「それはそれ(だがつらい?)として!」とも思う(それは「違う。」かもしれない。)!(ほげ。)。ではまた。",
            [
                "私は「この星は遠い。でもない。」といった?",
                "でも、「それはそれ(だがつらい?)として!」とも思う(それは「違う。」かもしれない。)!",
                "(ほげ。)。", "ではまた。",
            ]
        ),
        ("終わりのない文", ["終わりのない文"]),
        ("", []),
    ])
    func splits(paragraph: String, expected: [String]) {
        #expect(splitter.sentences(in: paragraph) == expected)
    }

    @Test func aRunawayBracketCannotSwallowTheParagraph() {
        let long = String(repeating: "あ", count: 20)
        let paragraph = "「" + long + "。次の文。"
        #expect(SentenceSplitter(runawayLimit: 10).sentences(in: paragraph) == ["「" + long + "。", "次の文。"])
        #expect(SentenceSplitter(runawayLimit: 300).sentences(in: paragraph) == [paragraph])
    }

    @Test func aSentenceWithoutTerminatorIsCutAtAPausePastTheLimit() {
        let splitter = SentenceSplitter(maximumLength: 10)
        #expect(splitter.sentences(in: "あいう、えおかきくけこさしす。") == ["あいう、", "えおかきくけこさしす。"])
        #expect(splitter.sentences(in: String(repeating: "あ", count: 25)) == [
            String(repeating: "あ", count: 10), String(repeating: "あ", count: 10), String(repeating: "あ", count: 5),
        ])
    }
}
