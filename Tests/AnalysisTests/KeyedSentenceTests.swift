import Testing
import TestSupport
import TextPreparation
import Tokenization

@testable import Analysis

/// The keyed copy of a sentence that themes and force-picked words are matched on: built token by
/// token from a per-worker memo, with a byte test that lets text the key cannot change stand.
/// The oracle is ICU's NFKC case fold itself (`TextNormalizer.key`), asked directly.
struct KeyedSentenceTests {
    static let normalizer = TextNormalizer()
    static let key: @Sendable (String) -> String = { (try? normalizer.key($0)) ?? $0 }

    /// The sentence keyed the plain way: each gap and token folded on its own, in order.
    static func keyedDirectly(_ sentence: String, tokens: [Token]) -> [UInt8] {
        let bytes = Array(sentence.utf8)
        var keyed: [UInt8] = []
        var position = 0
        for token in tokens {
            if token.byteRange.lowerBound > position {
                keyed += key(String(decoding: bytes[position..<token.byteRange.lowerBound], as: UTF8.self)).utf8
            }
            keyed += key(String(decoding: bytes[token.byteRange], as: UTF8.self)).utf8
            position = token.byteRange.upperBound
        }
        return keyed
    }

    @Test func aKeyedSentenceIsItsTokensKeyedOneByOneAndStaysSoFromTheMemo() throws {
        let tagger = try MeCabTagger(model: TestSupport.model)
        let sentences = [
            "ＭＡＣＣと中小企業総合事業団の支援。",  // full-width capitals fold to ascii lower case
            "MACC と Macc と macc、ｶﾀｶﾅも。",  // spaces are gaps; half-width kana widen
            "地域活性化について話します。",  // nothing changes: the bytes stand
            "Straße の ǅ と ﬁ、Ⅻ章。",  // ß, a title-case digraph, a ligature, a Roman numeral
        ]
        // Twice over: the second round reads every surface from the memo, or, with a memo of
        // three surfaces, most of them from the key again.
        for var scratch in [KeyedSentence(), KeyedSentence(memoLimit: 3)] {
            for sentence in sentences + sentences {
                let tokens = try tagger.tokenize(sentence)
                var text = sentence
                text.withUTF8Span { scratch.fill($0, tokens: tokens, key: Self.key) }
                #expect(scratch.bytes == Self.keyedDirectly(sentence, tokens: tokens), "\(sentence)")
                #expect(scratch.starts.count == tokens.count)
                // Token boundaries are where each keyed token starts and ends.
                for (index, end) in scratch.ends.enumerated() { #expect(scratch.tokenEndingAt[end] == index) }
            }
        }
    }

    @Test func noCharacterTheByteTestPassesChangesUnderTheKey() throws {
        // Every scalar of the Basic Multilingual Plane that ICU's fold changes must be flagged;
        // a false flag only costs a lookup, a missed one would break a match.
        var missed: [String] = []
        var passed = 0
        for value in UInt32(0)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if KeyedSentence.mayChangeUnderKey(Array(text.utf8).span) { continue }
            passed += 1
            if Self.key(text) != text { missed.append("U+" + String(value, radix: 16, uppercase: true)) }
        }
        #expect(missed.isEmpty, "changed by the fold but let stand: \(missed.prefix(20))")
        // The fast path does let text stand: ASCII, kana and kanji among it.
        #expect(passed > 40_000)
        let plain = KeyedSentence.mayChangeUnderKey(Array("ひらがなとカタカナと漢字、「かぎ」。abc".utf8).span)
        let capitals = KeyedSentence.mayChangeUnderKey(Array("カタカナとABC".utf8).span)
        #expect(!plain)
        #expect(capitals)
    }
}
