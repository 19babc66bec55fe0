import Corpus

/// Rebuilds paragraphs from text whose line breaks come from page layout, as in text extracted
/// from PDF (reference/normtok.md §4.2 B and §5.2–5.3).
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
    /// Lines are ranges of the cleaned text (`TracedText.cleanedLineRanges()`); a line's
    /// characters are copied once, into the block it joins.
    public func blocks(in text: TracedText) -> [TextBlock] {
        let (text, lineRanges) = text.cleanedLineRanges()
        let lines = Self.withoutPageDebris(lineRanges, in: text).flatMap { Line.pieces($0, of: text) }
        let widths = lines.filter { !$0.isBlank }.map(\.width).sorted()
        let typical =
            lineWidth ?? (widths.isEmpty ? 0 : widths[min(widths.count - 1, widths.count * 9 / 10)])
        let fullWidth = Double(typical) * 0.8

        var blocks: [TextBlock] = []
        var current = TracedText()
        var last: Line?
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
                blocks.append(TextBlock(kind: .heading(level: level), text: text[title]))
                blankSinceLast = false
                continue
            }
            defer {
                last = line
                blankSinceLast = false
            }
            guard let previous = last else {
                current = text[line.content]
                continue
            }
            let previousIsFull = Double(previous.width) >= fullWidth
            let breaks =
                line.opensBlock || line.standsAlone || previous.standsAlone
                || (previous.endsSentence && !previousIsFull)
                || (blankSinceLast && (previous.endsSentence || !previousIsFull))
            if breaks {
                finish()
                current = text[line.content]
            } else {
                current.appendLine(text, range: line.content)
            }
        }
        finish()
        return blocks
    }

    /// The paragraphs of `text` as strings (headings included, as their titles).
    public func paragraphs(in text: String) -> [String] {
        blocks(in: TracedText(original: text)).map(\.text.string)
    }

    /// `lines` (ranges of `text`) without page breaks, running headers and footers, and page
    /// numbers.
    static func withoutPageDebris(_ lines: [Range<Int>], in text: TracedText) -> [Range<Int>] {
        let isPageBreak = { (line: Range<Int>) in line.count == 1 && text.scalars[line.lowerBound] == "\u{000C}" }
        guard lines.contains(where: isPageBreak) else { return lines }
        var pages: [[TracedText]] = [[]]
        var pageRanges: [[Range<Int>]] = [[]]
        for line in lines {
            if isPageBreak(line) {
                pages.append([])
                pageRanges.append([])
            } else {
                pages[pages.count - 1].append(text[line])
                pageRanges[pageRanges.count - 1].append(line)
            }
        }
        guard pages.count >= 3 else { return pageRanges.flatMap { $0 } }
        func edges(_ page: [TracedText]) -> [Int] {
            let filled = page.indices.filter { !page[$0].string.trimmingCharacters(in: .whitespaces).isEmpty }
            return Array(Set(filled.prefix(3) + filled.suffix(3))).sorted()
        }
        var pagesWithKey: [String: Int] = [:]
        for page in pages {
            for key in Set(edges(page).map { debrisKey(page[$0]) }) where !key.isEmpty {
                pagesWithKey[key, default: 0] += 1
            }
        }
        let running = Set(pagesWithKey.filter { $0.value >= 3 && $0.value * 2 >= pages.count }.keys)
        return pages.indices.flatMap { number in
            let page = pages[number]
            let drop = Set(edges(page).filter { running.contains(debrisKey(page[$0])) || isPageNumber(page[$0].string) })
            return page.indices.filter { !drop.contains($0) }.map { pageRanges[number][$0] }
        }
    }

    /// A line's identity across pages: spaces removed, digit runs as `#`.
    static func debrisKey(_ line: TracedText) -> String {
        var key = String.UnicodeScalarView()
        var inDigits = false
        for scalar in line.scalars where scalar != " " && scalar != "\u{3000}" {
            let isDigit = ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
            if isDigit && !inDigits { key.append("#") }
            if !isDigit { key.append(scalar) }
            inDigits = isDigit
        }
        return String(key)
    }

    /// `12`, `- 12 -`, `（12）`, `12/40` alone on a line.
    static func isPageNumber(_ line: String) -> Bool {
        let compact = line.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
        let digits = compact.filter { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        guard !digits.isEmpty else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "－", "―", "‐", "—", "(", "（", ")", "）"]
        let others = compact.filter { !(("0"..."9").contains($0) || ("０"..."９").contains($0)) }
        if others.allSatisfy({ dashes.contains($0) }) { return digits.count <= 4 && others.count <= 2 }
        if others.count == 1, others.first == "/" { return true }
        return false
    }

    /// Display width of a scalar: 2 for East Asian Wide and Fullwidth, else 1. Answers the common
    /// ranges itself (nothing below U+1100 is wide; kana, CJK ideographs and full-width forms
    /// are) and asks ICU about the rest.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x1100: 1
        case 0x3000, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xFF01...0xFF60: 2
        default: ICU.displayWidth(scalar)
        }
    }
}

