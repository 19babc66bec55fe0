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
    public func sentences(in paragraph: String) -> [String] {
        let scalars = paragraph.unicodeScalars
        var sentences: [String] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        var depth = 0
        var length = 0
        var insideSince: Int?
        func emit(upTo end: String.UnicodeScalarView.Index) {
            let text = String(scalars[start..<end]).trimmingSpaces()
            if !text.isEmpty { sentences.append(text) }
            start = end
            length = scalars.distance(from: end, to: index)  // characters already read past a cut
            depth = 0
            insideSince = nil
        }
        while index < scalars.endIndex {
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
            index = scalars.index(after: index)
            guard role == .terminator else {
                if length > maximumLength {
                    emit(upTo: cutPoint(in: scalars[start..<scalars.index(before: index)]))
                }
                continue
            }
            let runaway = insideSince.map { length - $0 >= runawayLimit } ?? false
            guard depth == 0 || runaway else { continue }
            // Absorb following terminators and closing brackets.
            while index < scalars.endIndex, [.terminator, .closer].contains(Self.role(of: scalars[index])) {
                index = scalars.index(after: index)
            }
            emit(upTo: index)
        }
        emit(upTo: scalars.endIndex)
        return sentences
    }

    /// Where to cut an over-long sentence: after the last pause within the window, else at its end.
    private func cutPoint(in sentence: Substring.UnicodeScalarView) -> String.UnicodeScalarView.Index {
        let window = sentence.suffix(Self.cutWindow)
        if let pause = window.lastIndex(where: { ["、", "，", ",", " ", "\u{3000}"].contains($0) }) {
            return sentence.index(after: pause)
        }
        return sentence.endIndex
    }
}

extension String {
    /// The string without leading and trailing ASCII and ideographic spaces.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
