import Corpus
import Testing
import TestSupport

@testable import TextPreparation

/// The run-copying and skipping paths of normalization and layout repair against the plain way
/// of doing the same, scalar by scalar: same text and same original spans, on half-width kana,
/// combining marks, full-width ASCII, CRLF, speaker marks, dashes, brackets and quotes.
struct NormalizationFastPathTests {
    static let tricky = [
        "", "plain ASCII text, with (brackets) and \"quotes\".", "ｶﾞｲﾄﾞ　１６年", "ﾊﾟﾊﾟ ｶｰﾄﾞ ｰｰ", "e\u{301}t\u{0308}e",
        "か\u{309B}は\u{309C}", "ＭＡＣＣ（ 中小 ）ＡＢＣ１２３", "○西川区長　地域活性化が大事です。", "=SUM(A1)と", "say\"hi\"と",
        "A-B 1-2 --option -a カ-ド あ――い ~ 〜 ～ 1995～2001", "No.1の事業 3.5倍 A/B (株) !!! 検索 エンジン を 買い ました!!!",
        "平成 16 年   Windows 10 を使う\u{3000}\u{3000}南アルプス", "①②⑴⒈㈱", "𠮷野家 😀 ()[]{}'x'", "  先頭と末尾  ",
    ]

    static var samples: [String] {
        tricky + TestSupport.scalarMixes(of: tricky, count: 300, maxLength: 50, seed: 11)
    }

    /// Every sample as an original and as a text whose spans are no longer one per scalar (after
    /// NFKC merges and a collapsed run), so that spans copied in runs are checked too.
    static var texts: [TracedText] {
        samples.flatMap { sample -> [TracedText] in
            let original = TracedText(original: sample, offset: 2)
            let dashed = TextNormalizer.dashesAndTildes(original) ?? original
            let merged = (try? ICU.normalizeJapanese(dashed)).flatMap { $0 } ?? dashed
            return [original, merged]
        }
    }

    @Test func dashesAndTildesAreTheSameAsScalarByScalar() {
        for text in Self.texts {
            #expect(TextNormalizer.dashesAndTildes(text) ?? text == Reference.dashesAndTildes(text), "\(text.string.debugDescription)")
        }
    }

    @Test func widenedPunctuationIsTheSameAsScalarByScalar() {
        for text in Self.texts {
            #expect(TextNormalizer.widenedPunctuation(text) ?? text == Reference.widenedPunctuation(text), "\(text.string.debugDescription)")
        }
    }

    @Test func removingLayoutSpacesIsTheSameAsScalarByScalar() {
        for text in Self.texts {
            #expect(TextNormalizer.removingLayoutSpaces(text) ?? text == Reference.removingLayoutSpaces(text), "\(text.string.debugDescription)")
        }
    }

    @Test(arguments: ["plain ASCII, no change", "地域活性化と小規模事業者の支援。", "（株）「引用」…", "café 𠮷"])
    func textICUFindsNormalizedComesBackAsItIs(sample: String) throws {
        let text = TracedText(original: sample, offset: 4)
        #expect(try ICU.normalizeJapanese(text) == nil)
    }

    @Test func textThatNeedsNFKCIsTracedByChunk() throws {
        // The combining mark joins its base's chunk; ｶﾞ composes and traces to both originals.
        let text = try #require(try ICU.normalizeJapanese(TracedText(original: "ａx\u{301}ｶﾞ")))
        #expect(text.string == "ax\u{301}ガ")
        #expect(text.originalRange(of: text.utf8Range(ofScalars: 0..<1)) == 0..<1)
        #expect(text.originalRange(of: text.utf8Range(ofScalars: 1..<2)) == 1..<3)
        #expect(text.originalRange(of: text.utf8Range(ofScalars: 3..<4)) == 3..<5)
    }

