import Corpus
import Testing

@testable import TextPreparation

/// Vectors from docs/TEXT.md §9.2 (ICU, checked), §9.1 and §9.4 (the space rule).
struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    /// §9.2 is ICU's filtered NFKC alone (F3), so it is checked with only that rule on.
    @Test(arguments: [
        // §9.2 filtered NFKC (checked): letters and digits to ASCII, Japanese punctuation kept.
        ("ＭＡＣＣ（中小企業総合事業団）です！？", "MACC（中小企業総合事業団）です！？"),
        ("｢ｶﾀｶﾅ｣､｡･", "「カタカナ」、。・"),
        ("１９９５～２００１年…", "1995～2001年…"),
        ("￥１００", "￥100"),
        ("ｱｲｳｶﾞﾊﾟ", "アイウガパ"),
        ("ﾊﾟﾊﾟ", "パパ"),
        ("ｶｰﾄﾞ", "カード"),
        ("㈱", "(株)"),
    ])
    func filteredNFKC(input: String, expected: String) throws {
        #expect(try TextNormalizer(rules: [.nfkc]).normalize(input) == expected)
    }

    @Test(arguments: [
        // §9.2 with the space rule applied after it: the ideographic space between kana and digits goes.
        ("ｶﾞｲﾄﾞ　１６年", "ガイド16年"),
        // §9.4 and neologdn's vectors (§9.1), where our rules agree with theirs.
        ("平成 16 年", "平成16年"),
        ("Windows 10 を使う", "Windows 10を使う"),
        ("Ｗｅｂ\u{3000}ページ", "Webページ"),
        ("ゼンカク　スペース", "ゼンカクスペース"),
        ("アルゴリズム C", "アルゴリズムC"),
        ("　　　ＰＲＭＬ　　副　読　本　　　", "PRML副読本"),
        ("Coding the Matrix", "Coding the Matrix"),
        ("南アルプスの　天然水　Ｓｐａｒｋｉｎｇ　Ｌｅｍｏｎ　レモン一絞り", "南アルプスの天然水Sparking Lemonレモン一絞り"),
        ("No.1の事業", "No.1の事業"),
        ("3.5倍", "3.5倍"),
        ("これは…", "これは…"),
    ])
    func spaces(input: String, expected: String) throws {
        #expect(try normalizer.normalize(input) == expected)
    }

    @Test func alreadyNormalizedTextIsReturnedUnchanged() throws {
        let text = "地域活性化と小規模事業者の支援。"
        #expect(try normalizer.normalize(text) == text)
        #expect(try normalizer.normalize("") == "")
    }

    @Test func expansionBeyondTheFirstBufferIsHandled() throws {
        // U+FDFA expands to 18 characters under NFKC: the preflight path must grow the buffer.
        let input = String(repeating: "\u{FDFA}", count: 50)
        let output = try normalizer.normalize(input)
        #expect(output.unicodeScalars.count > 50 * 10)
    }

    @Test func icuVersionIsReported() {
        #expect(ICU.version.split(separator: ".").count >= 2)
    }

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(ICU.displayWidth("地") == 2)
        #expect(ICU.displayWidth("Ａ") == 2)
        #expect(ICU.displayWidth("a") == 1)
        #expect(ICU.displayWidth("ｱ") == 1)
    }
}
