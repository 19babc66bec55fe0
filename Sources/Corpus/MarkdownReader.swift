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
        let scalars = line.scalars
        while true {
            var index = start
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count, scalars[index] == ">" else { break }
            start = index + 1
        }
        return line[start..<line.count]
    }

    /// `# Title ##` → (1, "Title").
    static func atxHeading(_ line: TracedText) -> (Int, TracedText)? {
        let scalars = line.scalars
        var index = 0
        while index < scalars.count, index < 3, scalars[index] == " " { index += 1 }
        let hashes = scalars[index...].prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = index + hashes
        guard after == scalars.count || scalars[after] == " " || scalars[after] == "\u{3000}" else { return nil }
        var end = scalars.count
        while end > after, scalars[end - 1] == " " || scalars[end - 1] == "#" { end -= 1 }
        return (hashes, line[after..<max(after, end)].trimmingSpaces())
    }

    static func isLinkDefinition(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return false }
        return trimmed[trimmed.index(after: close)...].hasPrefix(":")
    }

    static func tableCells(_ line: TracedText) -> [TracedText] {
        let scalars = line.scalars
        let isSeparator = scalars.allSatisfy { "|-: ".unicodeScalars.contains($0) }
        guard !isSeparator else { return [] }
        var cells: [TracedText] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "|" {
            cells.append(inline(line[start..<index]).trimmingSpaces())
            start = index + 1
        }
        return cells
    }

    /// The item's text without its `-`, `*`, `+` or `1.` marker, or `nil` if the line is no item.
    static func droppingListMarker(_ line: TracedText) -> TracedText? {
        let scalars = line.scalars
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return nil }
        var end = index
        if "-*+".unicodeScalars.contains(scalars[index]) {
            end = index + 1
        } else {
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard end > index, end - index <= 9, end < scalars.count, scalars[end] == "." || scalars[end] == ")"
            else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == " " else { return nil }
        return line[(end + 1)..<scalars.count]
    }

    /// Characters a backslash escapes in Markdown.
    static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// The line without inline markup.
    static func inline(_ line: TracedText) -> TracedText {
        let scalars = line.scalars
        var result = TracedText()
        var index = 0
        func isWordCharacter(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count && (scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\" where index + 1 < scalars.count && Self.escapable.contains(scalars[index + 1]):
                result.append(line[(index + 1)..<(index + 2)])
                index += 2
            case "!" where index + 1 < scalars.count && scalars[index + 1] == "[":
                index += 1  // an image: keep its alt text like a link's
            case "[":
                if let close = scalars[index...].firstIndex(of: "]"), close + 1 < scalars.count,
                    scalars[close + 1] == "(" || scalars[close + 1] == "[",
                    let end = scalars[(close + 1)...].firstIndex(of: scalars[close + 1] == "(" ? ")" : "]")
                {
                    result.append(inline(line[(index + 1)..<close]))
                    index = end + 1
                } else {
                    result.append(line[index..<(index + 1)])
                    index += 1
                }
            case "<":
                if let close = scalars[index...].firstIndex(of: ">"), close > index + 1 {
                    let inner = line[(index + 1)..<close]
                    if inner.string.contains("://") {
                        result.append(inner)  // an autolink: keep the address
                    } else if !(scalars[index + 1].isASCIILetter || scalars[index + 1] == "/" || scalars[index + 1] == "!") {
                        result.append(line[index..<(close + 1)])  // not a tag
                    }
                    index = close + 1
                } else {
                    result.append(line[index..<(index + 1)])
                    index += 1
                }
            case "`":
                index += 1
            case "*":
                index += 1
            case "~" where index + 1 < scalars.count && scalars[index + 1] == "~":
                index += 2
            case "_" where !(isWordCharacter(index - 1) && isWordCharacter(index + 1)):
                index += 1
            default:
                result.append(line[index..<(index + 1)])
                index += 1
            }
        }
        // A trailing backslash or two spaces make a hard break in Markdown: not text.
        var end = result.count
        while end > 0, result.scalars[end - 1] == " " || result.scalars[end - 1] == "\\" { end -= 1 }
        return result[0..<end]
    }
}

extension String {
    /// The string without leading and trailing ASCII and ideographic spaces.
    func trimmingSpaces() -> String {
        TracedText(original: self).trimmingSpaces().string
    }
}
