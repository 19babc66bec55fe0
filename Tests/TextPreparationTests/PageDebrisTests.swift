import Corpus
import Testing

@testable import TextPreparation

/// Page debris (docs/TEXT.md §3.2), headings and column gaps.
struct PageDebrisTests {
    @Test func runningHeadersAndPageNumbersAreRemoved() {
        let bodies = ["最初の頁の本文です。", "次の頁に続く文です。", "最後の頁の結びです。"]
        let pages = bodies.enumerated().map { page, body in
            "地域活性化シンポジウム記録\n\(body)\n                - \(page + 1) -"
        }
        // The three full lines left continue one another (a full line may end mid-paragraph).
        #expect(LayoutRepair().paragraphs(in: pages.joined(separator: "\u{0C}")) == [bodies.joined()])
    }

    @Test func withFewerThanThreePagesNothingIsTakenForDebris() {
        let (text, lines) = TracedText(original: "記録\n本文です。\n1\u{0C}記録\n続きです。\n2").cleanedLineRanges()
        #expect(
            LayoutRepair.withoutPageDebris(lines, in: text).map { text[$0].string }
                == ["記録", "本文です。", "1", "記録", "続きです。", "2"])
    }

    @Test(arguments: ["12", "- 12 -", "（12）", "12/40", "－３－"])
    func pageNumbers(line: String) {
        #expect(LayoutRepair.isPageNumber(line))
    }

    @Test(arguments: ["2015年", "第1章", "12.5", "12345"])
    func notPageNumbers(line: String) {
        #expect(!LayoutRepair.isPageNumber(line))
    }

    @Test func khCoderHeadingLinesAndPaddedTitlesBecomeHeadings() {
        let text = "<H1>地域経済</H1>\n本文です。\n\n 業務連携の契機　　　　　　\n\n次の本文です。"
        let blocks = LayoutRepair(lineWidth: 20).blocks(in: TracedText(original: text))
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .paragraph])
        #expect(blocks.map(\.text.string) == ["地域経済", "本文です。", "業務連携の契機", "次の本文です。"])
    }

    @Test func aColumnGapCutsTheLine() {
        #expect(
            LayoutRepair(lineWidth: 40).paragraphs(in: "左の段の文です。\u{3000}\u{3000}右の段の文です。")
                == ["左の段の文です。", "右の段の文です。"])
    }

    @Test func joinedLinesTraceEveryCharacterToItsLine() {
        let text = "区\n政の取り組み"
        let block = LayoutRepair(lineWidth: 2).blocks(in: TracedText(original: text))[0]
        #expect(block.text.string == "区政の取り組み")
        #expect(block.text.originalRange(of: 0..<6) == 0..<3)  // 区⏎政 (six bytes): the break is inside the span
    }
}
