import Corpus

/// Rebuilds paragraphs from text whose line breaks come from page layout, as in text extracted
/// from PDF (docs/TEXT.md §3).
///
/// 1. The text is cleaned and cut into lines (`TracedText.cleanedLines()`); form feeds split pages.
/// 2. Page debris goes: on documents of three or more pages, a line found (with digits ignored)
///    among the first or last three lines of at least three pages and half of them is a running
///    header or footer, and a page number (`12`, `- 12 -`, `(12)`, `12/40`) among those lines is
///    dropped.
/// 3. A run of two ideographic or three ASCII spaces inside a line is a column or tab gap: the
///    line is cut there, each piece standing alone.
/// 4. KH Coder's heading lines `<H1>…</H1>` to `<H5>…</H5>` become heading blocks, and so does a
///    line that is not full, does not end a sentence and is padded at its end with a run of spaces:
///    how a title set apart in a PDF comes out of the extractor (`業務連携の契機　　　　　　`).
/// 5. Lines are joined into paragraphs. A line is *full* when its display width (wide characters
///    count 2) reaches 80 % of the document's typical line width `W` (the 90th percentile of line
///    widths, unless given). For the last line `A` of the paragraph being built and the next
///    non-blank line `B`:
///    - a new paragraph starts when `B` opens a block: a speaker or bullet mark
///      (`○●◯◎◆◇■□▽▼△▲・`), a footnote (`※1`, `注1`), a circled or bracketed number (`①`,
///      `（1）`, `(1)`), `1．`, or an indent (a leading ideographic space or two ASCII spaces); or
///      when `A` or `B` stands alone (padded with a run of spaces, cut at a gap, or a speaker
///      label line such as `○西川区長`);
///    - a new paragraph starts when `A` ends a sentence (`。．！？!?」』）)】〕〉》…`) and is not
///      full, since the last line of a paragraph is usually short;
///    - blank lines between `A` and `B` start a new paragraph when `A` ends a sentence or is not
///      full; after a full, unfinished line they are a page or column break inside a word
///      (`発⏎⏎明` → `発明`) and are bridged;
///    - otherwise the lines are joined (`TracedText.appendLine`).
public struct LayoutRepair: Sendable {
    /// The typical line width in display columns, or `nil` to measure it per document.
    public var lineWidth: Int?

    public init(lineWidth: Int? = nil) {
        self.lineWidth = lineWidth
    }

    /// The blocks of `text`, each on one line, without indent or trailing spaces.
    ///
    /// Lines are byte ranges of the cleaned text (`TracedText.cleanedLineRanges()`); a line's
    /// characters are copied once, into the block it joins.
    public func blocks(in text: TracedText) -> [TextBlock] {
        let (text, lineRanges) = text.cleanedLineRanges()
        if lineWidth == nil, lineRanges.count == 1, let blocks = Self.singleLineBlocks(of: lineRanges[0], in: text) {
            return blocks
        }
        var lines: [LayoutLine] = []
        lines.reserveCapacity(lineRanges.count)
        for line in Self.withoutPageDebris(lineRanges, in: text) { LayoutLine.appendPieces(of: line, in: text, to: &lines) }
        let widths = lines.filter { !$0.isBlank }.map(\.width).sorted()
        let typical =
            lineWidth ?? (widths.isEmpty ? 0 : widths[min(widths.count - 1, widths.count * 9 / 10)])
        let fullWidth = Double(typical) * 0.8

        guard !text.isEmpty else { return [] }
        var blocks: [TextBlock] = []
        var current = TracedText()
        // Lines, and titles within them, are taken in order: a mark walks the text.
        var walk = text.mark(at: 0)
        func marks(_ range: Range<Int>) -> (TracedText.Mark, TracedText.Mark) {
            let start = text.mark(walk, movedTo: range.lowerBound)
            walk = text.mark(start, movedTo: range.upperBound)
            return (start, walk)
        }
        var last: LayoutLine?
        var blankSinceLast = false
        func finish() {
            if !current.isEmpty { blocks.append(TextBlock(kind: .paragraph, text: current)) }
            current = TracedText()
            last = nil
        }
        for line in lines {
            if line.isBlank {
                blankSinceLast = true
                continue
            }
            if let (level, title) = line.heading(in: text) ?? line.paddedTitle(fullWidth: fullWidth) {
                finish()
                let (start, end) = marks(title)
                blocks.append(TextBlock(kind: .heading(level: level), text: text.slice(from: start, to: end)))
                blankSinceLast = false
                continue
            }
            defer {
                last = line
                blankSinceLast = false
            }
            let (start, end) = marks(line.content)
            guard let previous = last else {
                current = text.slice(from: start, to: end)
                continue
            }
            let previousIsFull = Double(previous.width) >= fullWidth
            let breaks =
                line.opensBlock || line.standsAlone || previous.standsAlone
                || (previous.endsSentence && !previousIsFull)
                || (blankSinceLast && (previous.endsSentence || !previousIsFull))
            if breaks {
                finish()
                current = text.slice(from: start, to: end)
            } else {
                current.appendLine(text, from: start, to: end)
            }
        }
        finish()
        return blocks
    }

