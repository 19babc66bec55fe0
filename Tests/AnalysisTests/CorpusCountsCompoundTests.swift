import Testing

@testable import Analysis

/// The counts keep compound candidates by id (`CorpusCounts.compoundKeys`, `compoundCounts`):
/// however a document's candidates reach them (with ids from a worker, or by key), and however
/// counts are merged, each key is kept once with the sum of its occurrences.
struct CorpusCountsCompoundTests {
    static func key(_ nouns: String...) -> CompoundKey { CompoundKey(nouns: nouns) }

    static func document(_ compounds: [CompoundKey: Int]) -> DocumentAnalysis {
        DocumentAnalysis(
            summary: DocumentSummary(path: "a.txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 0, tokenCount: 0),
            entries: [], sentences: [], compounds: compounds)
    }

    @Test func candidatesAreSummedByKeyAcrossDocumentsAndMerges() {
        let (region, smallFirms, succession) = (Self.key("地域", "活性化"), Self.key("中小", "企業"), Self.key("事業", "承継"))
        var first = CorpusCounts(themeNames: [])
        first.add(Self.document([region: 2, smallFirms: 1]))
        first.add(Self.document([region: 1]))
        // Hand-summed: 地域|活性化 2 + 1, 中小|企業 1.
        #expect(first.compounds == [region: 3, smallFirms: 1])
        var second = CorpusCounts(themeNames: [])
        second.add(Self.document([smallFirms: 4, succession: 1]))
        first.mergeAllButPairs(second)
        #expect(first.compounds == [region: 3, smallFirms: 5, succession: 1])
        #expect(Set(first.compoundKeys.map(\.joined)).count == first.compoundKeys.count)
        #expect(first.compoundKeys.count == first.compoundCounts.count)
        // A key of the same nouns made anew is the same candidate.
        #expect(first.compoundID(for: Self.key("中小", "企業")) == first.compoundID(for: smallFirms))
        #expect(first.compoundKeys.count == 3)
    }

    @Test func settingTheTableReplacesTheCandidates() {
        var counts = CorpusCounts(themeNames: [])
        counts.add(Self.document([Self.key("地域", "活性化"): 2]))
        counts.compounds = [Self.key("中小", "企業"): 5]
        #expect(counts.compounds == [Self.key("中小", "企業"): 5])
        #expect(counts.compoundKeys == [Self.key("中小", "企業")])
    }
}
