/// Reads the structure of a document from its blocks (reference/normtok.md §5.4): sections from
/// headings, speaker turns from speaker labels, footnotes from `※1`-style marks. A heading ends
/// the current turn: what follows it belongs to no speaker until the next label.
///
/// Speakers, at the start of a block:
/// - a mark and a label alone (`○西川区長`): the label opens a turn for the blocks that follow;
/// - a mark, a label and a space (`○西川区長　地域活性化が…`), or a mark and a label that ends in a
///   role word (`○西川区長地域活性化が…`): the label is split off the text;
/// - a label and a colon (`司会：ありがとうございました。`), if the label ends in a role word or opens
///   at least two blocks of the document (so that `日時：` once in a header is not a speaker).
///
/// Footnotes: a block that starts with `※1` or `注1` is a footnote record of its own; the same
/// marks inside text (`中小機構（※１）は`) are references and are removed, with their brackets.
///
/// This runs before character normalization, which removes the space between label and text.
public struct StructureReader: Sendable {
    /// Characters that open a speaker turn in Japanese transcripts and minutes.
    static let speakerMarks: Set<Unicode.Scalar> = ["○", "●", "◯", "◎", "◆", "◇", "■", "□"]
    /// Words that end a speaker label; longer words first, so that 理事長 wins over 理事.
    static let roleWords = [
        "理事長", "委員長", "区長", "市長", "町長", "村長", "知事", "理事", "司会", "委員", "会長", "社長", "部長", "課長",
        "局長", "議長", "議員", "先生", "教授", "記者", "氏", "さん",
    ].map { Array($0.unicodeScalars) }
    /// The longest label accepted, in characters.
    static let maximumLabelLength = 20

    public init() {}

    /// The paragraphs of a document made of `blocks`.
    public func paragraphs(from blocks: [TextBlock]) -> [Paragraph] {
        let colonLabels = Self.repeatedColonLabels(in: blocks)
        var paragraphs: [Paragraph] = []
        var speaker: String?
        var turn = 0
        var section: String?
        for block in blocks {
            if case .heading(let level) = block.kind {
                let title = Self.removingReferences(block.text).trimmingSpaces()
                section = title.string
                speaker = nil
                if !title.isEmpty { paragraphs.append(Paragraph(kind: .heading(level: level), section: section, text: title)) }
                continue
            }
            if let (id, body) = Self.footnote(block.text) {
                paragraphs.append(Paragraph(kind: .footnote(id: id), section: section, text: body))
                continue
            }
            var text = block.text
            if let (label, body) = Self.speakerLabel(block.text, colonLabels: colonLabels) {
                speaker = label
                turn += 1
                text = body
            }
            text = Self.removingReferences(text).trimmingSpaces()
            guard !text.isEmpty else { continue }
            paragraphs.append(
                Paragraph(kind: .body, speaker: speaker, turn: speaker == nil ? nil : turn, section: section, text: text))
        }
        return paragraphs
    }

    /// The speaker label at the start of `text` and the text after it.
    static func speakerLabel(_ text: TracedText, colonLabels: Set<String>) -> (String, TracedText)? {
        let scalars = text.scalars
        guard let first = scalars.first else { return nil }
        if speakerMarks.contains(first) {
            var start = 1
            while start < scalars.count, isSpace(scalars[start]) { start += 1 }
            var end = start
            while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
            let label = Array(scalars[start..<end])
            guard !label.isEmpty else { return nil }
            if label.count <= maximumLabelLength, !label.contains(where: isPunctuation) {
                return (String(String.UnicodeScalarView(label)), text[end..<scalars.count].trimmingSpaces())
            }
            // No space after the label: accept it up to a role word near the start.
            for role in roleWords {
                if let at = firstIndex(of: role, in: scalars, from: start, limit: start + 12 + role.count) {
                    let labelEnd = at + role.count
                    let label = String(String.UnicodeScalarView(scalars[start..<labelEnd]))
                    return (label, text[labelEnd..<scalars.count].trimmingSpaces())
                }
            }
            return nil
        }
        if let (label, bodyStart) = colonLabel(scalars), colonLabels.contains(label) || endsInRoleWord(label) {
            return (label, text[bodyStart..<scalars.count].trimmingSpaces())
        }
        return nil
    }

    /// A `label：` at the start of a block: the label and where the text after the colon starts.
    static func colonLabel(_ scalars: [Unicode.Scalar]) -> (String, Int)? {
        guard let colon = scalars.prefix(maximumLabelLength + 1).firstIndex(where: { $0 == "：" || $0 == ":" }),
            colon > 0
        else { return nil }
        let label = scalars[..<colon]
        guard !label.contains(where: { isSpace($0) || isPunctuation($0) }) else { return nil }
        return (String(String.UnicodeScalarView(label)), colon + 1)
    }

    /// Labels of `label：` form that open at least two blocks.
    static func repeatedColonLabels(in blocks: [TextBlock]) -> Set<String> {
        var counts: [String: Int] = [:]
        for block in blocks where block.kind == .paragraph {
            if let (label, _) = colonLabel(block.text.scalars) { counts[label, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    static func endsInRoleWord(_ label: String) -> Bool {
        let scalars = Array(label.unicodeScalars)
        return roleWords.contains { role in scalars.count > role.count && scalars.suffix(role.count).elementsEqual(role) }
            || roleWords.contains { $0.elementsEqual(scalars) }
    }

    /// A footnote block: `※1 text` or `注1 text`; its id and its text.
    static func footnote(_ text: TracedText) -> (String, TracedText)? {
        let scalars = text.scalars
        guard let first = scalars.first, first == "※" || first == "注" else { return nil }
        var index = 1
        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
        let digitsStart = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        guard index > digitsStart else { return nil }
        let id = String(String.UnicodeScalarView(scalars[digitsStart..<index].map(asciiDigit)))
        return (id, text[index..<scalars.count].trimmingSpaces())
    }

    /// `text` without footnote references: `※1`, with the brackets around it if they hold nothing else.
    static func removingReferences(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        guard scalars.contains("※") else { return text }
        var result = TracedText()
        var runStart = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "※" {
                var end = index + 1
                while end < scalars.count, isDigit(scalars[end]) { end += 1 }
                if end > index + 1 {
                    result.append(text, range: runStart..<index)
                    let opens = result.scalars.last.map { $0 == "（" || $0 == "(" } ?? false
                    let closes = end < scalars.count && (scalars[end] == "）" || scalars[end] == ")")
                    if opens && closes {
                        result.removeLast()
                        end += 1
                    }
                    index = end
                    runStart = end
                    continue
                }
            }
            index += 1
        }
        result.append(text, range: runStart..<scalars.count)
        return result
    }

    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        let last = min(limit, haystack.count) - needle.count
        guard last >= from else { return nil }
        return (from...last).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("０"..."９").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30)) : scalar
    }

    /// Sentence punctuation and brackets, which a label never holds.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        SentenceSplitter.role(of: scalar) != .other || scalar == "、" || scalar == "，" || scalar == ","
    }
}
