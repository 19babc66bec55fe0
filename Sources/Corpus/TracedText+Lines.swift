extension TracedText {
    /// The text's lines, cleaned (reference/normtok.md §4.2 B): CRLF, CR, VT, NEL, U+2028 and
    /// U+2029 end lines like LF; a form feed (page break) ends a line and is kept as its own line
    /// `"\u{0C}"` so that page-aware stages can find pages; TAB becomes a space; the byte-order
    /// mark, zero-width spaces and joiners, word joiner, soft hyphen and other C0 controls are
    /// removed.
    public func cleanedLines() -> [TracedText] {
        let (text, lines) = cleanedLineRanges()
        return lines.map { text[$0] }
    }

    /// `cleanedLines()` as ranges of one text, so that no line is copied until a caller needs it.
    ///
    /// The text is `self` when there is nothing to clean but line ends, as in most documents;
    /// otherwise a copy with tabs made spaces and the removed characters gone. Line ends stay in
    /// it, between the ranges (a CR that was followed by a removed character becomes a VT there,
    /// so that an LF after it still ends a line of its own, as it did in the original).
    public func cleanedLineRanges() -> (text: TracedText, lines: [Range<Int>]) {
        let text = scalars.contains(where: Self.isCleaned) ? cleaned() : self
        let scalars = text.scalars
        var lines: [Range<Int>] = []
        var lineStart = 0
        for index in scalars.indices {
            switch scalars[index] {
            case "\n" where index > 0 && scalars[index - 1] == "\r":
                lineStart = index + 1
            case "\n", "\r", "\u{000B}", "\u{0085}", "\u{2028}", "\u{2029}":
                lines.append(lineStart..<index)
                lineStart = index + 1
            case "\u{000C}":
                lines.append(lineStart..<index)
                lines.append(index..<(index + 1))
                lineStart = index + 1
            default:
                continue
            }
        }
        lines.append(lineStart..<scalars.count)
        return (text, lines)
    }

    /// `true` for a character that cleaning replaces or removes: TAB, C0 controls other than line
    /// ends, DEL, the soft hyphen, zero-width spaces and joiners, the word joiner and the BOM.
    private static func isCleaned(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D: false
        case 0x00..<0x20, 0x7F, 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// The text with tabs made spaces and the other cleaned characters removed; runs between
    /// them are copied whole.
    private func cleaned() -> TracedText {
        var result = TracedText()
        result.reserveCapacity(count)
        var runStart = 0
        for index in scalars.indices where Self.isCleaned(scalars[index]) {
            result.append(self, range: runStart..<index)
            runStart = index + 1
            if scalars[index] == "\t" {
                result.append(" ", span: span(at: index))
            } else if let last = result.scalars.last, last == "\r", index > 0, scalars[index - 1] == "\r" {
                result.replaceScalar(at: result.count - 1, with: "\u{000B}")
            }
        }
        result.append(self, range: runStart..<count)
        return result
    }

    /// `true` for the page-break line of `cleanedLines()`.
    public var isPageBreak: Bool { count == 1 && scalars[0] == "\u{000C}" }
}
