import Corpus

/// Reads the structure of a document from its blocks (docs/TEXT.md §4): sections from
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
    static func isSpeakerMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "○", "●", "◯", "◎", "◆", "◇", "■", "□": true
        default: false
        }
    }
    /// Words that end a speaker label, in UTF-8; longer words first, so that 理事長 wins over 理事.
    static let roleWords = [
        "理事長", "委員長", "区長", "市長", "町長", "村長", "知事", "理事", "司会", "委員", "会長", "社長", "部長", "課長",
        "局長", "議長", "議員", "先生", "教授", "記者", "氏", "さん",
    ].map { Array($0.utf8) }
    /// The longest label accepted, in characters.
    static let maximumLabelLength = 20

    public init() {}

    /// The paragraphs of a document made of `blocks`.
    public func paragraphs(from blocks: [TextBlock]) -> [Paragraph] {
        // Each block's `label：`, found once: the labels that repeat are told from the others,
        // then each block's own says whether it opens a turn.
        let labels = blocks.map { block -> (String, Int)? in
            if case .heading = block.kind { return nil }
            return Self.colonLabel(block.text)
        }
        let colonLabels = Self.repeatedColonLabels(blocks, labels: labels)
        var paragraphs: [Paragraph] = []
        var speaker: String?
        var turn = 0
        var section: String?
        for (block, colonLabel) in zip(blocks, labels) {
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
            if let (label, body) = Self.speakerLabel(block.text, colonLabel: colonLabel, colonLabels: colonLabels) {
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

    /// The speaker label at the start of `text` and the text after it; `colonLabel` is the
    /// text's `colonLabel(_:)`, and `colonLabels` the labels of that form that repeat.
    static func speakerLabel(_ text: TracedText, colonLabel: (String, Int)?, colonLabels: Set<String>)
        -> (String, TracedText)?
    {
        let bytes = text.utf8
        guard !bytes.isEmpty else { return nil }
        let first = text.scalar(at: 0)
        if isSpeakerMark(first) {
            var start = text.index(after: 0)
            while start < bytes.count, let width = TracedText.spaceWidth(bytes, at: start) { start += width }
            var end = start
            var length = 0
            var punctuated = false
            while end < bytes.count, TracedText.spaceWidth(bytes, at: end) == nil {
                punctuated = punctuated || isSpaceOrPunctuation(bytes, at: end)  // no space here
                length += 1
                end = text.index(after: end)
            }
            guard length > 0 else { return nil }
            if length <= maximumLabelLength, !punctuated {
                return (String(decoding: bytes[start..<end], as: UTF8.self), text[text.rangeTrimmingSpaces(end..<bytes.count)])
            }
            // No space after the label: accept it up to a role word near the start.
            for role in roleWords {
                if let at = firstIndex(of: role, in: bytes, from: start, characters: 12) {
                    let labelEnd = at + role.count
                    let label = String(decoding: bytes[start..<labelEnd], as: UTF8.self)
                    return (label, text[text.rangeTrimmingSpaces(labelEnd..<bytes.count)])
                }
            }
            return nil
        }
        if let (label, bodyStart) = colonLabel, colonLabels.contains(label) || endsInRoleWord(label) {
            return (label, text[text.rangeTrimmingSpaces(bodyStart..<bytes.count)])
        }
        return nil
    }

    /// A `label：` at the start of a block: the label and where the text after the colon starts.
    ///
    /// The colon (`:` or `：`, `EF BC 9A`) is one of the first `maximumLabelLength + 1`
    /// characters, and no space or punctuation stands before it. Read on the bytes: a kanji is
    /// neither, and is stepped over whole.
    static func colonLabel(_ text: TracedText) -> (String, Int)? {
        let bytes = text.utf8
        var colon = 0
        var characters = 0
        while colon < bytes.count, characters <= maximumLabelLength {
            let lead = bytes[colon]
            if lead == UInt8(ascii: ":") || (lead == 0xEF && bytes[colon + 1] == 0xBC && bytes[colon + 2] == 0x9A) { break }
            if !UTF8Text.isKanjiLead(lead) && isSpaceOrPunctuation(bytes, at: colon) { return nil }
            characters += 1
            colon += UTF8Text.width(lead: lead)
        }
        guard colon < bytes.count, characters <= maximumLabelLength, colon > 0 else { return nil }
        return (String(decoding: bytes[..<colon], as: UTF8.self), text.index(after: colon))
    }

    /// `isSpace(_:) || isPunctuation(_:)` of the scalar at `index`, from its bytes: every such
    /// character is ASCII, `“”`, CJK punctuation or a full-width form (`SentenceSplitter.role(in:at:)`).
    static func isSpaceOrPunctuation(_ bytes: [UInt8], at index: Int) -> Bool {
        switch bytes[index] {
        case 0x20, UInt8(ascii: ","): return true
        case 0xE3 where bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81): return true  // 　、
        case 0xEF where bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8C: return true  // ，
        default: return SentenceSplitter.role(in: bytes, at: index) != .other
        }
    }

    /// Labels of `label：` form that open at least two paragraph blocks; `labels` are the
    /// blocks' `colonLabel(_:)`.
    static func repeatedColonLabels(_ blocks: [TextBlock], labels: [(String, Int)?]) -> Set<String> {
        guard blocks.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for (block, label) in zip(blocks, labels) where block.kind == .paragraph {
            if let (label, _) = label { counts[label, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    static func endsInRoleWord(_ label: String) -> Bool {
        let bytes = Array(label.utf8)
        // Bytes that end in a whole role word end in its characters.
        return roleWords.contains { role in bytes.count >= role.count && bytes.suffix(role.count).elementsEqual(role) }
    }

    /// A footnote block: `※1 text` or `注1 text`; its id and its text.
    static func footnote(_ text: TracedText) -> (String, TracedText)? {
        let bytes = text.utf8
        guard !bytes.isEmpty else { return nil }
        let first = text.scalar(at: 0)
        guard first == "※" || first == "注" else { return nil }
        var index = text.index(after: 0)
        while index < bytes.count, let width = TracedText.spaceWidth(bytes, at: index) { index += width }
        var id = ""
        while index < bytes.count, let digit = asciiDigit(text.scalar(at: index)) {
            id.unicodeScalars.append(digit)
            index = text.index(after: index)
        }
        guard !id.isEmpty else { return nil }
        return (id, text[text.rangeTrimmingSpaces(index..<bytes.count)])
    }

    /// Where the first `※` (U+203B, `E2 80 BB`) at or after `index` starts.
    static func firstReferenceMark(in bytes: [UInt8], from index: Int) -> Int? {
        let count = bytes.count
        let bytes = bytes.span
        var index = index
        while index &+ 2 < count {
            let byte = bytes[unchecked: index]
            if byte == 0xE2, bytes[unchecked: index &+ 1] == 0x80, bytes[unchecked: index &+ 2] == 0xBB { return index }
            // Kana, kanji and most CJK punctuation (leads E3…EE) are skipped whole.
            index &+= byte >= 0xE3 && byte <= 0xEE ? 3 : 1
        }
        return nil
    }

    /// `text` without footnote references: `※1`, with the brackets around it if they hold nothing else.
    static func removingReferences(_ text: TracedText) -> TracedText {
        let bytes = text.utf8
        guard let first = firstReferenceMark(in: bytes, from: 0) else { return text }
        var result = TracedText()
        var runStart = 0
        var index = first
        while index < bytes.count {
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xBB {
                var end = index + 3
                while end < bytes.count, asciiDigit(text.scalar(at: end)) != nil { end = text.index(after: end) }
                if end > index + 3 {
                    result.append(text, range: runStart..<index)
                    let opens = result.utf8.last == UInt8(ascii: "(") || lastIs("（", result)
                    let closes = end < bytes.count && (text.scalar(at: end) == "）" || bytes[end] == UInt8(ascii: ")"))
                    if opens && closes {
                        result.removeLast()
                        end = text.index(after: end)
                    }
                    index = end
                    runStart = end
                    continue
                }
            }
            index += 1
        }
        result.append(text, range: runStart..<bytes.count)
        return result
    }

    /// `true` if `text` ends with `scalar`.
    private static func lastIs(_ scalar: Unicode.Scalar, _ text: TracedText) -> Bool {
        !text.isEmpty && text.scalar(at: text.index(before: text.utf8.count)) == scalar
    }

    /// Where `needle` (whole characters) first occurs in `haystack` starting at one of the
    /// `characters + 1` characters from `from` on.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int, characters: Int) -> Int? {
        var index = from
        for _ in 0...characters {
            guard index + needle.count <= haystack.count else { return nil }
            if matches(needle, in: haystack, at: index) { return index }
            index += UTF8Text.width(lead: haystack[index])
        }
        return nil
    }

    /// `true` if `haystack` holds `needle` at `index`.
    private static func matches(_ needle: [UInt8], in haystack: [UInt8], at index: Int) -> Bool {
        index + needle.count <= haystack.count && haystack[index..<(index + needle.count)].elementsEqual(needle)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    /// The ASCII digit of an ASCII or full-width digit, else `nil`.
    static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if ("0"..."9").contains(scalar) { return scalar }
        return ("０"..."９").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30)) : nil
    }

    /// Sentence punctuation and brackets, which a label never holds.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        SentenceSplitter.role(of: scalar) != .other || scalar == "、" || scalar == "，" || scalar == ","
    }
}
