/// Rule F4, ASCII punctuation made full-width in Japanese context (docs/TEXT.md §5.4).
extension TextNormalizer {
    /// ASCII punctuation that becomes full-width in Japanese context (`-` and `~` are F2's).
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isASCIIPunctuation(UInt8(scalar.value))
    }

    /// `isASCIIPunctuation(_:)` of a byte; no byte of a longer character is one.
    @inline(__always)
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2C, 0x2E, 0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7D: true
        default: false
        }
    }

    /// A printable ASCII character other than space: part of a Latin run.
    @inline(__always)
    private static func isLatin(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// ASCII punctuation widened where it stands in Japanese context. Only characters change, one
    /// for one, so each keeps its span.
    ///
    /// Kept: punctuation inside a run of Latin characters with a letter or digit on both sides.
    /// Every character that decides this is ASCII, so the rule reads bytes: each byte of a longer
    /// character is simply not Latin, as the character is not.
    ///
    /// - Returns: `nil` if no punctuation is widened.
    static func widenedPunctuation(_ text: TracedText) -> TracedText? {
        let bytes = text.utf8
        let count = bytes.count
        var firstPunctuation = 0
        while firstPunctuation < count, !isASCIIPunctuation(bytes.span[unchecked: firstPunctuation]) { firstPunctuation &+= 1 }
        guard firstPunctuation < count else { return nil }
        // Most punctuation in these texts stands inside Latin runs (`.profile`, `3.5`); pairing
        // only ever keeps more, so if all of it is kept there is nothing to do.
        guard !keepsAllPunctuation(bytes, from: firstPunctuation) else { return nil }
        var marks = punctuationMarks(bytes, from: firstPunctuation)
        keepPairsTogether(bytes, &marks)
        var widened: [Int] = []
        widened.reserveCapacity(marks.count)
        for mark in marks where !mark.keep { widened.append(mark.index) }
        return text.replacingScalars(at: widened, with: Self.widened)
    }

    /// The punctuation from `first` on (and the line breaks, where pairs end), each with whether
    /// it is kept: a letter or digit on both sides within its Latin run.
    static func punctuationMarks(_ bytes: [UInt8], from first: Int) -> [(index: Int, keep: Bool)] {
        var marks: [(index: Int, keep: Bool)] = []
        marks.reserveCapacity(64)
        scanPunctuation(bytes, from: first) { index, keep in
            marks.append((index, keep))
            return true
        }
        return marks
    }

    /// `true` if every ASCII punctuation character from `first` on has a letter or digit on both
    /// sides within its Latin run; stops at the first that does not.
    static func keepsAllPunctuation(_ bytes: [UInt8], from first: Int) -> Bool {
        var all = true
        scanPunctuation(bytes, from: first) { _, keep in
            all = keep
            return keep
        }
        return all
    }

    /// Calls `visit` with each ASCII punctuation character from `first` on and whether it is
    /// kept, and with each line break (kept), until `visit` returns `false`. One pass,
    /// remembering for a stretch of punctuation what stands after it.
    private static func scanPunctuation(_ bytes: [UInt8], from first: Int, _ visit: (Int, Bool) -> Bool) {
        var alphanumericSoFar = alphanumericBefore(first, in: bytes)
        var rightKnownBefore = 0
        var alphanumericRight = false
        let count = bytes.count
        let span = bytes.span
        var index = first
        while index < count {
            let byte = span[unchecked: index]
            if byte >= 0x80 {
                // A character other than ASCII: not Latin, and none of its bytes is punctuation.
                alphanumericSoFar = false
                index &+= 1
                continue
            }
            if isASCIIPunctuation(byte) {
                if index >= rightKnownBefore {
                    (rightKnownBefore, alphanumericRight) = alphanumericAfter(index, in: bytes)
                }
                guard visit(index, alphanumericSoFar && alphanumericRight) else { return }
            } else if byte == UInt8(ascii: "\n") {
                guard visit(index, true) else { return }
            }
            alphanumericSoFar = isLatin(byte) && (alphanumericSoFar || isAlphanumeric(byte))
            index &+= 1
        }
    }

    /// Whether the Latin run that ends before `index` holds a letter or digit.
    private static func alphanumericBefore(_ index: Int, in bytes: [UInt8]) -> Bool {
        var index = index - 1
        while index >= 0, isLatin(bytes[index]) {
            if isAlphanumeric(bytes[index]) { return true }
            index -= 1
        }
        return false
    }

    /// Where the Latin characters after `index` that are neither letters nor digits end, and
    /// whether a letter or digit stands there: whether a letter or digit follows `index` within
    /// its Latin run, the same for every character up to that end.
    private static func alphanumericAfter(_ index: Int, in bytes: [UInt8]) -> (end: Int, found: Bool) {
        var end = index + 1
        while end < bytes.count, isLatin(bytes[end]), !isAlphanumeric(bytes[end]) { end += 1 }
        return (end, end < bytes.count && isAlphanumeric(bytes[end]))
    }


    /// Brackets and quotes stay a pair: where one of a pair on a line is kept in a Latin run
    /// (`SUM(A1)` keeps its `(`) and the other would be widened, both stay ASCII, so
    /// `=SUM(A1)と` does not become the lopsided `=SUM(A1）と`, nor `say"hi"と` `say"hi”と`.
    /// `marks` are `punctuationMarks(_:from:)`: pairs are looked for among them only.
    static func keepPairsTogether(_ bytes: [UInt8], _ marks: inout [(index: Int, keep: Bool)]) {
        var open: [(byte: UInt8, mark: Int)] = []
        var doubleQuote: Int?
        var singleQuote: Int?
        func join(_ first: Int, _ second: Int) {
            if marks[first].keep != marks[second].keep { (marks[first].keep, marks[second].keep) = (true, true) }
        }
        func opener(of closer: UInt8) -> UInt8 {
            switch closer {
            case UInt8(ascii: ")"): UInt8(ascii: "(")
            case UInt8(ascii: "]"): UInt8(ascii: "[")
            default: UInt8(ascii: "{")
            }
        }
        for mark in marks.indices {
            let byte = bytes[marks[mark].index]
            switch byte {
            case UInt8(ascii: "\n"):
                open.removeAll()
                doubleQuote = nil
                singleQuote = nil
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append((byte, mark))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let last = open.last, last.byte == opener(of: byte) {
                    open.removeLast()
                    join(last.mark, mark)
                }
            case UInt8(ascii: "\""):
                if let first = doubleQuote { join(first, mark); doubleQuote = nil } else { doubleQuote = mark }
            case UInt8(ascii: "'"):
                if let first = singleQuote { join(first, mark); singleQuote = nil } else { singleQuote = mark }
            default:
                break
            }
        }
    }

    static func widened(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\"": "”"
        case "'": "’"
        case "\\": "￥"
        default: Unicode.Scalar(scalar.value - 0x21 + 0xFF01) ?? scalar
        }
    }
}
