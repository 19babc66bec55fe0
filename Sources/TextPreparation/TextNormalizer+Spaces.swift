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
        var index = firstSpace
        while index < bytes.count {
            guard TracedText.spaceWidth(bytes, at: index) != nil else {
                index = nextSpace(in: bytes, from: index + 1) ?? bytes.count
                continue
            }
            var end = index
            while end < bytes.count, let width = TracedText.spaceWidth(bytes, at: end) { end += width }
            let kept =
                index > 0 && end < bytes.count
                && !isJapaneseBlock(text.scalar(at: text.index(before: index))) && !isJapaneseBlock(text.scalar(at: end))
            if kept && end == index + 1 && bytes[index] == 0x20 {
                index = end
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
            index = end
        }
        guard edited else { return nil }
        result.append(text, from: runStart, to: text.mark(runStart, movedTo: bytes.count))
        return result
    }

    /// Where the first space at or after `index` starts. `20` and `E3` are never continuation
    /// bytes, so the bytes are scanned one by one.
    static func nextSpace(in bytes: [UInt8], from index: Int) -> Int? {
        var index = index
        while index < bytes.count {
            if UTF8Text.isKanjiLead(bytes[index]) {
                index += 3
            } else {
                if TracedText.spaceWidth(bytes, at: index) != nil { return index }
                index += 1
            }
        }
        return nil
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
