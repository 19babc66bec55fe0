import Testing

@testable import Analysis

/// Collocates of a word looked for (KH Coder's L5–R5), on documents laid out by hand.
struct CollocateTests {
    static func term(_ text: String) -> Term { Term(text: text, partOfSpeech: "名詞") }

    /// One sentence of 10 tokens: X at 0, Y at 3, the word at 4, Y at 5, Z at 9, W at 10 of a
    /// second sentence. Seen from the word: X is L4, Y is L1 and R1, Z is R5; W is R6, outside.
    static func counts() -> CorpusCounts {
        var counts = CorpusCounts(themeNames: ["theme"], words: ["word"])
        counts.add(
            DocumentSummary(path: "c.txt", byteCount: 1, sha256: "c", characterCount: 1, paragraphCount: 1, tokenCount: 12),
            sentences: [
                SentenceAnalysis(
                    terms: ["X", "Y", "Y", "Z"].map(term), positions: [0, 3, 5, 9], tokenCount: 10, themeOccurrences: [1],
                    hits: [
                        // The theme's hit (match 0) is no word: it has no collocates.
                        DocumentAnalysis.Hit(match: 0, firstToken: 0, lastToken: 0),
                        DocumentAnalysis.Hit(match: 1, firstToken: 4, lastToken: 4),
                    ]),
                SentenceAnalysis(terms: [term("W")], positions: [0], tokenCount: 2, themeOccurrences: [0]),
            ])
        return counts
    }

    static func near(_ counts: CorpusCounts, _ text: String) -> CorpusCounts.Collocates? {
        counts.id(of: term(text)).flatMap { counts.collocates[0][$0] }
    }

    @Test func termsAreCountedByTheirDistanceFromTheWord() {
        let counts = Self.counts()
        #expect(counts.wordOccurrences == [1])
        #expect(Self.near(counts, "X") == CorpusCounts.Collocates(left: [0, 0, 0, 1, 0], right: [0, 0, 0, 0, 0]))
        #expect(Self.near(counts, "Y") == CorpusCounts.Collocates(left: [1, 0, 0, 0, 0], right: [1, 0, 0, 0, 0]))
        #expect(Self.near(counts, "Z") == CorpusCounts.Collocates(left: [0, 0, 0, 0, 0], right: [0, 0, 0, 0, 1]))
        #expect(Self.near(counts, "W") == nil)
    }

    /// A word spanning tokens 4–6 counts from its first token leftwards and its last rightwards.
    @Test func aPhraseCountsFromItsEnds() {
        var counts = CorpusCounts(themeNames: [], words: ["phrase"])
        counts.add(
            DocumentSummary(path: "p.txt", byteCount: 1, sha256: "p", characterCount: 1, paragraphCount: 1, tokenCount: 9),
            sentences: [
                SentenceAnalysis(
                    terms: ["A", "B"].map(Self.term), positions: [3, 7], tokenCount: 9, themeOccurrences: [],
                    hits: [DocumentAnalysis.Hit(match: 0, firstToken: 4, lastToken: 6)])
            ])
        #expect(counts.collocates[0][counts.id(of: Self.term("A"))!] == .init(left: [1, 0, 0, 0, 0], right: [0, 0, 0, 0, 0]))
        #expect(counts.collocates[0][counts.id(of: Self.term("B"))!] == .init(left: [0, 0, 0, 0, 0], right: [1, 0, 0, 0, 0]))
    }

    @Test func collocatesAddUpInMerges() {
        var merged = Self.counts()
        merged.merge(Self.counts())
        #expect(merged.wordOccurrences == [2])
        #expect(Self.near(merged, "Y") == CorpusCounts.Collocates(left: [2, 0, 0, 0, 0], right: [2, 0, 0, 0, 0]))
    }
}
