import Testing

@testable import TextPreparation

/// `TracedText.gaps`: the stretches of the original a text skips between two of its characters,
/// which the concordance's context leaves out where they hold a joined line break.
struct TracedTextGapsTests {
    @Test func joinedLinesLeaveTheirLineBreaksAsGaps() {
        // "下請⏎け型⏎⏎伝統" joined as layout repair joins lines: nothing inserted between them.
        let original = TracedText(original: "下請\nけ型\n\n伝統")
        var joined = original[0..<6]  // 下請
        joined.appendLine(original, range: 7..<13)  // け型
        joined.appendLine(original, range: 15..<21)  // 伝統
        #expect(joined.string == "下請け型伝統")
        #expect(joined.gaps == [
            TracedText.Gap(original: 2..<3, bridged: false), TracedText.Gap(original: 5..<7, bridged: false),
        ])
    }

    @Test func aSpaceInsertedBetweenLatinWordsBridgesTheGap() {
        let original = TracedText(original: "Open\r\nSource")
        var joined = original[0..<4]
        joined.appendLine(original, range: 6..<12)
        #expect(joined.string == "Open Source")
        #expect(joined.gaps == [TracedText.Gap(original: 4..<6, bridged: true)])
    }

    @Test func anUncutTextHasNoGaps() {
        #expect(TracedText(original: String(repeating: "地域の活性化", count: 100)).gaps.isEmpty)
        #expect(TracedText().gaps.isEmpty)
    }
}
