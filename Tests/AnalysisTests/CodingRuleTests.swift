import Corpus
import Testing
import TestSupport
import Tokenization

@testable import Analysis

/// KH Coder coding rules evaluated on IPAdic's tokens of hand-written sentences. Each expectation
/// is derived by hand from the tokens (written out below) and KH Coder's documented semantics:
/// an atom's number is how often it occurs in the sentence, operators work on those numbers, a
/// sentence matches when the rule is non-zero. kotoba's occurrences are the positive hits in a
/// matching sentence, overlaps once, at least one (`ThemeMatcher`).
struct CodingRuleTests {
    /// The sentences, with IPAdic's tokens (index: base form):
    static let sentences = [
        // A: 0地域 1活性 2化 3の 4ため 5に 6補助(名詞-サ変接続) 7金 8を 9活用 10する(し) 11た 12。 — 13 tokens
        "地域活性化のために補助金を活用した。",
        // B: 0先生 1と 2奥さん 3が 4話す(話し) 5た 6が 7、 8奥さん 9は 10先生 11より 12若い(形容詞-自立) 13。 — 14 tokens
        "先生と奥さんが話したが、奥さんは先生より若い。",
        // C: 0小規模 1事業 2者 3は 4零細 5企業 6が 7多い 8。 — 9 tokens, 15 characters
        "小規模事業者は零細企業が多い。",
        // D: 0彼 1は 2走る(走ら, 未然形) 3ない(助動詞) 4が 5、 6私 7は 8走る(走っ, 連用タ接続) 9た 10。 — 11 tokens
        "彼は走らないが、私は走った。",
        // E: 0中小 1企業 2の 3支援 4と 5地域 6の 7活性 8化 9。 — 10 tokens, 15 characters
        "中小企業の支援と地域の活性化。",
    ]

    /// Every operator and atom kind of KH Coder's syntax, one code each; with a byte-order mark,
    /// a comment, an ASCII `*` header and a condition over two lines.
    static let fixture = """
        \u{FEFF}# every operator and atom
        ＊語
        先生
        ＊回数
        先生 >= 2
        ＊品詞KH
        補助-->サ変名詞
        ＊品詞辞書
        走る-->動詞
        ＊品詞細分類
        若い-->形容詞-自立
        ＊活用
        走る->未然形
        ＊表層
        走る=>走っ
        ＊品詞活用
        走る-->動詞->連用タ接続
        ＊品詞表層
        走る-->動詞=>走ら
        ＊否定助動詞
        ない-->否定助動詞
        ＊句
        地域+活性+化
        ＊近接
        near(地域-化)[2]
        ＊近接既定
        near(先生-若い)
        ＊近接b
        near(先生-奥さん)[b2]
        ＊近接d
        near(先生-奥さん)[d1]
        ＊順序
        seq(奥さん-先生)[2]
        ＊文字列
        '活性化'
        ＊参照
        <＊句> and 補助
        ＊変数
        <>年度-->2024 and 企業
        ＊変数値
        <>年度<> >= 2024 & 先生
        ＊長さ
        lw < 10 & lc <= 15
        ＊番号
        No. == 3
        ＊否定
        企業 and not 零細
        ＊かつ否定
        企業 &! 零細
        ＊または
        零細 | 奥さん
        ＊または否定
        零細 |! 企業
        ＊感嘆符
        ! 先生
        ＊加算
        先生 + 奥さん > 3
        ＊算術
        ( 先生 - 奥さん ) == 0 and 先生 * 2 / 4 == 1
        *括弧
        (中小 and 企業) or 零細

        ＊複数行
        先生
           or 零細
        """

