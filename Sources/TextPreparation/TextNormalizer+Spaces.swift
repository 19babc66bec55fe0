import Corpus

/// Rule F5, spaces (docs/TEXT.md §5.5): removed next to Japanese characters, else collapsed.
extension TextNormalizer {
    /// Spaces next to Japanese characters removed; other runs of spaces collapsed to one.
    ///
    /// A single ASCII space that stays is left in the run being copied, since the space it would
    /// become is itself with its own span; runs are copied whole between the changes.
    ///
    /// - Returns: `nil` if no space is removed or collapsed.
    static func removingLayoutSpaces(_ text: TracedText) -> TracedText? {
        let bytes = text.utf8
        guard let firstSpace = nextSpace(in: bytes, from: 0) else { return nil }
        var result = TracedText()
        var edited = false
        // Where the run not yet copied starts.
        var runStart = text.mark(at: 0)
        let count = bytes.count
        var index = firstSpace
        while index < count {
            // `index` is at a space: find the run's end and whether its neighbours keep it.
            var end = index
            while end < count, let width = spaceWidth(bytes.span, at: end) { end &+= width }
            let kept =
                index > 0 && end < count
                && !isJapaneseBlock(bytes.span, at: UTF8Text.start(before: index, in: bytes))
                && !isJapaneseBlock(bytes.span, at: end)
            if kept && end == index &+ 1 && bytes[index] == 0x20 {
                index = nextSpace(in: bytes, from: end) ?? count
                continue
            }
            if !edited { result.reserveCapacity(bytes.count) }
            edited = true
            let spaceStart = text.mark(runStart, movedTo: index)
            let spaceEnd = text.mark(spaceStart, movedTo: end)
            result.append(text, from: runStart, to: spaceStart)
            if kept {
                let span = text.originalRange(from: spaceStart, to: spaceEnd)
                result.append(" ", span: Int32(span.lowerBound)..<Int32(span.upperBound))
            }
            runStart = spaceEnd
            index = nextSpace(in: bytes, from: end) ?? count
        }
        guard edited else { return nil }
        result.append(text, from: runStart, to: text.mark(runStart, movedTo: bytes.count))
        return result
    }

    /// Where the first space at or after `index` starts. `20` and `E3` are never continuation
    /// bytes, so the bytes are scanned one by one, kanji three at a time.
    static func nextSpace(in bytes: [UInt8], from index: Int) -> Int? {
        let count = bytes.count
        let bytes = bytes.span
        var index = index
        while index < count {
            let byte = bytes[unchecked: index]
            if byte == 0x20 { return index }
            if UTF8Text.isKanjiLead(byte) {
                index &+= 3
                continue
            }
            // Valid UTF-8: an `E3` lead has its two continuation bytes.
            if byte == 0xE3, bytes[unchecked: index &+ 1] == 0x80, bytes[unchecked: index &+ 2] == 0x80 { return index }
            index &+= 1
        }
        return nil
    }

    /// `TracedText.spaceWidth(_:at:)` on a span of valid UTF-8.
    @inline(__always)
    private static func spaceWidth(_ bytes: Span<UInt8>, at index: Int) -> Int? {
        let byte = bytes[unchecked: index]
        if byte == 0x20 { return 1 }
        return byte == 0xE3 && bytes[unchecked: index &+ 1] == 0x80 && bytes[unchecked: index &+ 2] == 0x80 ? 3 : nil
    }

    /// `isJapaneseBlock(_:)` of the character that starts at `index` of valid UTF-8: all those
    /// blocks are three-byte characters, so others are not decoded.
    @inline(__always)
    static func isJapaneseBlock(_ bytes: Span<UInt8>, at index: Int) -> Bool {
        let lead = bytes[unchecked: index]
        guard lead >= 0xE3 && lead <= 0xEF else { return false }
        let value =
            UInt32(lead & 0x0F) << 12 | UInt32(bytes[unchecked: index &+ 1] & 0x3F) << 6
            | UInt32(bytes[unchecked: index &+ 2] & 0x3F)
        return isJapaneseBlock(Unicode.Scalar(value) ?? "\u{FFFD}")
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}"
    }

    /// The "blocks" of neologdn and mecab-ipadic-NEologd's rules: CJK ideographs, kana, CJK
    /// symbols and punctuation, half- and full-width forms.
    static func isJapaneseBlock(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF:
            true
        default:
            false
        }
    }
}
