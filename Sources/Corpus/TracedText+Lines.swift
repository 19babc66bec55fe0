extension TracedText {
    /// The text's lines, cleaned (reference/normtok.md §4.2 B): CRLF, CR, VT, NEL, U+2028 and
    /// U+2029 end lines like LF; a form feed (page break) ends a line and is kept as its own line
    /// `"\u{0C}"` so that page-aware stages can find pages; TAB becomes a space; the byte-order
    /// mark, zero-width spaces and joiners, word joiner, soft hyphen and other C0 controls are
    /// removed.
    public func cleanedLines() -> [TracedText] {
        var lines: [TracedText] = []
        var line = TracedText()
        var previousWasCR = false
        for index in 0..<count {
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
                pageBreak.append(scalar, span: span(at: index))
                lines.append(pageBreak)
                line = TracedText()
            case "\t":
                line.append(" ", span: span(at: index))
            case "\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{7F}":
                continue
            case _ where scalar.value < 0x20:
                continue
            default:
                line.append(scalar, span: span(at: index))
            }
        }
        lines.append(line)
        return lines
    }

    /// `true` for the page-break line of `cleanedLines()`.
    public var isPageBreak: Bool { count == 1 && scalars[0] == "\u{000C}" }
}
