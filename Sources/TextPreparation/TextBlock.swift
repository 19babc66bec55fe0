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
        appendLine(next, range: 0..<next.utf8.count)
    }

    /// Appends the line `range` (bytes) of `text` like `appendLine(_:)`, without copying it out
    /// first.
    public mutating func appendLine(_ text: TracedText, range: Range<Int>) {
        guard !range.isEmpty else { return }
        appendLine(text, from: text.mark(at: range.lowerBound), to: text.mark(at: range.upperBound))
    }

    /// `appendLine(_:range:)` of the line from `start` to `end`, marks of `text`.
    package mutating func appendLine(_ text: TracedText, from start: Mark, to end: Mark) {
        // Only ASCII characters matter here, and an ASCII byte is always a whole character.
        guard let tail = utf8.last, start.position < end.position else {
            append(text, from: start, to: end)
            return
        }
        let head = text.utf8[start.position]
        if tail == UInt8(ascii: "-"), utf8.count >= 2, Self.isASCIILetter(utf8[utf8.count - 2]), Self.isASCIILetter(head),
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(head)
        {
            removeLast()
        } else if Self.isASCIIAlphanumeric(tail) && Self.isASCIIAlphanumeric(head) {
            appendInserted(" ")
        }
        append(text, from: start, to: end)
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || ("0"..."9").contains(self) }
}