    /// Per code, occurrences in sentences A–E (sentence n is number n, with 年度 = 2024).
    static let expected: [(code: String, counts: [Int])] = [
        // 先生 occurs twice in B (tokens 0 and 10): two hits.
        ("語", [0, 2, 0, 0, 0]),
        // Two 先生 in B, so 先生 >= 2 holds there; the hits are the two words.
        ("回数", [0, 2, 0, 0, 0]),
        // 補助 is 名詞-サ変接続, KH Coder's サ変名詞.
        ("品詞KH", [1, 0, 0, 0, 0]),
        // 走ら and 走っ are 動詞-自立 (KH Coder's 動詞, and the dictionary's 動詞).
        ("品詞辞書", [0, 0, 0, 2, 0]),
        // 若い is 形容詞-自立 in IPAdic: a prefix of the dictionary's part of speech.
        ("品詞細分類", [0, 1, 0, 0, 0]),
        // Only 走ら is 未然形 (走っ is 連用タ接続).
        ("活用", [0, 0, 0, 1, 0]),
        // Only token 8 has the surface 走っ.
        ("表層", [0, 0, 0, 1, 0]),
        ("品詞活用", [0, 0, 0, 1, 0]),
        ("品詞表層", [0, 0, 0, 1, 0]),
        // ない after 走ら is the negative auxiliary (KH Coder's 否定助動詞).
        ("否定助動詞", [0, 0, 0, 1, 0]),
        // 地域/活性/化 are consecutive in A only; in E の separates 地域 from 活性.
        ("句", [1, 0, 0, 0, 0]),
        // A: 化 (2) is 2 tokens after 地域 (0); E: 化 (8) is 3 after 地域 (5), more than 2.
        ("近接", [1, 0, 0, 0, 0]),
        // B: 先生 0 is followed by 先生 10 (the same word: skipped), then 先生 10 and 若い 12
        // are 2 apart, within the default 10: one hit.
        ("近接既定", [0, 1, 0, 0, 0]),
        // B: 先生 0–奥さん 2 and 奥さん 8–先生 10 are 2 apart: two hits.
        ("近接b", [0, 2, 0, 0, 0]),
        // Nothing in B is 1 apart (d behaves like b within a sentence).
        ("近接d", [0, 0, 0, 0, 0]),
        // In order: 奥さん 8 then 先生 10, 2 later; 奥さん 2 has no 先生 within 2 after it.
        ("順序", [0, 1, 0, 0, 0]),
        // The string is in A (活性/化) and in E (活性/化).
        ("文字列", [1, 0, 0, 0, 1]),
        // A matches 句 (its hit 地域活性化) and has 補助: two hits.
        ("参照", [2, 0, 0, 0, 0]),
        // 年度 is 2024 everywhere; 企業 is in C and E.
        ("変数", [0, 0, 1, 0, 1]),
        // 2024 >= 2024 and 先生 (twice in B).
        ("変数値", [0, 2, 0, 0, 0]),
        // Only C has fewer than 10 tokens (9) and at most 15 characters (15); no word hits, so
        // the sentence counts once.
        ("長さ", [0, 0, 1, 0, 0]),
        // Sentence number 3 is C.
        ("番号", [0, 0, 1, 0, 0]),
        // 企業 without 零細: E only (C has both).
        ("否定", [0, 0, 0, 0, 1]),
        ("かつ否定", [0, 0, 0, 0, 1]),
        // 奥さん twice in B, 零細 once in C.
        ("または", [0, 2, 1, 0, 0]),
        // 零細 or not 企業: true in A, B, D (no 企業: once each, no hits) and C (零細); false in E.
        ("または否定", [1, 1, 1, 1, 0]),
        // Every sentence but B, once each (a negation has no hits).
        ("感嘆符", [1, 0, 1, 1, 1]),
        // B: 2 + 2 > 3; hits: both 先生 and both 奥さん.
        ("加算", [0, 4, 0, 0, 0]),
        // B: 2 - 2 == 0 and 2 * 2 / 4 == 1. A: 0 == 0 but 0 * 2 / 4 is not 1.
        ("算術", [0, 4, 0, 0, 0]),
        // C: 企業 without 中小, but 零細; E: 中小 and 企業.
        ("括弧", [0, 0, 1, 0, 2]),
        // The two lines are one condition: 先生 or 零細.
        ("複数行", [0, 2, 1, 0, 0]),
    ]

    static func tokens(_ sentence: String) throws -> [Token] {
        try MeCabTagger(model: TestSupport.model).tokenize(sentence)
    }

    static func codes() throws -> [CodingRuleParser.Code] {
        try CodingRuleParser.parseFile(fixture).get()
    }

    @Test func theFixtureUsesEveryCodeOnce() throws {
        #expect(try Self.codes().map(\.name) == Self.expected.map(\.code))
    }

    @Test func everyOperatorAndAtomOnRealTokens() throws {
        let themes = try Self.codes().map { Theme(name: $0.name, rule: $0.rule) }
        let matcher = ThemeMatcher(themes: themes)
        var table: [[Int]] = []
        for (index, sentence) in Self.sentences.enumerated() {
            let context = ThemeMatcher.Context(
                variables: [DocumentVariable(name: "年度", value: "2024")], sentenceNumber: index + 1)
            table.append(matcher.occurrences(in: sentence, tokens: try Self.tokens(sentence), context: context))
        }
        for (code, (name, counts)) in Self.expected.enumerated() {
            #expect(table.map { $0[code] } == counts, "＊\(name)")
        }
    }

    @Test func variablesOfAnotherValueDoNotMatch() throws {
        let rule = try CodingRuleParser.parseRule("<>年度-->2024 and 企業").get()
        let sentence = Self.sentences[2]
        let evaluator = CodingRuleEvaluator(
            sentence: sentence, tokens: try Self.tokens(sentence),
            context: .init(variables: [DocumentVariable(name: "年度", value: "2023")]))
        #expect(evaluator.evaluate(rule).matched == false)
    }

