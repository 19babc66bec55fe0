import Testing

@testable import Corpus

/// Speaker vectors of reference/normtok.md §9.6, and labels on lines of their own.
struct SpeakerTurnsTests {
    @Test(arguments: [
        ("○西川区長\u{3000}地域活性化が大事です。", "西川区長", "地域活性化が大事です。"),
        ("○渡部理事 小規模事業者の支援について。", "渡部理事", "小規模事業者の支援について。"),
        ("●司会\u{3000}ありがとうございました。", "司会", "ありがとうございました。"),
    ])
    func labelAndBodyOnOneLine(paragraph: String, speaker: String, body: String) {
        #expect(SpeakerTurns.paragraphs(from: [paragraph]) == [Paragraph(speaker: speaker, text: body)])
    }

    @Test func aParagraphWithoutMarkHasNoSpeaker() {
        #expect(
            SpeakerTurns.paragraphs(from: ["地域活性化が大事です。"]) == [
                Paragraph(speaker: nil, text: "地域活性化が大事です。")
            ])
    }

    @Test func aLabelOnItsOwnLineOpensATurnForTheParagraphsAfterIt() {
        let paragraphs = ["前書き。", "○西川区長", "一つ目。", "二つ目。", "●司会", "質問です。"]
        #expect(
            SpeakerTurns.paragraphs(from: paragraphs) == [
                Paragraph(speaker: nil, text: "前書き。"),
                Paragraph(speaker: "西川区長", text: "一つ目。"),
                Paragraph(speaker: "西川区長", text: "二つ目。"),
                Paragraph(speaker: "司会", text: "質問です。"),
            ])
    }

    @Test func aMarkedSentenceIsNotTakenForALabel() {
        // A bullet point that is a whole sentence ends with a terminator: it stays text.
        #expect(
            SpeakerTurns.paragraphs(from: ["■概要を説明します。"]) == [
                Paragraph(speaker: nil, text: "■概要を説明します。")
            ])
    }
}
