import Corpus

/// Splits a normalized paragraph into sentences (docs/TEXT.md §6).
///
/// A sentence ends at `。！？!?．` outside brackets; runs of terminators (`。。。`, `！？`) and
/// closing brackets that follow stay with the sentence. Bracket depth is tracked across
/// `「『（(【〔〈《“［` and their closers, so quoted speech with its own full stops stays whole. An
/// unbalanced bracket (common in PDF extractions) cannot swallow the paragraph: once a sentence has
/// been inside brackets for `runawayLimit` characters, the next terminator ends it anyway. ASCII
/// `.` is not a terminator (`No.1`, `3.5`), nor is `…`. The end of the paragraph ends a sentence.
///
/// Text without any terminator (a table, a list, a broken extraction) must not reach MeCab as one
/// huge sentence: one longer than `maximumLength` characters is cut after the last `、`, comma or
/// space within its final `cutWindow` characters, or at the limit if there is none.
///
/// The splitter reads the paragraph's UTF-8 bytes and finds sentences as byte ranges of it; only
/// the sentences the caller keeps are copied out.
public struct SentenceSplitter: Sendable {
    /// What a character means to the splitter; a `switch`, since this runs on every character.
    enum Role {
        case terminator, opener, closer, other
    }

    static func role(of scalar: Unicode.Scalar) -> Role {
        switch scalar {
        case "。", "！", "？", "!", "?", "．": .terminator
        case "「", "『", "（", "(", "【", "〔", "〈", "《", "“", "［": .opener
        case "」", "』", "）", ")", "】", "〕", "〉", "》", "”", "］": .closer
        default: .other
        }
    }