    @Test func displayWidthAgreesWithICUEverywhere() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if LayoutRepair.displayWidth(scalar) != ICU.displayWidth(scalar) {
                Issue.record("U+\(String(value, radix: 16)): \(LayoutRepair.displayWidth(scalar)) != \(ICU.displayWidth(scalar))")
                return
            }
        }
    }

    @Test func skippingRulesByCharacterClassChangesNothing() throws {
        // `normalize` runs a rule only if the text holds a character of its class, and classifies
        // again only after F1 and F3: the same as running every rule on every text.
        let normalizer = TextNormalizer()
        for text in Self.texts {
            var everyRule = normalizer.applies(.voicedMarks) ? TextNormalizer.preNFKC(text, rules: normalizer.rules) ?? text : text
            everyRule = TextNormalizer.dashesAndTildes(everyRule) ?? everyRule
            everyRule = try ICU.normalizeJapanese(everyRule) ?? everyRule
            everyRule = TextNormalizer.widenedPunctuation(everyRule) ?? everyRule
            everyRule = TextNormalizer.removingLayoutSpaces(everyRule) ?? everyRule
            #expect(try normalizer.normalize(text) == everyRule, "\(text.string.debugDescription)")
        }
    }

    @Test func whatF2AndF4WriteIsNothingALaterRuleActsOn() {
        // Why `normalize` need not classify their output again.
        let written: [Unicode.Scalar] = ["〜", "-", "‐", "ー", "―", "”", "’", "￥"]
            + (0x21...0x7E).compactMap { Unicode.Scalar(UInt32($0)) }.filter(TextNormalizer.isASCIIPunctuation).map(TextNormalizer.widened)
        for scalar in written {
            let classes = CharacterClasses.of(Array(String(scalar).utf8))
            #expect(classes.isDisjoint(with: [.unstable, .punctuation, .space]), "\(scalar)")
        }
    }

    @Test func stableStartersAgreeWithICUEverywhere() {
        for value in UInt32(0)...0xFFFF where Unicode.Scalar(value) != nil {
            if ICU.isStableStarter(value) != ICU.isStableStarterAskingICU(value) {
                Issue.record("U+\(String(value, radix: 16)): the table says \(ICU.isStableStarter(value))")
                return
            }
        }
    }

    @Test func kanjiAreInert() {
        // Scans step over U+4000…U+9FFF (lead bytes E4…E9) without looking: nothing there is
        // anything a rule acts on, and all but the hexagrams U+4DC0…U+4DFF are wide.
        for value in 0x4000...0x9FFF {
            let classes = CharacterClasses(rawValue: CharacterClasses.table[value])
            #expect(classes.subtracting(.wide).isEmpty)
            #expect(classes.contains(.wide) == !(0x4DC0...0x4DFF).contains(value))
        }
    }

    @Test func cleanedAndUncleanedTextGiveTheSameBlocks() {
        // The same document without and with characters that cleaning removes, which makes
        // LayoutRepair work on a cleaned copy: same blocks, tracing to the same original characters.
        let plain = "○西川区長\nＭＡＣＣとともに、技術の発\n\n明を進めた。\r\nThis is hyphen-\nated text.\n\u{3000}次の段落　　右の段"
        let noisy = plain.replacingOccurrences(of: "、", with: "\u{200B}、\u{FEFF}")
            .replacingOccurrences(of: "\r\n", with: "\u{00AD}\r\n").replacingOccurrences(of: "長\n", with: "長\u{2060}\n")
        for (text, source) in [(plain, Array(plain.unicodeScalars)), (noisy, Array(noisy.unicodeScalars))] {
            let blocks = LayoutRepair(lineWidth: 12).blocks(in: TracedText(original: text))
            #expect(
                blocks.map(\.text.string) == [
                    "○西川区長", "ＭＡＣＣとともに、技術の発明を進めた。This is hyphenated text.", "次の段落", "右の段",
                ])
            for block in blocks {
                for (scalar, span) in zip(block.text.scalars, block.text.resolvedSpans) where span.count == 1 {
                    #expect(source[Int(span.lowerBound)] == scalar)
                }
            }
        }
    }
}