    /// The blocks of a text that is the one line `line`, or `nil` if the line is cut at a gap
    /// (then the general path measures its pieces).
    ///
    /// Most survey answers and table cells are one line. With nothing to join, the line's width
    /// decides nothing: it is the document's typical width too, so it is full, and a padded line
    /// is no title (`paddedTitle`, which needs a width under 80 % of the typical one). What is
    /// left is to trim the line, find a gap or a `<H1>` heading, and take the line whole.
    static func singleLineBlocks(of line: Range<Int>, in text: TracedText) -> [TextBlock]? {
        let content = text.rangeTrimmingSpaces(line)
        guard !content.isEmpty else { return [] }
        guard !hasGap(in: content, of: text.utf8) else { return nil }
        if let (level, title) = LayoutLine.heading(of: content, in: text) {
            return [TextBlock(kind: .heading(level: level), text: text[title])]
        }
        return [TextBlock(kind: .paragraph, text: text[content])]
    }

    /// `true` if `range` holds a column or tab gap: a run of two ideographic or three spaces.
    static func hasGap(in range: Range<Int>, of bytes: [UInt8]) -> Bool {
        precondition(range.upperBound <= bytes.count, "range out of the bytes")
        let bytes = bytes.span
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[unchecked: index]
            guard lead == 0x20 || (lead == 0xE3 && bytes[unchecked: index + 1] == 0x80 && bytes[unchecked: index + 2] == 0x80)
            else {
                index += UTF8Text.width(lead: lead)
                continue
            }
            // A run of spaces, with text on both sides (`range` is trimmed).
            var spaces = 0
            var ideographic = 0
            while index < range.upperBound {
                let byte = bytes[unchecked: index]
                if byte == 0x20 {
                    index += 1
                } else if byte == 0xE3 && bytes[unchecked: index + 1] == 0x80 && bytes[unchecked: index + 2] == 0x80 {
                    ideographic += 1
                    index += 3
                } else {
                    break
                }
                spaces += 1
            }
            if ideographic >= 2 || spaces >= 3 { return true }
        }
        return false
    }

    /// The paragraphs of `text` as strings (headings included, as their titles).
    public func paragraphs(in text: String) -> [String] {
        blocks(in: TracedText(original: text)).map(\.text.string)
    }

    /// Display width of a scalar: 2 for East Asian Wide and Fullwidth, else 1. Answers the common
    /// ranges itself (nothing below U+1100 is wide; kana, CJK punctuation and ideographs and
    /// full-width forms are) and asks ICU about the rest.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x1100: 1
        case 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60,
            0xFFE0...0xFFE6:
            2
        default: ICU.displayWidth(scalar)
        }
    }
}