/// One physical line, measured and classified, as a range of the cleaned text it stands in.
private struct Line {
    static let blockMarks: Set<Unicode.Scalar> = [
        "○", "●", "◯", "◎", "◆", "◇", "■", "□", "▽", "▼", "△", "▲", "・",
    ]
    static let sentenceEnds: Set<Unicode.Scalar> = [
        "。", "．", "！", "？", "!", "?", "」", "』", "）", ")", "】", "〕", "〉", "》", "…",
    ]

    /// The line without indent and trailing spaces.
    let content: Range<Int>
    let width: Int
    let isBlank: Bool
    let opensBlock: Bool
    /// A heading padded with a run of spaces, a piece cut at a gap, or a speaker label on a line
    /// of its own.
    let standsAlone: Bool
    let endsSentence: Bool
    /// Padded at its end with a run of spaces (a title set apart, if it is also short).
    let isPadded: Bool

    init(_ line: Range<Int>, of text: TracedText, cut: Bool = false) {
        let scalars = text.scalars[line]
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        let leading = scalars.prefix(while: isSpace)
        let trailing = scalars.reversed().prefix(while: isSpace)
        let content = leading.endIndex..<max(leading.endIndex, line.upperBound - trailing.count)
        let contentScalars = text.scalars[content]
        self.content = content
        isBlank = content.isEmpty
        width = contentScalars.reduce(0) { $0 + LayoutRepair.displayWidth($1) }
        let indented = leading.contains("\u{3000}") || leading.count >= 2
        let padded = trailing.filter { $0 == "\u{3000}" }.count >= 2 || trailing.count >= 3
        opensBlock = !isBlank && (indented || Self.startsBlock(contentScalars))
        let isSpeakerLabel =
            contentScalars.first.map { Self.blockMarks.contains($0) && $0 != "・" } == true
            && content.count <= 21 && !contentScalars.contains(where: isSpace)
            && !Self.sentenceEnds.contains(contentScalars.last ?? " ")
        standsAlone = !isBlank && (padded || cut || isSpeakerLabel)
        endsSentence = contentScalars.last.map { Self.sentenceEnds.contains($0) } ?? false
        isPadded = padded && !cut
    }

    /// The line cut at its column or tab gaps (two ideographic or three ASCII spaces inside it).
    static func pieces(_ line: Range<Int>, of text: TracedText) -> [Line] {
        let scalars = text.scalars
        var cuts: [Range<Int>] = []
        var index = line.lowerBound
        var seenText = false
        while index < line.upperBound {
            guard scalars[index] == " " || scalars[index] == "\u{3000}" else {
                seenText = true
                index += 1
                continue
            }
            var end = index
            var ideographic = 0
            while end < line.upperBound, scalars[end] == " " || scalars[end] == "\u{3000}" {
                if scalars[end] == "\u{3000}" { ideographic += 1 }
                end += 1
            }
            let isGap = ideographic >= 2 || end - index >= 3
            if isGap && seenText && end < line.upperBound { cuts.append(index..<end) }
            index = end
        }
        guard !cuts.isEmpty else { return [Line(line, of: text)] }
        var pieces: [Line] = []
        var start = line.lowerBound
        for cut in cuts {
            pieces.append(Line(start..<cut.lowerBound, of: text, cut: true))
            start = cut.upperBound
        }
        pieces.append(Line(start..<line.upperBound, of: text, cut: true))
        return pieces
    }

    /// A short line padded with spaces that does not end a sentence: a title, as level 2.
    func paddedTitle(fullWidth: Double) -> (Int, Range<Int>)? {
        guard isPadded, !endsSentence, Double(width) < fullWidth, !isBlank else { return nil }
        return (2, content)
    }

    /// `<H2>Title</H2>` → (2, "Title").
    func heading(in text: TracedText) -> (Int, Range<Int>)? {
        let scalars = text.scalars
        let start = content.lowerBound
        guard content.count >= 9, scalars[start] == "<", scalars[start + 1] == "H" || scalars[start + 1] == "h",
            let level = Int(String(scalars[start + 2])), (1...5).contains(level), scalars[start + 3] == ">"
        else { return nil }
        let close = Array("</H\(level)>".unicodeScalars)
        let tail = scalars[content].suffix(close.count).map { Unicode.Scalar(String($0).uppercased()) ?? $0 }
        guard tail.elementsEqual(close) else { return nil }
        return (level, text.rangeTrimmingSpaces((start + 4)..<(content.upperBound - close.count)))
    }

    /// Whether the line starts with a mark that opens a block.
    static func startsBlock(_ content: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = content.first else { return false }
        if blockMarks.contains(first) { return true }
        if (0x2460...0x2473).contains(first.value) || (0x2474...0x249B).contains(first.value) {
            return true  // ①–⑳, ⑴–⒇, ⒈–⒛
        }
        let second = content.dropFirst().first
        if first == "※" || first == "注", let second, isDigit(second) { return true }
        if first == "（" || first == "(" {
            let digits = content.dropFirst().prefix(while: isDigit)
            if !digits.isEmpty, let close = content.dropFirst(1 + digits.count).first,
                close == "）" || close == ")"
            {
                return true
            }
        }
        let digits = content.prefix(while: isDigit)
        if !digits.isEmpty, digits.count <= 3, let mark = content.dropFirst(digits.count).first {
            if mark == "．" { return true }
            if mark == ".", content.dropFirst(digits.count + 1).first == " " { return true }
        }
        return false
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}

import Foundation
