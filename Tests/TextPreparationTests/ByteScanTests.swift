import Corpus
import Testing
import TestSupport

@testable import TextPreparation

/// The byte scans of the text stages (tight loops over ASCII, kana and kanji that read no
/// scalar) against the same question asked scalar by scalar: character classes, the first dash
/// and space, the role a sentence splitter skips, and the width of a layout line.
struct ByteScanTests {
    /// Long runs of each kind of character and their borders: ASCII, kana, kanji, the hexagrams
    /// (`E4 B7 xx`, not wide), CJK punctuation next to kana, full-width spaces and forms, dashes,
    /// characters outside the BMP, and the unassigned code points between the kana.
    static let runs = [
        "漢字漢字漢字漢字かなかなカタカナABCdef123 漢字", "䷀䷁漢字䷿一", "\u{3040}\u{3097}\u{3098}ゔゟ゠ヿ〆〇",
        "データーベース—ｰｰ－―─━～〜∼", "全角　空白　　と  半角   空白 ", "ＡＢＣ１２３！？（）「」『』【】", "𠮷野家😀漢字𠮷",
        "行末の文が\u{3000}続く。次の文！(英語) \"quoted\" 'single' and-dash ~tilde",
        "ﾊﾝｶｸｶﾅ ｰ ① ⑴ ㈱ か\u{309B} e\u{301}", "line\u{2028}separator\u{0085}nel",
    ]

    static var samples: [String] {
        let tricky = NormalizationFastPathTests.tricky + runs
        return tricky + TestSupport.scalarMixes(of: tricky, count: 400, maxLength: 60, seed: 23)
    }

    @Test func classesOfATextAreTheUnionOfItsCharactersClasses() {
        for sample in Self.samples {
            var expected: CharacterClasses = []
            for scalar in sample.unicodeScalars {
                expected.formUnion(
                    scalar.value > 0xFFFF ? .unstable : CharacterClasses(rawValue: CharacterClasses.table[Int(scalar.value)]))
            }
            #expect(CharacterClasses.of(Array(sample.utf8)) == expected, "\(sample.debugDescription)")
        }
    }

    @Test func firstDashAndSpaceAreTheFirstScalarsThatAreOne() {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            var offset = 0
            var dash: Int?
            var space: Int?
            for scalar in sample.unicodeScalars {
                if dash == nil, TextNormalizer.dashKind(scalar) != nil { dash = offset }
                if space == nil, TextNormalizer.isSpace(scalar) { space = offset }
                offset += UTF8.width(scalar)
            }
            #expect(TextNormalizer.firstDash(in: bytes, from: 0) == dash, "\(sample.debugDescription)")
            #expect(TextNormalizer.nextSpace(in: bytes, from: 0) == space, "\(sample.debugDescription)")
        }
    }

    @Test func charactersTheSplitterSkipsHaveNoRole() {
        let values = Array(UInt32(0)...0xFFFF) + [0x1_0000, 0x2_0BB7, 0x1_F600, 0x10_FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            if SentenceSplitter.hasNoRole(bytes[0], bytes.span, at: 0) {
                #expect(SentenceSplitter.role(of: scalar) == .other, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func lineWidthsAreTheSumOfTheirCharactersWidths() {
        // Every piece of a line (cut at gaps) is as wide as its characters, spaces inside it
        // included (an ideographic space is two columns), and starts and ends with no space.
        for sample in Self.samples {
            let text = TracedText(original: sample)
            let (cleaned, lineRanges) = text.cleanedLineRanges()
            var lines: [LayoutLine] = []
            for range in lineRanges { LayoutLine.appendPieces(of: range, in: cleaned, to: &lines) }
            for line in lines {
                let content = String(decoding: cleaned.utf8[line.content], as: UTF8.self)
                let width = content.unicodeScalars.reduce(0) { $0 + LayoutRepair.displayWidth($1) }
                #expect(line.width == width, "\(content.debugDescription) in \(sample.debugDescription)")
                #expect(cleaned.rangeTrimmingSpaces(line.content) == line.content, "\(content.debugDescription)")
            }
        }
    }
}
