import Testing

@testable import TextPreparation

/// The trace through normalization and layout repair: each word of the output maps back to the
/// original characters it was made from, in short texts with NFKC, dash and punctuation edits, in
/// long texts whose trace is many pieces, and across joined lines.
struct NormalizedTraceTests {
    /// The original characters `text`'s first `word` traces to.
    static func original(of word: String, in text: TracedText, source: String) throws -> String {
        let start = try #require(byteOffset(of: word, in: text), "\(word) is not in \(text.string)")
        let range = text.originalRange(of: start..<(start + word.utf8.count))
        return String(String.UnicodeScalarView(Array(source.unicodeScalars)[range]))
    }

    @Test func wordsMadeByNFKCTraceToTheirOriginals() throws {
        let source = "ｶﾞｲﾄﾞはＡＢＣ①と(株)で、データ――を見る"
        let text = try TextNormalizer().normalize(TracedText(original: source))
        #expect(text.string == "ガイドはABC（1）と（株）で、データーを見る")
        #expect(try Self.original(of: "ガイド", in: text, source: source) == "ｶﾞｲﾄﾞ")
        #expect(try Self.original(of: "ABC", in: text, source: source) == "ＡＢＣ")
        #expect(try Self.original(of: "B", in: text, source: source) == "Ｂ")
        #expect(try Self.original(of: "（1）", in: text, source: source) == "①")
        #expect(try Self.original(of: "（株）", in: text, source: source) == "(株)")
        #expect(try Self.original(of: "データー", in: text, source: source) == "データ――")
        #expect(try Self.original(of: "を見る", in: text, source: source) == "を見る")
    }

    @Test func aLongEditedTextTracesEveryRepetitionAlike() throws {
        // The same sentence many times over: the trace is cut into pieces at other places in
        // each repetition, yet every repetition must trace as the first one does, shifted.
        let unit = "地域のＭＡＣＣとｶﾞｲﾄﾞ(案)を、長い地の文で 見直す――ことにした。"
        let count = 60
        let source = String(repeating: unit, count: count)
        let text = try TextNormalizer().normalize(TracedText(original: source, offset: 3))
        let one = try TextNormalizer().normalize(TracedText(original: unit, offset: 3))
        #expect(text.string == String(repeating: one.string, count: count))
        #expect(text.utf8.count > 8 * TracedText.maximumSequentialLength)
        let spans = text.resolvedSpans
        let unitSpans = one.resolvedSpans
        let unitLength = Int32(unit.unicodeScalars.count)
        for repetition in 0..<count {
            let shifted = unitSpans.map { ($0.lowerBound + Int32(repetition) * unitLength)..<($0.upperBound + Int32(repetition) * unitLength) }
            #expect(Array(spans[(repetition * unitSpans.count)..<((repetition + 1) * unitSpans.count)]) == shifted)
        }
        // And by byte range, as tokens are asked for: the last repetition's ガイド.
        let lastStart = text.utf8.count - one.utf8.count
        let word = try #require(Self.byteOffset(of: "ガイド", in: one))
        let range = text.originalRange(of: (lastStart + word)..<(lastStart + word + 9))
        let expected = try #require(Self.byteOffset(of: "ｶﾞｲﾄﾞ", in: TracedText(original: unit)))
        let scalarsBefore = String(decoding: Array(unit.utf8)[..<expected], as: UTF8.self).unicodeScalars.count
        let lastUnitStart = 3 + (count - 1) * Int(unitLength)
        #expect(range.lowerBound == lastUnitStart + scalarsBefore)
        #expect(range.count == 5)
    }

    /// Where `word` first starts in `text`, in bytes.
    static func byteOffset(of word: String, in text: TracedText) -> Int? {
        let bytes = Array(word.utf8)
        return text.utf8.indices.first { text.utf8[$0...].starts(with: bytes) }
    }

    @Test func joinedLinesTraceTheirWordsAcrossTheBreak() throws {
        let source = "This is hyphen-\nated text and\nmore words here."
        let block = try #require(LayoutRepair(lineWidth: 15).blocks(in: TracedText(original: source)).first)
        #expect(block.text.string == "This is hyphenated text and more words here.")
        #expect(try Self.original(of: "hyphenated", in: block.text, source: source) == "hyphen-\nated")
        #expect(try Self.original(of: "more", in: block.text, source: source) == "more")
        // The space glued between the lines comes from nothing, at the end of the first line.
        let space = try #require(block.text.string.range(of: "and more")).lowerBound.utf16Offset(in: block.text.string) + 3
        let lineEnd = try #require(source.range(of: "and\n")).lowerBound.utf16Offset(in: source) + 3
        #expect(block.text.originalRange(of: space..<(space + 1)) == lineEnd..<lineEnd)
    }

    @Test func longJoinedLinesTraceEveryCharacterToItself() {
        // Full lines of several hundred bytes each, joined into one block: the block's trace is
        // pieces of each line, and every character still traces to its own original.
        let lines = (0..<6).map { line in
            String(repeating: "地域活性化の取り組みを進める", count: 9) + "第\(line)行"
        }
        let source = lines.joined(separator: "\n") + "\n終わり。"
        let blocks = LayoutRepair(lineWidth: 2 * lines[0].count).blocks(in: TracedText(original: source))
        #expect(blocks.count == 1)
        let text = blocks[0].text
        #expect(text.string == lines.joined() + "終わり。")
        let original = Array(source.unicodeScalars)
        for (scalar, span) in zip(text.scalars, text.resolvedSpans) {
            #expect(span.count == 1 && original[Int(span.lowerBound)] == scalar)
        }
        // One piece per line at least, and not one per character.
        #expect(text.pieces.count >= lines.count && text.pieces.count <= 3 * lines.count + 2)
    }
}