/// F2, F4 and F5 as they were first written: one scalar at a time, the result built by appends.
private enum Reference {
    static func dashesAndTildes(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        let spans = text.resolvedSpans
        var result = TracedText()
        var lastReplacement: Unicode.Scalar?
        for index in scalars.indices {
            let scalar = scalars[index]
            let span = spans[index]
            let replacement: Unicode.Scalar
            switch TextNormalizer.dashKind(scalar) {
            case .tilde:
                replacement = "〜"
            case let kind?:
                let before = index > 0 ? TextNormalizer.foldedAlphanumeric(scalars[index - 1]) : false
                let after = index + 1 < scalars.count ? TextNormalizer.foldedAlphanumeric(scalars[index + 1]) : false
                if before && after {
                    replacement = "-"
                } else if kind == .hyphen {
                    replacement = "‐"
                } else if let previous = result.scalars.last, TextNormalizer.isKana(previous) || previous == "ー" {
                    replacement = "ー"
                } else {
                    replacement = "―"
                }
            case nil:
                result.append(scalar, span: span)
                lastReplacement = nil
                continue
            }
            if replacement == lastReplacement, replacement != "-" {
                result.replaceLast(with: replacement, extendingTo: span)
            } else {
                result.append(replacement, span: span)
            }
            lastReplacement = replacement
        }
        return result
    }

    static func widenedPunctuation(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        let isLatin: (Unicode.Scalar) -> Bool = { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
        let isAlphanumeric: (Unicode.Scalar) -> Bool = { TextNormalizer.foldedAlphanumeric($0) && $0.isASCII }
        var keep = [Bool](repeating: false, count: scalars.count)
        for index in scalars.indices where TextNormalizer.isASCIIPunctuation(scalars[index]) {
            var left = index - 1
            var alphanumericLeft = false
            while left >= 0, isLatin(scalars[left]) {
                if isAlphanumeric(scalars[left]) { alphanumericLeft = true; break }
                left -= 1
            }
            var right = index + 1
            var alphanumericRight = false
            while right < scalars.count, isLatin(scalars[right]) {
                if isAlphanumeric(scalars[right]) { alphanumericRight = true; break }
                right += 1
            }
            keep[index] = alphanumericLeft && alphanumericRight
        }
        let closers: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]
        var open: [(scalar: Unicode.Scalar, index: Int)] = []
        var quotes: [Unicode.Scalar: Int] = [:]
        func join(_ first: Int, _ second: Int) {
            if keep[first] != keep[second] { (keep[first], keep[second]) = (true, true) }
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "(", "[", "{":
                open.append((scalar, index))
            case ")", "]", "}":
                if let last = open.last, last.scalar == closers[scalar] {
                    open.removeLast()
                    join(last.index, index)
                }
            case "\"", "'":
                if let first = quotes.removeValue(forKey: scalar) { join(first, index) } else { quotes[scalar] = index }
            default:
                break
            }
        }
        var result = TracedText()
        let spans = text.resolvedSpans
        for index in scalars.indices {
            let scalar = scalars[index]
            let kept = !TextNormalizer.isASCIIPunctuation(scalar) || keep[index]
            result.append(kept ? scalar : TextNormalizer.widened(scalar), span: spans[index])
        }
        return result
    }

    static func removingLayoutSpaces(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        let spans = text.resolvedSpans
        var result = TracedText()
        var index = 0
        while index < scalars.count {
            guard TextNormalizer.isSpace(scalars[index]) else {
                result.append(scalars[index], span: spans[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, TextNormalizer.isSpace(scalars[end]) { end += 1 }
            if index > 0, end < scalars.count, !TextNormalizer.isJapaneseBlock(scalars[index - 1]),
                !TextNormalizer.isJapaneseBlock(scalars[end])
            {
                let span = text.originalRange(of: text.utf8Range(ofScalars: index..<end))
                result.append(" ", span: Int32(span.lowerBound)..<Int32(span.upperBound))
            }
            index = end
        }
        return result
    }
}
