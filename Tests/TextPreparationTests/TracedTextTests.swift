import Testing
import TestSupport

@testable import TextPreparation

/// The run-copying paths of `TracedText` (`cleanedLineRanges()`, `append(_:range:)`,
/// `appendLine(_:range:)`, `string`, marks walking forward) against the plain scalar-by-scalar
/// way of doing the same, on the characters that make them branch.
struct TracedTextTests {
    static let tricky = [
        "", "abc", "地域の\r\n活性化\u{200B}です。\r\rCRだけの段落\u{FEFF}。\u{0001}",
        "行\r\u{200B}\n次\r\u{00AD}\u{200D}\n\n", "タブ\tと\t\tタブ\r\t\n", "頁\u{0C}次の頁\n\u{0C}\n",
        "\u{0B}\u{85}\u{2028}\u{2029}\u{7F}\u{2060}", "ｶﾞｲﾄﾞ e\u{301} 𠮷😀\r\n", "\r", "\n", "\r\n\r\n",
        "○西川区長\u{3000}ＭＡＣＣ（中小）\u{000C}", "hyphen-\r\nated\t\u{200B}", "\u{200B}\r\n\u{FEFF}",
    ]

    /// Tricky strings above and seeded random strings made of their characters.
    static var samples: [String] {
        tricky + TestSupport.scalarMixes(of: tricky, count: 200, maxLength: 40, seed: 7)
    }

    /// `cleanedLines()` as it was written first: one scalar at a time.
    static func referenceLines(_ text: TracedText) -> [TracedText] {
        var lines: [TracedText] = []
        var line = TracedText()
        var previousWasCR = false
        let scalars = text.scalars
        let spans = text.resolvedSpans
        for index in scalars.indices {
            let scalar = scalars[index]
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue
            case "\n", "\r", "\u{000B}", "\u{0085}", "\u{2028}", "\u{2029}":
                lines.append(line)
                line = TracedText()
            case "\u{000C}":
                lines.append(line)
                var pageBreak = TracedText()
                pageBreak.append(scalar, span: spans[index])
                lines.append(pageBreak)
                line = TracedText()
            case "\t":
                line.append(" ", span: spans[index])
            case "\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{7F}":
                continue
            case _ where scalar.value < 0x20:
                continue
            default:
                line.append(scalar, span: spans[index])
            }
        }
        lines.append(line)
        return lines
    }

    @Test func cleanedLinesAreTheSameAsScalarByScalar() {
        for sample in Self.samples {
            let text = TracedText(original: sample, offset: 3)
            #expect(text.cleanedLines() == Self.referenceLines(text), "\(sample.debugDescription)")
        }
    }

    @Test func textWithNothingToCleanIsNotCopied() {
        let text = TracedText(original: "一行目\r\n二行目\n\u{0C}三行目")
        let (cleaned, lines) = text.cleanedLineRanges()
        #expect(cleaned == text)
        // Byte ranges: three bytes a character, a byte for each line end.
        #expect(lines == [0..<9, 11..<20, 21..<21, 21..<22, 22..<31])
    }

    @Test func stringIsTheScalarsInUTF8() {
        for sample in Self.samples {
            let text = TracedText(original: sample)
            #expect(text.string == sample)
            #expect(text.string.utf8.count == text.utf8Offsets.last)
        }
    }

    @Test func appendingARunKeepsItsSpans() {
        for sample in Self.samples where !sample.isEmpty {
            let text = TracedText(original: sample, offset: 5)
            let offsets = text.utf8Offsets
            let middle = offsets[offsets.count / 2]
            var runs = text[0..<middle]
            runs.append(text, range: middle..<text.utf8.count)
            var scalarByScalar = TracedText()
            for (scalar, span) in zip(text.scalars, text.resolvedSpans) { scalarByScalar.append(scalar, span: span) }
            #expect(runs == text)
            #expect(scalarByScalar == text)
            let expected: [Range<Int32>] = (0..<text.scalarCount).map { (index: Int) -> Range<Int32> in
                Int32(5 + index)..<Int32(6 + index)
            }
            #expect(text.resolvedSpans == expected)
        }
    }

    @Test func spansAndRangesAreFoundFromAnywhereInLongText() {
        // Longer than a piece (`maximumSequentialLength`), with edits: every scalar's span by
        // position, from a mark walking forward, and a slice at every cut agree with the trace.
        let sample = String(repeating: "地域aの\u{1F600}活性化、", count: 40)
        let original = TracedText(original: sample, offset: 3)
        var text = TracedText()
        let offsets = original.utf8Offsets
        for (index, start) in offsets.dropLast().enumerated() {
            let range = start..<offsets[index + 1]
            if index % 7 == 3 {
                text.append("＊", span: original.span(at: start))  // an edit: the piece is cut
            } else if index % 11 != 5 {
                text.append(original, range: range)  // else removed
            }
        }
        let spans = text.resolvedSpans
        let starts = text.utf8Offsets.dropLast()
        var mark = text.mark(at: 0)
        for (index, start) in starts.enumerated() {
            #expect(text.span(at: start) == spans[index])
            mark = text.mark(mark, movedTo: start)
            #expect(text.span(at: mark) == spans[index])
            let slice = text[start..<text.utf8.count]
            #expect(slice.resolvedSpans == Array(spans[index...]))
        }
        #expect(text.originalRange == Int(spans[0].lowerBound)..<Int(spans[spans.count - 1].upperBound))
    }

    @Test func aReplacedScalarKeepsItsSpan() {
        let text = TracedText(original: "a(b)", offset: 10).replacingScalars(at: [1]) { _ in "（" }
        #expect(text.string == "a（b)")
        #expect(text.span(at: 1) == 11..<12)
        #expect(text.span(at: 4) == 12..<13)
        #expect(text.utf8Range(ofScalars: 2..<4) == 4..<6)
    }

    @Test func trimmingFindsTheSameRangeAsSlicing() {
        for sample in ["", " ", "\u{3000} a b \u{3000}", "ab", "  \u{3000}", "x "] {
            let text = TracedText(original: sample)
            let range = text.rangeTrimmingSpaces(0..<text.utf8.count)
            let trimmed = text.trimmingSpaces()
            #expect(text[range] == trimmed)
            #expect(trimmed.string == sample.trimmingSpacesForTest())
        }
    }

    @Test(arguments: [("hyphen-", "ated"), ("MACC", "stands"), ("区", "政"), ("A-", "B"), ("", "x"), ("x", "")])
    func appendingALineRangeIsAppendingTheLine(first: String, second: String) {
        let head = TracedText(original: first)
        let tail = TracedText(original: "##" + second + "##", offset: 100)
        var byRange = head
        byRange.appendLine(tail, range: 2..<(tail.utf8.count - 2))
        var byCopy = head
        byCopy.appendLine(tail[2..<(tail.utf8.count - 2)])
        #expect(byRange == byCopy)
    }
}

extension String {
    fileprivate func trimmingSpacesForTest() -> String {
        let scalars = Array(unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
