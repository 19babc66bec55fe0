import Corpus
import Testing

@testable import TextPreparation

/// Line-joining vectors of docs/TEXT.md §9.5 (⏎ = LF).
struct LayoutRepairTests {
    @Test(arguments: [
        (
            "地域活性化のためには小規模事業者の支援が欠かせません。区\n政の取り組みとして平成16年に始めました。", 20,
            ["地域活性化のためには小規模事業者の支援が欠かせません。区政の取り組みとして平成16年に始めました。"]
        ),
        (
            "この制度は中小企業の技術開発を支える発\n\n明の奨励のための制度です。", 18,
            ["この制度は中小企業の技術開発を支える発明の奨励のための制度です。"]
        ),
        ("第１章\u{3000}地域活性化\n\n本文はここから始まります。", 30, ["第１章\u{3000}地域活性化", "本文はここから始まります。"]),
        (
            "○西川区長\u{3000}地域活性化が大事で\nす。\n●司会\u{3000}ありがとうございました。", 16,
            ["○西川区長\u{3000}地域活性化が大事です。", "●司会\u{3000}ありがとうございました。"]
        ),
        ("ありがとうございました。\n続いて質問です。", 40, ["ありがとうございました。", "続いて質問です。"]),
        (
            "\u{3000}本日はお集まりいただき\nありがとうございます。\n\u{3000}次に、議題に移ります。", 24,
            ["本日はお集まりいただきありがとうございます。", "次に、議題に移ります。"]
        ),
        ("This is an English line that is hyphen-\nated across lines.", 40, ["This is an English line that is hyphenated across lines."]),
        ("MACC stands for\nMetal Mining Agency.", 16, ["MACC stands for Metal Mining Agency."]),
    ])
    func joinsLinesBrokenInsideAParagraph(text: String, width: Int, expected: [String]) {
        #expect(LayoutRepair(lineWidth: width).paragraphs(in: text) == expected)
    }

    @Test func aSpeakerLabelOnItsOwnLineIsAParagraphOfItsOwn() {
        let text = "○西川区長\n中小機構が持つ強みを活用することで、区内企業に「発\n\n明」が起こりました。"
        #expect(
            LayoutRepair().paragraphs(in: text) == [
                "○西川区長", "中小機構が持つ強みを活用することで、区内企業に「発明」が起こりました。",
            ])
    }

    @Test func aHeadingPaddedWithSpacesStandsAlone() {
        let text = "全国へ波及することで地域経済の活性化につながる\n\n 地域で頑張る小規模事業者への支援        \n\n●司会"
        #expect(
            LayoutRepair(lineWidth: 48).paragraphs(in: text) == [
                "全国へ波及することで地域経済の活性化につながる", "地域で頑張る小規模事業者への支援", "●司会",
            ])
    }

    @Test func lineEndsControlsAndInvisibleCharactersAreCleaned() {
        let text = "地域の\r\n活性化\u{200B}です。\r\rCRだけの段落\u{FEFF}。\u{0001}"
        #expect(LayoutRepair(lineWidth: 4).paragraphs(in: text) == ["地域の活性化です。", "CRだけの段落。"])
    }

    @Test func emptyAndBlankTextGiveNoParagraphs() {
        #expect(LayoutRepair().paragraphs(in: "").isEmpty)
        #expect(LayoutRepair().paragraphs(in: "\n\u{3000}\n  \n").isEmpty)
    }

    /// A document of one line takes a short path (`singleLineBlocks`); the same line followed
    /// by a line break takes the general one, and must give the same blocks, traces included.
    @Test(arguments: [
        "地域の活性化。", "　　字下げの行　", "a   b 三つの空白", "見出しの行　　　", "<H2>見出しの行です</H2>", "<h3>  短い題  </h3>",
        "○西川区長　はい。", "text  with two spaces", "全角　空白", "全角　　二つ", "末尾に空白   ", "   ", "", "x", "※1 注記",
    ])
    func oneLineTakesTheShortPathToTheSameBlocks(line: String) {
        let short = LayoutRepair().blocks(in: TracedText(original: line))
        let general = LayoutRepair().blocks(in: TracedText(original: line + "\n"))
        #expect(short == general)
    }
}
