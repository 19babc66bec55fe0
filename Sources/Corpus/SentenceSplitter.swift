/// Splits a normalized paragraph into sentences (reference/normtok.md §6).
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
        let scalars = paragraph.scalars
        var sentences: [TracedText] = []
        var start = 0
        var index = 0
        var depth = 0
        var length = 0
        var insideSince: Int?
        func emit(upTo end: Int) {
            let trimmed = paragraph.rangeTrimmingSpaces(start..<end)
            if !trimmed.isEmpty {
                // The whole paragraph is shared, not copied.
                sentences.append(trimmed.count == paragraph.count ? paragraph : paragraph[trimmed])
            }
            start = end
            length = index - end  // characters already read past a cut
            depth = 0
            insideSince = nil
        }
        while index < scalars.count {
            let role = Self.role(of: scalars[index])
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
            index += 1
            guard role == .terminator else {
                if length > maximumLength { emit(upTo: cutPoint(in: scalars, from: start, to: index - 1)) }
                continue
            }
            let runaway = insideSince.map { length - $0 >= runawayLimit } ?? false
            guard depth == 0 || runaway else { continue }
            // Absorb following terminators and closing brackets.
            while index < scalars.count, Self.role(of: scalars[index]) == .terminator || Self.role(of: scalars[index]) == .closer {
                index += 1
            }
            emit(upTo: index)
        }
        emit(upTo: scalars.count)
        return sentences
    }

    /// The sentences of `paragraph` as strings.
    public func sentences(in paragraph: String) -> [String] {
        sentences(in: TracedText(original: paragraph)).map(\.string)
    }

    /// Where to cut an over-long sentence `start..<end`: after the last pause within the window,
    /// else at its end.
    private func cutPoint(in scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        let windowStart = max(start, end - Self.cutWindow)
        if let pause = scalars[windowStart..<end].lastIndex(where: { ["、", "，", ",", " ", "\u{3000}"].contains($0) }) {
            return pause + 1
        }
        return end
    }
}
