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
        var lines: [Line] = []
        lines.reserveCapacity(lineRanges.count)
        for line in Self.withoutPageDebris(lineRanges, in: text) { Line.appendPieces(of: line, in: text, to: &lines) }
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
        if let (level, title) = Line.heading(of: content, in: text) {
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

/// One physical line, measured and classified, as a byte range of the cleaned text it stands in.
struct Line {
    /// `○●◯◎◆◇■□▽▼△▲・`: marks that open a block.
    static func isBlockMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "○", "●", "◯", "◎", "◆", "◇", "■", "□", "▽", "▼", "△", "▲", "・": true
        default: false
        }
    }

    /// `。．！？!?」』）)】〕〉》…`: characters a line that ends a sentence ends with.
    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "．", "！", "？", "!", "?", "」", "』", "）", ")", "】", "〕", "〉", "》", "…": true
        default: false
        }
    }

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

    /// The line `content` of `text`, `width` columns and `length` characters wide, with
    /// `hasSpace` if it holds spaces; `indented` and `padded` by the spaces around it.
    init(content: Range<Int>, of text: TracedText, width: Int, length: Int, hasSpace: Bool, indented: Bool, padded: Bool, cut: Bool) {
        self.content = content
        self.width = width
        isBlank = content.isEmpty
        opensBlock = !isBlank && (indented || Self.startsBlock(text.utf8, content))
        let first = isBlank ? nil : text.scalar(at: content.lowerBound)
        let last = isBlank ? nil : text.scalar(at: text.index(before: content.upperBound))
        let isSpeakerLabel =
            first.map { Self.isBlockMark($0) && $0 != "・" } == true
            && length <= 21 && !hasSpace && !Self.isSentenceEnd(last ?? " ")
        standsAlone = !isBlank && (padded || cut || isSpeakerLabel)
        endsSentence = last.map(Self.isSentenceEnd) ?? false
        isPadded = padded && !cut
    }

    /// Appends the line `line` of `text` to `lines`, cut at its column or tab gaps (two
    /// ideographic or three ASCII spaces inside it) into pieces that stand alone.
    ///
    /// One pass measures the pieces as it finds them: a run of spaces is the indent before any
    /// text, a gap, spaces inside the piece, or, at the end, trailing spaces.
    static func appendPieces(of line: Range<Int>, in text: TracedText, to lines: inout [Line]) {
        let bytes = text.utf8
        let table = CharacterClasses.table
        var cut = false
        // The piece being read: its indent (only the first piece has one), and its content so far.
        var leading = 0
        var leadingIdeographic = false
        var contentStart = line.lowerBound
        var width = 0
        var length = 0
        var hasSpace = false
        var seenText = false
        // The run of spaces just read after some text, if any.
        var runStart: Int?
        var runSpaces = 0
        var runIdeographic = 0
        precondition(line.upperBound <= bytes.count, "line out of the text")
        let span = bytes.span
        var index = line.lowerBound
        while index < line.upperBound {
            var lead = span[unchecked: index]
            if seenText && runStart == nil {
                // Inside the text of a piece: ASCII letters and kanji, the bulk of most lines,
                // are measured in a tight loop until a space or any other character.
                while true {
                    if lead > 0x20 && lead < 0x80 {
                        width &+= 1
                    } else if UTF8Text.isKanjiLead(lead) && !(lead == 0xE4 && span[unchecked: index &+ 1] == 0xB7) {
                        width &+= 2
                    } else if lead == 0xE3 && span[unchecked: index &+ 1] != 0x80 {
                        // Kana and the rest of U+3040…U+3FFF but CJK punctuation (`E3 80`, which
                        // holds the ideographic space): their width is in the table.
                        let value =
                            0x3000 | Int(span[unchecked: index &+ 1] & 0x3F) << 6 | Int(span[unchecked: index &+ 2] & 0x3F)
                        width &+= table.span[unchecked: value] & CharacterClasses.wide.rawValue != 0 ? 2 : 1
                    } else {
                        break
                    }
                    length &+= 1
                    index &+= UTF8Text.width(lead: lead)
                    guard index < line.upperBound else { break }
                    lead = span[unchecked: index]
                }
                guard index < line.upperBound else { break }
            }
            if let spaceWidth = TracedText.spaceWidth(bytes, at: index) {
                let ideographic = spaceWidth == 3
                index += spaceWidth
                if !seenText {
                    leading += 1
                    leadingIdeographic = leadingIdeographic || ideographic
                    contentStart = index
                    continue
                }
                if runStart == nil {
                    runStart = index - spaceWidth
                    runSpaces = 0
                    runIdeographic = 0
                }
                runSpaces += 1
                if ideographic { runIdeographic += 1 }
                continue
            }
            if let start = runStart {
                if runIdeographic >= 2 || runSpaces >= 3 {
                    // A gap, with text on both sides: the piece before it ends there.
                    lines.append(
                        Line(
                            content: contentStart..<start, of: text, width: width, length: length, hasSpace: hasSpace,
                            indented: leadingIdeographic || leading >= 2, padded: false, cut: true))
                    contentStart = index
                    (width, length, hasSpace, leading, leadingIdeographic, cut) = (0, 0, false, 0, false, true)
                } else {
                    width += runSpaces + runIdeographic  // an ideographic space is two columns wide
                    length += runSpaces
                    hasSpace = true
                }
                runStart = nil
            }
            seenText = true
            // ASCII and two-byte characters are narrow; kanji wide, but for the hexagrams
            // U+4DC0…U+4DFF (E4 B7 xx); the other BMP characters' width is in the table.
            if lead < 0xE0 {
                width += 1
            } else if UTF8Text.isKanjiLead(lead) && !(lead == 0xE4 && bytes[index + 1] == 0xB7) {
                width += 2
            } else if lead < 0xF0 {
                width += CharacterClasses.of(bytes, at: index, table: table).contains(.wide) ? 2 : 1
            } else {
                width += LayoutRepair.displayWidth(UTF8Text.scalar(in: bytes, at: index))
            }
            length += 1
            index += UTF8Text.width(lead: lead)
        }
        let trailing = runStart == nil ? 0 : runSpaces
        let trailingIdeographic = runStart == nil ? 0 : runIdeographic
        lines.append(
            Line(
                content: contentStart..<(runStart ?? max(contentStart, line.upperBound)), of: text, width: width,
                length: length, hasSpace: hasSpace, indented: leadingIdeographic || leading >= 2,
                padded: trailingIdeographic >= 2 || trailing >= 3, cut: cut))
    }

    /// A short line padded with spaces that does not end a sentence: a title, as level 2.
    func paddedTitle(fullWidth: Double) -> (Int, Range<Int>)? {
        guard isPadded, !endsSentence, Double(width) < fullWidth, !isBlank else { return nil }
        return (2, content)
    }

    /// `<H2>Title</H2>` → (2, "Title"), at least nine characters; the tags are ASCII, `h` in
    /// either case.
    func heading(in text: TracedText) -> (Int, Range<Int>)? { Self.heading(of: content, in: text) }

    /// `heading(in:)` of the line `content` of `text`.
    static func heading(of content: Range<Int>, in text: TracedText) -> (Int, Range<Int>)? {
        let bytes = text.utf8
        let start = content.lowerBound
        let end = content.upperBound
        guard content.count >= 9, bytes[start] == UInt8(ascii: "<"), bytes[start + 1] | 0x20 == UInt8(ascii: "h"),
            (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[start + 2]), bytes[start + 3] == UInt8(ascii: ">"),
            bytes[end - 5] == UInt8(ascii: "<"), bytes[end - 4] == UInt8(ascii: "/"), bytes[end - 3] | 0x20 == UInt8(ascii: "h"),
            bytes[end - 2] == bytes[start + 2], bytes[end - 1] == UInt8(ascii: ">"),
            UTF8Text.scalarCount(in: bytes, content) >= 9
        else { return nil }
        return (Int(bytes[start + 2] - UInt8(ascii: "0")), text.rangeTrimmingSpaces((start + 4)..<(end - 5)))
    }

    /// Whether the line `content` starts with a mark that opens a block.
    static func startsBlock(_ bytes: [UInt8], _ content: Range<Int>) -> Bool {
        guard !content.isEmpty else { return false }
        /// The scalar at `index`, if it is inside the line.
        func scalar(at index: Int) -> Unicode.Scalar? {
            index < content.upperBound ? UTF8Text.scalar(in: bytes, at: index) : nil
        }
        /// How many digits start at `index`, and where they end.
        func digits(from index: Int) -> (count: Int, end: Int) {
            var index = index
            var count = 0
            while let scalar = scalar(at: index), isDigit(scalar) {
                count += 1
                index += UTF8Text.width(lead: bytes[index])
            }
            return (count, index)
        }
        let start = content.lowerBound
        guard let first = scalar(at: start) else { return false }
        if isBlockMark(first) { return true }
        if (0x2460...0x2473).contains(first.value) || (0x2474...0x249B).contains(first.value) {
            return true  // ①–⑳, ⑴–⒇, ⒈–⒛
        }
        let afterFirst = start + UTF8Text.width(lead: bytes[start])
        if first == "※" || first == "注", let second = scalar(at: afterFirst), isDigit(second) { return true }
        if first == "（" || first == "(" {
            let (count, end) = digits(from: afterFirst)
            if count > 0, let close = scalar(at: end), close == "）" || close == ")" { return true }
        }
        let (count, end) = digits(from: start)
        if count > 0, count <= 3, let mark = scalar(at: end) {
            if mark == "．" { return true }
            if mark == ".", scalar(at: end + 1) == " " { return true }
        }
        return false
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}

import Foundation
