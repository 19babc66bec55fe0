import Corpus

extension TracedText {
    /// The text's lines, cleaned (docs/TEXT.md §3.1): CRLF, CR, VT, NEL, U+2028 and
    /// U+2029 end lines like LF; a form feed (page break) ends a line and is kept as its own line
    /// `"\u{0C}"` so that page-aware stages can find pages; TAB becomes a space; the byte-order
    /// mark, zero-width spaces and joiners, word joiner, soft hyphen and other C0 controls are
    /// removed.
    public func cleanedLines() -> [TracedText] {
        let (text, lines) = cleanedLineRanges()
        return lines.map { text[$0] }
    }

    /// `cleanedLines()` as byte ranges of one text, so that no line is copied until a caller
    /// needs it.
    ///
    /// The text is `self` when there is nothing to clean but line ends, as in most documents;
    /// otherwise a copy with tabs made spaces and the removed characters gone. Line ends stay in
    /// it, between the ranges (a CR that was followed by a removed character becomes a VT there,
    /// so that an LF after it still ends a line of its own, as it did in the original).
    public func cleanedLineRanges() -> (text: TracedText, lines: [Range<Int>]) {
        let (lines, firstCleaned) = lineRanges()
        guard let firstCleaned else { return (self, lines) }
        let text = cleaned(from: firstCleaned)
        return (text, text.lineRanges().lines)
    }

    /// The lines, as byte ranges; or where the first character that cleaning changes starts, if
    /// there is one (then the lines are not all found). One pass: line ends and cleaned
    /// characters are all C0 controls, DEL, or start with `C2`, `E2` or `EF`.
    private func lineRanges() -> (lines: [Range<Int>], firstCleaned: Int?) {
        let bytes = utf8
        var lines: [Range<Int>] = []
        var lineStart = 0
        let count = bytes.count
        let span = bytes.span
        var index = 0
        while index < count {
            let byte = span[unchecked: index]
            guard byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF else {
                // Kana, kanji and most CJK punctuation (leads E3…EE) are skipped whole.
                index &+= byte >= 0xE3 && byte <= 0xEE ? 3 : 1
                continue
            }
            if Self.cleanedWidth(bytes, at: index) > 0 { return (lines, index) }
            let width = UTF8Text.width(lead: byte)
            switch byte {
            case 0x0A where index > 0 && bytes[index - 1] == 0x0D:
                lineStart = index + 1
            case 0x0A, 0x0B, 0x0D:
                lines.append(lineStart..<index)
                lineStart = index + 1
            case 0x0C:
                lines.append(lineStart..<index)
                lines.append(index..<(index + 1))
                lineStart = index + 1
            case 0xC2 where bytes[index + 1] == 0x85:
                lines.append(lineStart..<index)
                lineStart = index + width
            case 0xE2 where bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                lines.append(lineStart..<index)
                lineStart = index + width
            default:
                break
            }
            index += width
        }
        lines.append(lineStart..<bytes.count)
        return (lines, nil)
    }

    /// The length in bytes of the character at `index` if cleaning replaces or removes it (TAB,
    /// C0 controls other than line ends, DEL, the soft hyphen, zero-width spaces and joiners, the
    /// word joiner and the BOM), else 0.
    private static func cleanedWidth(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A...0x0D: 0
        case 0x00..<0x20, 0x7F: 1
        case 0xC2: bytes[index + 1] == 0xAD ? 2 : 0  // U+00AD
        case 0xE2:
            // U+200B…U+200D, U+2060
            (bytes[index + 1] == 0x80 && (0x8B...0x8D).contains(bytes[index + 2]))
                || (bytes[index + 1] == 0x81 && bytes[index + 2] == 0xA0) ? 3 : 0
        case 0xEF: bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0  // U+FEFF
        default: 0
        }
    }

    /// The text with tabs made spaces and the other cleaned characters removed, from the first
    /// of them at `first`; runs between them are copied whole.
    private func cleaned(from first: Int) -> TracedText {
        var result = TracedText()
        result.reserveCapacity(utf8.count)
        var runStart = 0
        var index = first
        while index < utf8.count {
            let width = Self.cleanedWidth(utf8, at: index)
            guard width > 0 else {
                index += UTF8Text.width(lead: utf8[index])
                continue
            }
            result.append(self, range: runStart..<index)
            if utf8[index] == 0x09 {
                result.append(" ", span: span(at: index))
            } else if result.utf8.last == 0x0D, index > 0, utf8[index - 1] == 0x0D {
                // The CR keeps its span: one byte for another.
                result.replaceLastByte(with: 0x0B)
            }
            index += width
            runStart = index
        }
        result.append(self, range: runStart..<utf8.count)
        return result
    }

    /// `true` for the page-break line of `cleanedLines()`.
    public var isPageBreak: Bool { utf8.count == 1 && utf8[0] == 0x0C }
}
