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
    public func blocks(in text: TracedText) -> [TextBlock] {
        let lines = Self.withoutPageDebris(text.cleanedLines()).flatMap(Line.pieces)
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
            if let (level, title) = line.heading ?? line.paddedTitle(fullWidth: fullWidth) {
                finish()
                blocks.append(TextBlock(kind: .heading(level: level), text: title))
                blankSinceLast = false
                continue
            }
            defer {
                last = line
                blankSinceLast = false
            }
            guard let previous = last else {
                current = line.content
                continue
            }
            let previousIsFull = Double(previous.width) >= fullWidth
            let breaks =
                line.opensBlock || line.standsAlone || previous.standsAlone
                || (previous.endsSentence && !previousIsFull)
                || (blankSinceLast && (previous.endsSentence || !previousIsFull))
            if breaks {
                finish()
                current = line.content
            } else {
                current.appendLine(line.content)
            }
        }
        finish()
        return blocks
    }

    /// The paragraphs of `text` as strings (headings included, as their titles).
    public func paragraphs(in text: String) -> [String] {
        blocks(in: TracedText(original: text)).map(\.text.string)
    }

    /// `lines` without page breaks, running headers and footers, and page numbers.
    static func withoutPageDebris(_ lines: [TracedText]) -> [TracedText] {
        var pages: [[TracedText]] = [[]]
        for line in lines {
            if line.isPageBreak { pages.append([]) } else { pages[pages.count - 1].append(line) }
        }
        guard pages.count >= 3 else { return pages.flatMap { $0 } }
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
        return pages.flatMap { page in
            let drop = Set(edges(page).filter { running.contains(debrisKey(page[$0])) || isPageNumber(page[$0].string) })
            return page.indices.filter { !drop.contains($0) }.map { page[$0] }
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
}

/// One physical line, measured and classified.
private struct Line {
    static let blockMarks: Set<Unicode.Scalar> = [
        "○", "●", "◯", "◎", "◆", "◇", "■", "□", "▽", "▼", "△", "▲", "・",
    ]
    static let sentenceEnds: Set<Unicode.Scalar> = [
        "。", "．", "！", "？", "!", "?", "」", "』", "）", ")", "】", "〕", "〉", "》", "…",
    ]

    /// The text without indent and trailing spaces.
    let content: TracedText
    let width: Int
    let isBlank: Bool
    let opensBlock: Bool
    /// A heading padded with a run of spaces, a piece cut at a gap, or a speaker label on a line
    /// of its own.
    let standsAlone: Bool
    let endsSentence: Bool
    /// Padded at its end with a run of spaces (a title set apart, if it is also short).
    let isPadded: Bool

    init(_ line: TracedText, cut: Bool = false) {
        let scalars = line.scalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        let leading = scalars.prefix(while: isSpace)
        let trailing = scalars.reversed().prefix(while: isSpace)
        let content = line[leading.count..<max(leading.count, scalars.count - trailing.count)]
        self.content = content
        isBlank = content.isEmpty
        width = content.scalars.reduce(0) { $0 + ICU.displayWidth($1) }
        let indented = leading.contains("\u{3000}") || leading.count >= 2
        let padded = trailing.filter { $0 == "\u{3000}" }.count >= 2 || trailing.count >= 3
        opensBlock = !isBlank && (indented || Self.startsBlock(content.scalars))
        let isSpeakerLabel =
            content.scalars.first.map { Self.blockMarks.contains($0) && $0 != "・" } == true
            && content.count <= 21 && !content.scalars.contains(where: isSpace)
            && !Self.sentenceEnds.contains(content.scalars.last ?? " ")
        standsAlone = !isBlank && (padded || cut || isSpeakerLabel)
        endsSentence = content.scalars.last.map { Self.sentenceEnds.contains($0) } ?? false
        isPadded = padded && !cut
    }

    /// The line cut at its column or tab gaps (two ideographic or three ASCII spaces inside it).
    static func pieces(_ line: TracedText) -> [Line] {
        let scalars = line.scalars
        var cuts: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == " " || scalars[index] == "\u{3000}" else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{3000}" { end += 1 }
            let run = scalars[index..<end]
            let isGap = run.filter { $0 == "\u{3000}" }.count >= 2 || run.count >= 3
            let inside = run.startIndex > 0 && end < scalars.count
                && scalars[..<index].contains { $0 != " " && $0 != "\u{3000}" }
            if isGap && inside { cuts.append(index..<end) }
            index = end
        }
        guard !cuts.isEmpty else { return [Line(line)] }
        var pieces: [Line] = []
        var start = 0
        for cut in cuts {
            pieces.append(Line(line[start..<cut.lowerBound], cut: true))
            start = cut.upperBound
        }
        pieces.append(Line(line[start..<scalars.count], cut: true))
        return pieces
    }

    /// A short line padded with spaces that does not end a sentence: a title, as level 2.
    func paddedTitle(fullWidth: Double) -> (Int, TracedText)? {
        guard isPadded, !endsSentence, Double(width) < fullWidth, !isBlank else { return nil }
        return (2, content)
    }

    /// `<H2>Title</H2>` → (2, "Title").
    var heading: (Int, TracedText)? {
        let scalars = content.scalars
        guard scalars.count >= 9, scalars[0] == "<", scalars[1] == "H" || scalars[1] == "h",
            let level = Int(String(scalars[2])), (1...5).contains(level), scalars[3] == ">"
        else { return nil }
        let close = Array("</H\(level)>".unicodeScalars)
        let tail = scalars.suffix(close.count).map { Unicode.Scalar(String($0).uppercased()) ?? $0 }
        guard tail.elementsEqual(close) else { return nil }
        return (level, content[4..<(scalars.count - close.count)].trimmingSpaces())
    }

    /// Whether the line starts with a mark that opens a block.
    static func startsBlock(_ content: [Unicode.Scalar]) -> Bool {
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