    /// `role(of:)` of the scalar that starts at `index`, from its bytes: the characters with a
    /// role are ASCII, `“”` (`E2 80 xx`), CJK punctuation (`E3 80 xx`) or full-width forms
    /// (`EF BC xx`), told apart by their last byte; kana and kanji are never decoded.
    @inline(__always)
    static func role(in bytes: [UInt8], at index: Int) -> Role {
        switch bytes[index] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return .terminator
        case UInt8(ascii: "("): return .opener
        case UInt8(ascii: ")"): return .closer
        case 0xE2 where bytes[index + 1] == 0x80:
            switch bytes[index + 2] {
            case 0x9C: return .opener  // “
            case 0x9D: return .closer  // ”
            default: return .other
            }
        case 0xE3 where bytes[index + 1] == 0x80:
            switch bytes[index + 2] {
            case 0x82: return .terminator  // 。
            case 0x8C, 0x8E, 0x90, 0x94, 0x88, 0x8A: return .opener  // 「『【〔〈《
            case 0x8D, 0x8F, 0x91, 0x95, 0x89, 0x8B: return .closer  // 」』】〕〉》
            default: return .other
            }
        case 0xEF where bytes[index + 1] == 0xBC:
            switch bytes[index + 2] {
            case 0x81, 0x9F, 0x8E: return .terminator  // ！？．
            case 0x88, 0xBB: return .opener  // （［
            case 0x89, 0xBD: return .closer  // ）］
            default: return .other
            }
        default:
            return .other
        }
    }

    /// `true` if the character at `index` (whose first byte is `lead`) certainly has no role:
    /// ASCII other than `!?()`, a kanji, kana (`E3 81`…`E3 83`), or any other character whose
    /// lead is none of the three that start a character with a role (`E2`, `E3`, `EF`). The
    /// loop asks this first, so that most characters cost a comparison or two.
    @inline(__always)
    static func hasNoRole(_ lead: UInt8, _ bytes: Span<UInt8>, at index: Int) -> Bool {
        if lead < 0x80 {
            return lead != UInt8(ascii: "!") && lead != UInt8(ascii: "?") && lead != UInt8(ascii: "(") && lead != UInt8(ascii: ")")
        }
        // Valid UTF-8: an `E3` lead has its continuation bytes.
        if lead == 0xE3 { return bytes[unchecked: index &+ 1] != 0x80 }
        return lead != 0xE2 && lead != 0xEF
    }

    /// Characters a sentence may stay inside brackets before a terminator ends it regardless.
    public var runawayLimit: Int
    /// Characters after which a sentence without a terminator is cut.
    public var maximumLength: Int
    /// How far back from the limit a cut looks for a comma or space.
    static let cutWindow = 200

    public init(runawayLimit: Int = 300, maximumLength: Int = 2_000) {
        precondition(maximumLength > 0, "a sentence must be allowed at least one character")
        self.runawayLimit = runawayLimit
        self.maximumLength = maximumLength
    }

    /// The sentences of `paragraph`, trimmed of surrounding spaces; empty sentences are dropped.
    public func sentences(in paragraph: TracedText) -> [TracedText] {
        let ranges = sentenceRanges(in: paragraph)
        guard !ranges.isEmpty else { return [] }
        // The whole paragraph is shared, not copied.
        if ranges.count == 1, ranges[0].count == paragraph.utf8.count { return [paragraph] }
        var mark = paragraph.mark(at: 0)
        return ranges.map { range in
            let start = paragraph.mark(mark, movedTo: range.lowerBound)
            mark = paragraph.mark(start, movedTo: range.upperBound)
            return paragraph.slice(from: start, to: mark)
        }
    }

    /// The sentences of `paragraph` as byte ranges of it, trimmed of surrounding spaces; empty
    /// sentences are dropped.
    public func sentenceRanges(in paragraph: TracedText) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        appendSentenceRanges(in: paragraph, to: &sentences)
        return sentences
    }

    /// Appends the byte ranges of `paragraph`'s sentences (as `sentenceRanges(in:)`) to
    /// `sentences`: a document's sentences are one array of ranges, not an array per paragraph.
    public func appendSentenceRanges(in paragraph: TracedText, to sentences: inout [Range<Int>]) {
        let bytes = paragraph.utf8
        var start = 0
        var index = 0
        var depth = 0
        // Characters (scalars) of the sentence read so far, and where it went inside brackets.
        var length = 0
        var insideSince: Int?
        func emit(upTo end: Int) {
            let trimmed = paragraph.rangeTrimmingSpaces(start..<end)
            if !trimmed.isEmpty { sentences.append(trimmed) }
            start = end
            length = UTF8Text.scalarCount(in: bytes, end..<index)  // characters already read past a cut
            depth = 0
            insideSince = nil
        }
        let count = bytes.count
        while index < count {
            let characterStart = index
            let lead = bytes.span[unchecked: index]
            if Self.hasNoRole(lead, bytes.span, at: index) {
                // Kana, kanji and most ASCII are no terminator nor bracket.
                length &+= 1
                index &+= UTF8Text.width(lead: lead)
                if length > maximumLength { emit(upTo: cutPoint(in: bytes, from: start, to: characterStart)) }
                continue
            }
            let role = Self.role(in: bytes, at: index)
            length += 1
            switch role {
            case .opener:
                depth += 1
                if insideSince == nil { insideSince = length }
            case .closer:
                depth = max(0, depth - 1)
                if depth == 0 { insideSince = nil }
            case .terminator, .other:
                break
            }
            index += UTF8Text.width(lead: bytes[index])
            guard role == .terminator else {
                if length > maximumLength { emit(upTo: cutPoint(in: bytes, from: start, to: characterStart)) }
                continue
            }
            let runaway = insideSince.map { length - $0 >= runawayLimit } ?? false
            guard depth == 0 || runaway else { continue }
            // Absorb following terminators and closing brackets.
            while index < bytes.count {
                let next = Self.role(in: bytes, at: index)
                guard next == .terminator || next == .closer else { break }
                index += UTF8Text.width(lead: bytes[index])
            }
            emit(upTo: index)
        }
        emit(upTo: bytes.count)
    }

    /// The sentences of `paragraph` as strings.
    public func sentences(in paragraph: String) -> [String] {
        sentences(in: TracedText(original: paragraph)).map(\.string)
    }

    /// Where to cut an over-long sentence `start..<end` (bytes): after the last pause within the
    /// window of its last `cutWindow` characters, else at its end.
    private func cutPoint(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = end
        var characters = 0
        while index > start, characters < Self.cutWindow {
            index = UTF8Text.start(before: index, in: bytes)
            characters += 1
            switch UTF8Text.value(in: bytes, at: index) {
            case 0x3001, 0xFF0C, 0x2C, 0x20, 0x3000:  // 、，, space, ideographic space
                return index + UTF8Text.width(lead: bytes[index])
            default:
                continue
            }
        }
        return end
    }
}
