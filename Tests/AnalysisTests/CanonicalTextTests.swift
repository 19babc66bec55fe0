import Testing
import Tokenization

@testable import Analysis

/// Canonically equivalent spellings count as one term, always written the same way, whichever
/// the analyzer met first (a term stored as the first spelling seen made reports depend on
/// worker scheduling).
struct CanonicalTextTests {
    static let composed = "Zadar\u{107}"  // ć
    static let decomposed = "Zadarc\u{301}"  // c + combining acute

    @Test func nfcComposesOnlyWhatNeedsIt() {
        #expect(Array(CanonicalText.nfc(Self.decomposed).unicodeScalars) == Array(Self.composed.unicodeScalars))
        #expect(CanonicalText.nfc("地域活性化") == "地域活性化")
        // か + U+3099 (combining voiced mark) is が.
        #expect(Array(CanonicalText.nfc("か\u{3099}").unicodeScalars) == ["が"])
        // Conjoining jamo and an Oriya vowel sign (combining class 0) compose too: 가, ୋ.
        #expect(Array(CanonicalText.nfc("\u{1100}\u{1161}").unicodeScalars) == ["\u{AC00}"])
        #expect(Array(CanonicalText.nfc("\u{0B47}\u{0B3E}").unicodeScalars) == ["\u{0B4B}"])
    }

    /// Two documents each with one unknown word, spelled composed in one and decomposed in the
    /// other (MeCab keeps such a word whole when the normalized text reaches it that way), in
    /// both orders.
    @Test(arguments: [[composed, decomposed], [decomposed, composed]])
    func equivalentSpellingsAreOneTermInNFC(order: [String]) {
        let unknown = MorphemeFeatures(raw: "名詞,一般,*,*,*,*,*", layout: .ipadic)
        var analyzer = CorpusAnalyzer(themes: [])
        for (index, text) in order.enumerated() {
            let tokens = [Token(features: unknown, isUnknown: true, byteRange: 0..<text.utf8.count)]
            analyzer.add(
                DocumentSummary(path: "\(index).txt", byteCount: 1, sha256: "\(index)", characterCount: 1, paragraphCount: 1, tokenCount: 1),
                sentences: [(text, tokens, SentencePlace())])
        }
        let counts = analyzer.counts
        #expect(counts.terms.map { Array($0.text.unicodeScalars) } == [Array(Self.composed.unicodeScalars)])
        #expect(counts.termFrequency == [2])
        #expect(Array(counts.displayText(of: 0).unicodeScalars) == Array(Self.composed.unicodeScalars))
    }
}
