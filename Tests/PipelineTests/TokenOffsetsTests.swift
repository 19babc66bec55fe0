import Corpus
import Testing
import TestSupport
import TextPreparation
import Tokenization

@testable import Pipeline

/// Tokens' original offsets, as `tokenize --format offsets` and KWIC show them: MeCab's byte
/// ranges of a sentence mapped back through the trace to the document as written.
struct TokenOffsetsTests {
    /// Each token of `text`'s sentences with its original text, in order.
    static func tokens(of text: String) throws -> [(surface: String, start: Int, end: Int, original: String)] {
        let document = SourceDocument(path: "x.txt", format: .plain, encoding: .utf8, byteCount: 0, sha256: "", text: text)
        let structure = try DocumentStructure(document: document, normalizer: TextNormalizer())
        let tagger = try MeCabTagger(model: TestSupport.model)
        let original = Array(text.unicodeScalars)
        var tokens: [(surface: String, start: Int, end: Int, original: String)] = []
        for sentence in structure.sentences {
            let sentenceText = sentence.string
            for token in try tagger.tokenize(sentenceText) {
                let span = sentence.originalRange(ofUTF8: token.byteRange)
                tokens.append((token.surface(in: sentenceText), span.lowerBound, span.upperBound, String(String.UnicodeScalarView(original[span]))))
            }
        }
        return tokens
    }

    @Test func tokensAfterEditsTraceToWhatTheyWereMadeFrom() throws {
        // NFKC (half-width kana, full-width letters, ①, (株)), a collapsed dash run, a line break
        // inside a word, a hyphenated word and a space glued between joined lines. The offsets
        // are those the scalar-per-character trace gave.
        let text = "ｶﾞｲﾄﾞはＡＢＣ①と(株)で、データ――を区\n政に。This is hyphen-\nated text and\nmore words here.\n"
        let tokens = try Self.tokens(of: text).map { "\($0.surface) \($0.start) \($0.end) \($0.original)" }
        #expect(
            tokens == [
                "ガイド 0 5 ｶﾞｲﾄﾞ", "は 5 6 は", "ABC 6 9 ＡＢＣ", "（ 9 10 ①", "1 9 10 ①", "） 9 10 ①", "と 10 11 と",
                "（株） 11 14 (株)", "で 14 15 で", "、 15 16 、", "データー 16 21 データ――", "を 21 22 を", "区 22 23 区",
                "政 24 25 政", "に 25 26 に", "。 26 27 。", "This 27 31 This", "is 32 34 is", "hyphenated 35 47 hyphen-\nated",
                "text 48 52 text", "and 53 56 and", "more 57 61 more", "words 62 67 words", "here 68 72 here", "． 72 73 .",
            ])
    }

    @Test func aLongUneditedParagraphTracesEveryTokenToItsOwnText() throws {
        // Far longer than a piece of the trace: no token may be shifted where the pieces meet.
        let sentence = "地域の活性化には小規模事業者の支援と技術の発明を結びつける取り組みが欠かせないと考えています"
        let text = String(repeating: sentence + "、", count: 40) + "以上です。"
        let tokens = try Self.tokens(of: text)
        #expect(tokens.count > 400)
        var expectedStart = 0
        for token in tokens {
            #expect(token.original == token.surface)
            #expect(token.start == expectedStart)
            expectedStart = token.end
        }
        #expect(expectedStart == text.unicodeScalars.count)
    }
}
