import Analysis
import Testing

@testable import Reporting

/// Ties at the cut and the candidate terms, on corpora built for them.
struct NetworkBoundsTests {
    /// `pairs` pairs of terms, each pair alone in two sentences: every pair has a Jaccard of 1.
    static func tiedPairs(_ pairs: Int, frequentTerms: Int = 0) -> CorpusCounts {
        var sentences: [[String]] = []
        for index in 0..<pairs {
            sentences += Array(repeating: ["p\(index)a", "p\(index)b"], count: 2)
        }
        // Frequent terms, in five sentences each, paired in order (Jaccard 5/5 too).
        for index in 0..<frequentTerms {
            sentences += Array(repeating: ["f\(index / 2)-\(index % 2)"], count: 3)
        }
        var counts = CorpusCounts(themeNames: [])
        counts.add(
            DocumentSummary(path: "a.txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0),
            sentences: sentences.map { SentenceAnalysis(terms: $0.map(NetworkFixtures.term), themeOccurrences: []) })
        return counts
    }

    @Test func tiesAreKeptUpToTwiceTheEdgesAskedFor() {
        let counts = Self.tiedPairs(300)
        let network = CooccurrenceNetwork.build(counts, options: .init(maximumEdges: 60, layoutIterations: 5))
        #expect(network.edges.count == 120)
        #expect(network.edges.allSatisfy { $0.jaccard == 1 && $0.sentences == 2 })
        // Past the allowance, ties go by the terms: p0a–p0b, p1a–p1b, p10a–p10b … in UTF-8 order.
        let labels = Set(network.nodes.map(\.term))
        #expect(labels.contains("p0a") && labels.contains("p100a") && !labels.contains("p99a"))
        let fewer = CooccurrenceNetwork.build(counts, options: .init(maximumEdges: 200, layoutIterations: 5))
        #expect(fewer.edges.count == 300)
    }

    @Test func onlyTheFrequentTermsAreCandidates() {
        // 20 terms of the pairs occur twice; with 10 candidate terms the floor is frequency 2 (all
        // tie), so all stay; a corpus with more frequent terms leaves the rare pairs out.
        var counts = Self.tiedPairs(10)
        #expect(CooccurrenceNetwork.build(counts, options: .init(layoutIterations: 5, candidateTerms: 10)).edges.count == 10)
        counts = CorpusCounts(themeNames: [])
        var sentences: [[String]] = Array(repeating: ["x", "y"], count: 5) + Array(repeating: ["rare1", "rare2"], count: 2)
        sentences += [["x"], ["y"]]
        counts.add(
            DocumentSummary(path: "a.txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0),
            sentences: sentences.map { SentenceAnalysis(terms: $0.map(NetworkFixtures.term), themeOccurrences: []) })
        let network = CooccurrenceNetwork.build(counts, options: .init(layoutIterations: 5, candidateTerms: 2))
        #expect(network.nodes.map(\.term) == ["x", "y"])
        #expect(network.edges.count == 1 && network.edges[0].jaccard == 5.0 / 7.0)
    }
}
