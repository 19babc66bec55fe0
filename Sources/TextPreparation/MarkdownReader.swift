/// Turns Markdown into text blocks: headings (ATX `#` and setext underlines) become heading
/// blocks, which open sections; paragraphs, list items, quotes and table cells become paragraph
/// blocks; markup is stripped from the text.
///
/// Removed: YAML front matter, fenced code blocks, link definitions, thematic breaks, table
/// separator rows, HTML tags, emphasis and strike markers (`*`, `**`, `_`, `__`, `~~`; a `_`
/// inside a word stays), inline-code backticks (the code text stays), link targets (`[text](url)`
/// keeps `text`, `![alt](src)` keeps `alt`), block-quote and list markers, backslash escapes. Lines
/// of one paragraph are joined as Japanese text is: without a space, except between Latin words.
public struct MarkdownReader: Sendable {
    public init() {}

    public func blocks(in text: TracedText) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var paragraph: TracedText?
        func finish() {
            if let current = paragraph?.trimmingSpaces(), !current.isEmpty {
                blocks.append(TextBlock(kind: .paragraph, text: current))
            }
            paragraph = nil
        }
        var lines = text.cleanedLines().filter { !$0.isPageBreak }
        if let first = lines.first, first.string.trimmingSpaces() == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.string.trimmingSpaces() == "---" })
        {
            lines.removeSubrange(0...end)  // front matter
        }
        var fence: String?
        for line in lines {
            let trimmed = line.string.trimmingSpaces()
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                finish()
                fence = String(trimmed.prefix(3))
                continue
            }
            if trimmed.isEmpty || Self.isThematicBreak(trimmed) && paragraph == nil {
                finish()
                continue
            }
            if let level = Self.setextLevel(trimmed), let current = paragraph {
                blocks.append(TextBlock(kind: .heading(level: level), text: current.trimmingSpaces()))
                paragraph = nil
                continue
            }
            if Self.isThematicBreak(trimmed) {
                finish()
                continue
            }
            var content = Self.droppingBlockQuote(line)
            if let (level, title) = Self.atxHeading(content) {
                finish()
                blocks.append(TextBlock(kind: .heading(level: level), text: Self.inline(title)))
                continue
            }
            if Self.isLinkDefinition(content.string) { continue }
            if content.string.trimmingSpaces().hasPrefix("|") {
                finish()
                for cell in Self.tableCells(content) where !cell.isEmpty {
                    blocks.append(TextBlock(kind: .paragraph, text: cell))
                }
                continue
            }
            if let item = Self.droppingListMarker(content) {
                finish()
                content = item
            }
            let inline = Self.inline(content).trimmingSpaces()
            if paragraph == nil { paragraph = inline } else { paragraph?.appendLine(inline) }
        }
        finish()
        return blocks
    }

    static func isThematicBreak(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    static func setextLevel(_ line: String) -> Int? {
        guard !line.isEmpty else { return nil }
        if line.allSatisfy({ $0 == "=" }) { return 1 }
        if line.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    static func droppingBlockQuote(_ line: TracedText) -> TracedText {
        var start = 0
        let bytes = line.utf8
        while true {
            var index = start
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { break }
            start = index + 1
        }
        return line[start..<bytes.count]
    }

    /// `# Title ##` → (1, "Title").
    static func atxHeading(_ line: TracedText) -> (Int, TracedText)? {
        let bytes = line.utf8
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        let hashes = bytes[index...].prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = index + hashes
        guard after == bytes.count || TracedText.spaceWidth(bytes, at: after) != nil else { return nil }
        var end = bytes.count
        while end > after, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        return (hashes, line[after..<max(after, end)].trimmingSpaces())
    }

    static func isLinkDefinition(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return false }
        return trimmed[trimmed.index(after: close)...].hasPrefix(":")
    }

    static func tableCells(_ line: TracedText) -> [TracedText] {
        let bytes = line.utf8
        let isSeparator = bytes.allSatisfy { "|-: ".utf8.contains($0) }
        guard !isSeparator else { return [] }
        var cells: [TracedText] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "|") {
            cells.append(inline(line[start..<index]).trimmingSpaces())
            start = index + 1
        }
        return cells
    }

    /// The item's text without its `-`, `*`, `+` or `1.` marker, or `nil` if the line is no item.
    static func droppingListMarker(_ line: TracedText) -> TracedText? {
        let bytes = line.utf8
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        var index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count else { return nil }
        var end = index
        if "-*+".utf8.contains(bytes[index]) {
            end = index + 1
        } else {
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            guard end > index, end - index <= 9, end < bytes.count,
                bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")")
            else { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: " ") else { return nil }
        return line[(end + 1)..<bytes.count]
    }

    /// Characters a backslash escapes in Markdown (all ASCII).
    static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8)

    /// The line without inline markup. The markup is ASCII, so the line is read byte by byte
    /// and copied a character or a run at a time.
    static func inline(_ line: TracedText) -> TracedText {
        let bytes = line.utf8
        var result = TracedText()
        var index = 0
        /// A letter or digit ends at `end` (the character before a `_`).
        func wordCharacterEnds(at end: Int) -> Bool {
            end > 0 && isWordCharacter(line.scalar(at: line.index(before: end)))
        }
        /// A letter or digit starts at `start` (the character after a `_`).
        func wordCharacterStarts(at start: Int) -> Bool {
            start < bytes.count && isWordCharacter(line.scalar(at: start))
        }
        func firstIndex(of byte: UInt8, from start: Int) -> Int? {
            bytes[start...].firstIndex(of: byte)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < bytes.count && Self.escapable.contains(bytes[index + 1]):
                result.append(line, range: (index + 1)..<(index + 2))
                index += 2
            case UInt8(ascii: "!") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "["):
                index += 1  // an image: keep its alt text like a link's
            case UInt8(ascii: "["):
                if let close = firstIndex(of: UInt8(ascii: "]"), from: index), close + 1 < bytes.count,
                    bytes[close + 1] == UInt8(ascii: "(") || bytes[close + 1] == UInt8(ascii: "["),
                    let end = firstIndex(
                        of: bytes[close + 1] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]"), from: close + 1)
                {
                    result.append(inline(line[(index + 1)..<close]))
                    index = end + 1
                } else {
                    result.append(line, range: index..<(index + 1))
                    index += 1
                }
            case UInt8(ascii: "<"):
                if let close = firstIndex(of: UInt8(ascii: ">"), from: index), close > index + 1 {
                    let inner = line[(index + 1)..<close]
                    let next = bytes[index + 1]
                    if inner.string.contains("://") {
                        result.append(inner)  // an autolink: keep the address
                    } else if !(TracedText.isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")) {
                        result.append(line, range: index..<(close + 1))  // not a tag
                    }
                    index = close + 1
                } else {
                    result.append(line, range: index..<(index + 1))
                    index += 1
                }
            case UInt8(ascii: "`"), UInt8(ascii: "*"):
                index += 1
            case UInt8(ascii: "~") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "~"):
                index += 2
            case UInt8(ascii: "_") where !(wordCharacterEnds(at: index) && wordCharacterStarts(at: index + 1)):
                index += 1
            default:
                let next = line.index(after: index)
                result.append(line, range: index..<next)
                index = next
            }
        }
        // A trailing backslash or two spaces make a hard break in Markdown: not text.
        var end = result.utf8.count
        while end > 0, result.utf8[end - 1] == UInt8(ascii: " ") || result.utf8[end - 1] == UInt8(ascii: "\\") { end -= 1 }
        return end == result.utf8.count ? result : result[0..<end]
    }

    /// A letter (any script) or an ASCII digit: what a `_` inside a word stands between.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}

extension String {
    /// The string without leading and trailing ASCII and ideographic spaces.
    func trimmingSpaces() -> String {
        TracedText(original: self).trimmingSpaces().string
    }
}
