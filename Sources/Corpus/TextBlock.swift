/// A block of a document before its structure is read: a paragraph or a heading, one line of
/// text each, traced to the original.
public struct TextBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph
        /// A heading of level 1 to 6 (Markdown `#`, KH Coder's `<H1>`).
        case heading(level: Int)
    }

    public var kind: Kind
    public var text: TracedText

    public init(kind: Kind = .paragraph, text: TracedText) {
        self.kind = kind
        self.text = text
    }
}

extension TracedText {
    /// Appends the next line of a paragraph with the glue Japanese and Latin text call for: one
    /// space between two ASCII letters or digits, nothing elsewhere (a space between Japanese
    /// characters is layout, not a word boundary), and without the hyphen of a Latin word
    /// hyphenated across the lines (`hyphen-⏎ated`).
    public mutating func appendLine(_ next: TracedText) {
        appendLine(next, range: 0..<next.count)
    }

    /// Appends the line `range` of `text` like `appendLine(_:)`, without copying it out first.
    public mutating func appendLine(_ text: TracedText, range: Range<Int>) {
        guard let tail = scalars.last, !range.isEmpty else {
            append(text, range: range)
            return
        }
        let head = text.scalars[range.lowerBound]
        if tail == "-", count >= 2, scalars[count - 2].isASCIILetter, head.isASCIILetter,
            head.properties.isLowercase
        {
            removeLast()
        } else if tail.isASCIIAlphanumeric && head.isASCIIAlphanumeric {
            appendInserted(" ")
        }
        append(text, range: range)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || ("0"..."9").contains(self) }
}
