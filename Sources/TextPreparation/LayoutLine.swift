import Corpus
import Foundation

/// One physical line, measured and classified, as a byte range of the cleaned text it stands in.
struct LayoutLine {
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
    static func appendPieces(of line: Range<Int>, in text: TracedText, to lines: inout [LayoutLine]) {
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
                        LayoutLine(
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
            LayoutLine(
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
