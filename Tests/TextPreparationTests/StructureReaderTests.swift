import Testing

@testable import TextPreparation

/// Speaker vectors of docs/TEXT.md §9.6, turns, sections and footnotes.
struct StructureReaderTests {
    func read(_ blocks: [String]) -> [Paragraph] {
        StructureReader().paragraphs(from: blocks.map { TextBlock(text: TracedText(original: $0)) })
    }

    func summary(_ paragraphs: [Paragraph]) -> [String] {
        paragraphs.map { "\($0.speaker ?? "-")/\($0.turn.map(String.init) ?? "-"): \($0.text.string)" }
    }

    @Test(arguments: [
        ("○西川区長\u{3000}地域活性化が大事です。", "西川区長", "地域活性化が大事です。"),
        ("○渡部理事 小規模事業者の支援について。", "渡部理事", "小規模事業者の支援について。"),
        ("●司会\u{3000}ありがとうございました。", "司会", "ありがとうございました。"),
        ("○西川区長地域活性化が大事です。", "西川区長", "地域活性化が大事です。"),
    ])
    func labelAndTextInOneBlock(block: String, speaker: String, body: String) {
        let paragraphs = read([block])
        #expect(paragraphs.map(\.speaker) == [speaker])
        #expect(paragraphs.map(\.text.string) == [body])
    }

    @Test func aBlockWithoutMarkHasNoSpeaker() {
        #expect(summary(read(["地域活性化が大事です。"])) == ["-/-: 地域活性化が大事です。"])
    }

    @Test func labelsOnTheirOwnLinesOpenNumberedTurns() {
        let paragraphs = read(["前書き。", "○西川区長", "一つ目。", "二つ目。", "●司会", "質問です。", "○西川区長", "答えです。"])
        #expect(
            summary(paragraphs) == [
                "-/-: 前書き。", "西川区長/1: 一つ目。", "西川区長/1: 二つ目。", "司会/2: 質問です。", "西川区長/3: 答えです。",
            ])
    }

    @Test func colonLabelsCountWhenRepeatedOrEndingInARoleWord() {
        let paragraphs = read(["日時：2015年6月", "Q：どう思いますか。", "A：良いと思います。", "Q：なぜですか。", "委員長：賛成です。"])
        #expect(
            summary(paragraphs) == [
                "-/-: 日時：2015年6月", "Q/1: どう思いますか。", "Q/1: A：良いと思います。", "Q/2: なぜですか。",
                "委員長/3: 賛成です。",
            ])
    }

    @Test func aMarkedSentenceIsNotTakenForALabel() {
        #expect(summary(read(["■概要を説明します。"])) == ["-/-: ■概要を説明します。"])
    }

    @Test func footnotesAreRecordsOfTheirOwnAndReferencesAreRemoved() {
        let paragraphs = read(["中小機構（※１）は発足しました※2。", "※１\u{3000}中小企業基盤整備機構の略。", "注3 補足です。"])
        #expect(paragraphs.map(\.text.string) == ["中小機構は発足しました。", "中小企業基盤整備機構の略。", "補足です。"])
        #expect(paragraphs.map(\.kind) == [.body, .footnote(id: "1"), .footnote(id: "3")])
    }

    @Test func headingsOpenSectionsAndEndTurns() {
        let blocks = [
            TextBlock(text: TracedText(original: "●司会")), TextBlock(text: TracedText(original: "はじめに。")),
            TextBlock(kind: .heading(level: 2), text: TracedText(original: "業務連携の契機")),
            TextBlock(text: TracedText(original: "経緯です。")),
        ]
        let paragraphs = StructureReader().paragraphs(from: blocks)
        #expect(paragraphs.map(\.section) == [nil, "業務連携の契機", "業務連携の契機"])
        #expect(paragraphs.map(\.speaker) == ["司会", nil, nil])
        #expect(paragraphs.map(\.kind) == [.body, .heading(level: 2), .body])
    }

    @Test func removedTextKeepsItsTrace() {
        let paragraph = read(["○西川区長\u{3000}地域です。"])[0]
        // 地 is the 7th character of the block (offset 6).
        #expect(paragraph.text.originalRange(of: paragraph.text.utf8Range(ofScalars: 0..<2)) == 6..<8)
    }

    /// `colonLabel` reads bytes; it must find what reading characters finds: a colon among the
    /// first 21 characters, with no space or punctuation before it.
    @Test(arguments: [
        "司会：はい", "日時: 5月", "「司会」：x", "発言者 A：x", "あ、い：x", String(repeating: "長", count: 20) + "：x",
        String(repeating: "長", count: 21) + "：x", "：x", "ab:cd", "(注)：x", "“a”：b", "a！：b", "a，b：c", "司会　：x", "ｶﾀｶﾅ：x",
        "𠀋字：x", "no colon here",
    ])
    func colonLabelReadOnBytesAsOnCharacters(text: String) {
        let scalars = Array(text.unicodeScalars)
        var expected: String?
        if let colon = scalars.prefix(21).firstIndex(where: { $0 == ":" || $0 == "：" }), colon > 0,
            !scalars[..<colon].contains(where: { StructureReader.isSpace($0) || StructureReader.isPunctuation($0) })
        {
            var label = String.UnicodeScalarView()
            label.append(contentsOf: scalars[..<colon])
            expected = String(label)
        }
        #expect(StructureReader.colonLabel(TracedText(original: text))?.0 == expected)
    }
}