    @Test func matchesAreTheHitsAsByteRanges() throws {
        let sentence = Self.sentences[0]
        let themes = try Self.codes().filter { $0.name == "参照" }.map { Theme(name: $0.name, rule: $0.rule) }
        // 地域活性化 (bytes 0–15) from <＊句>, and 補助 (bytes 27–33).
        #expect(ThemeMatcher(themes: themes).matches(in: sentence, tokens: try Self.tokens(sentence)) == [[0..<15, 27..<33]])
    }

    @Test func notBindsLooserThanComparisonsAndTighterThanAnd() throws {
        // MySQL: `not A >= 2` is `not (A >= 2)`; `not A and B` is `(not A) and B`.
        #expect(try CodingRuleParser.parseRule("not A >= 2").get().description == "not ( A >= 2 )")
        #expect(try CodingRuleParser.parseRule("not A and B or C").get().description == "( ( not A and B ) or C )")
        // `|!` and `&!` negate the next operand only.
        #expect(try CodingRuleParser.parseRule("A |! B and C").get().description == "( A or ( not B and C ) )")
        #expect(try CodingRuleParser.parseRule("A + B * 2 > 3").get().description == "( ( A + ( B * 2 ) ) > 3 )")
        // Without spaces, + joins a phrase.
        #expect(try CodingRuleParser.parseRule("A+B").get() == .atom(.phrase([.init(baseForm: "A"), .init(baseForm: "B")])))
    }

    @Test func globsAndFormsFromYAMLThemes() throws {
        let sentence = Self.sentences[2]
        let evaluator = CodingRuleEvaluator(sentence: sentence, tokens: try Self.tokens(sentence))
        // 零細 is the only base form starting with 零; ?業 fits 事業 and 企業 (two characters).
        #expect(evaluator.evaluate(.atom(.glob("零*"))).hits == [4...4])
        #expect(evaluator.evaluate(.atom(.glob("?業"))).hits == [1...1, 5...5])
        #expect(evaluator.evaluate(.atom(.glob("*"))).hits.count == 9)
        // Forms match at token boundaries: 小規模事業者 is tokens 0–2; 模事 starts inside a token.
        #expect(evaluator.evaluate(.atom(.forms(["小規模事業者"]))).hits == [0...2])
        #expect(evaluator.evaluate(.atom(.forms(["模事"]))).matched == false)
        // A raw string need not start at a token boundary (KH Coder searches the text).
        #expect(evaluator.evaluate(.atom(.string("模事"))).hits == [0...1])
    }

    @Test func aStringCountsOnceInTheNumberButEachTimeInTheHits() throws {
        // KH Coder counts the sentences containing a string: 1 here, so '活性化' >= 2 fails,
        // while the sentence's occurrences are both places (活性/化 twice).
        let sentence = "活性化と活性化。"
        let evaluator = CodingRuleEvaluator(sentence: sentence, tokens: try Self.tokens(sentence))
        #expect(evaluator.evaluate(try CodingRuleParser.parseRule("'活性化' >= 2").get()).matched == false)
        #expect(evaluator.evaluate(try CodingRuleParser.parseRule("'活性化' == 1").get()).hits.count == 2)
        // A word counts its tokens: 活性 twice.
        #expect(evaluator.evaluate(try CodingRuleParser.parseRule("活性 >= 2").get()).matched)
    }

    @Test func proximityOptionsAndOrder() throws {
        // B: 先生 0, 奥さん 2, 奥さん 8, 先生 10, 若い 12.
        let sentence = Self.sentences[1]
        let evaluator = CodingRuleEvaluator(sentence: sentence, tokens: try Self.tokens(sentence))
        func hits(_ rule: String) throws -> [ClosedRange<Int>] { evaluator.evaluate(try CodingRuleParser.parseRule(rule).get()).hits }
        // In order 先生 → 奥さん: from 先生 0 only (先生 10 has no 奥さん after it).
        #expect(try hits("seq(先生-奥さん)[2]") == [0...2])
        // 奥さん 2 is directly followed by 奥さん 8 (skipped, as KH Coder does); 若い is 4 after 奥さん 8.
        #expect(try hits("near(奥さん-若い)[3]") == [])
        #expect(try hits("near(奥さん-若い)[4]") == [8...12])
        // [0] sets no limit; [b] keeps the default 10.
        #expect(try hits("near(奥さん-若い)[0]") == [8...12])
        #expect(try hits("near(奥さん-若い)[b]") == [8...12])
        // Word patterns with parts of speech inside near(): '-->' is not a separator.
        #expect(try hits("near(先生-->名詞-若い-->形容詞)[b2]") == [10...12])
    }

    @Test func overlappingHitsCountOnce() throws {
        // 地域+活性+化 and 活性 overlap in A: the leftmost (and longest) is kept.
        let rule = try CodingRuleParser.parseRule("地域+活性+化 or 活性 or 補助").get()
        let sentence = Self.sentences[0]
        let themes = [Theme(name: "t", rule: rule)]
        #expect(ThemeMatcher(themes: themes).occurrences(in: sentence, tokens: try Self.tokens(sentence)) == [2])
    }
}
