/// Rebuilds paragraphs from text whose line breaks come from page layout, as in text extracted
/// from PDF (reference/normtok.md §4.2 B and §5.3).
///
/// First the text is cleaned: every kind of line end becomes LF, form feeds (page breaks) become
/// line breaks, TAB becomes a space, and invisible characters (BOM, zero-width spaces, soft
/// hyphen, other C0 controls) are removed. Then lines are joined into paragraphs. A line is
/// *full* when its display width (wide characters count 2) reaches 80 % of the document's typical
/// line width `W` (the 90th percentile of line widths, unless given). For the last line `A` of
/// the paragraph being built and the next non-blank line `B`:
///
/// - a new paragraph starts when `B` opens a block: a speaker or bullet mark (`○●◯◎◆◇■□▽▼△▲・`),
///   a footnote (`※1`, `注1`), a circled or bracketed number (`①`, `（1）`, `(1)`), `1．`, or an
///   indent (a leading ideographic space or two ASCII spaces); or when `A` or `B` stands alone
///   (a heading padded with a run of spaces, or a speaker label line such as `○西川区長`);
/// - a new paragraph starts when `A` ends a sentence (`。．！？!?」』）)】〕〉》…`) and is not full,
///   since the last line of a paragraph is usually short;
/// - blank lines between `A` and `B` start a new paragraph when `A` ends a sentence or is not
///   full; after a full, unfinished line they are a page or column break inside a word
///   (`発⏎⏎明` → `発明`) and are bridged;
/// - otherwise the lines are joined: with one space between two ASCII letters or digits, without
///   the hyphen of a word hyphenated across lines (`hyphen-⏎ated`), and with nothing in Japanese.
public struct LayoutRepair: Sendable {
    /// The typical line width in display columns, or `nil` to measure it per document.
    public var lineWidth: Int?

    public init(lineWidth: Int? = nil) {
        self.lineWidth = lineWidth
    }

    /// The paragraphs of `text`, each on one line, without leading indent or trailing spaces.
    public func paragraphs(in text: String) -> [String] {
        let lines = Self.cleanedLines(text).map(Line.init)
        let widths = lines.filter { !$0.isBlank }.map(\.width).sorted()
        let typical =
            lineWidth ?? (widths.isEmpty ? 0 : widths[min(widths.count - 1, widths.count * 9 / 10)])
        let fullWidth = Double(typical) * 0.8

        var paragraphs: [String] = []
        var current: [Unicode.Scalar] = []
        var last: Line?
        var blankSinceLast = false
        func finish() {
            if !current.isEmpty { paragraphs.append(String(String.UnicodeScalarView(current))) }
            current = []
            last = nil
        }
        for line in lines {
            if line.isBlank {
                blankSinceLast = true
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
                Self.join(&current, line.content)
            }
        }
        finish()
        return paragraphs
    }

    /// Appends `next` to `paragraph` with the glue the two sides call for.
    static func join(_ paragraph: inout [Unicode.Scalar], _ next: [Unicode.Scalar]) {
        guard let tail = paragraph.last, let head = next.first else {
            paragraph += next
            return
        }
        if tail == "-", paragraph.count >= 2, isASCIILetter(paragraph[paragraph.count - 2]),
            isASCIILetter(head), head.properties.isLowercase
        {
            paragraph.removeLast()
        } else if isASCIIAlphanumeric(tail) && isASCIIAlphanumeric(head) {
            paragraph.append(" ")
        }
        paragraph += next
    }

    /// Line ends unified to LF, form feeds to LF, TAB to space, invisible characters dropped.
    static func cleanedLines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var line: [Unicode.Scalar] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue
            case "\n", "\r", "\u{000B}", "\u{000C}", "\u{0085}", "\u{2028}", "\u{2029}":
                lines.append(line)
                line = []
            case "\t":
                line.append(" ")
            case "\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{7F}":
                continue
            case _ where scalar.value < 0x20:
                continue
            default:
                line.append(scalar)
            }
        }
        lines.append(line)
        return lines
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar)
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
    let content: [Unicode.Scalar]
    let width: Int
    let isBlank: Bool
    let opensBlock: Bool
    /// A heading padded with a run of spaces, or a speaker label on a line of its own.
    let standsAlone: Bool
    let endsSentence: Bool

    init(_ scalars: [Unicode.Scalar]) {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        let leading = scalars.prefix(while: isSpace)
        let trailing = scalars.reversed().prefix(while: isSpace)
        let content = Array(scalars.dropFirst(leading.count).dropLast(min(trailing.count, scalars.count - leading.count)))
        self.content = content
        isBlank = content.isEmpty
        width = content.reduce(0) { $0 + ICU.displayWidth($1) }
        let indented = leading.contains("\u{3000}") || leading.count >= 2
        let padded = trailing.filter { $0 == "\u{3000}" }.count >= 2 || trailing.count >= 3
        opensBlock = !isBlank && (indented || Self.startsBlock(content))
        let isSpeakerLabel =
            content.first.map { Self.blockMarks.contains($0) && $0 != "・" } == true
            && content.count <= 21 && !content.contains(where: isSpace)
            && !Self.sentenceEnds.contains(content.last ?? " ")
        standsAlone = !isBlank && (padded || isSpeakerLabel)
        endsSentence = content.last.map { Self.sentenceEnds.contains($0) } ?? false
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
