import Foundation
import Testing
import TestSupport
import Tokenization

@testable import Analysis
@testable import Reporting

/// Compounds, force-pick, synonyms, stopwords and the measures of group terms, on fixtures
/// worked out by hand.
struct CompoundTests {
    @Test func flrMatchesTheReferenceComputation() {
        // docs/TEXT.md §9.9: the paper's トライグラム example (FLR, §8.3).
        let occurrences: [[String]] = [
            ["トライグラム", "統計"], ["トライグラム"], ["単語", "トライグラム"], ["クラス", "トライグラム"],
            ["単語", "トライグラム"], ["トライグラム"], ["トライグラム", "抽出"], ["単語", "トライグラム", "統計"],
            ["トライグラム"], ["文字", "トライグラム"],
        ]
        var candidates: [[String]: Int] = [:]
        for nouns in occurrences { candidates[nouns, default: 0] += 1 }
        let ranked = Dictionary(uniqueKeysWithValues: CompoundRanking.rank(candidates).map { ($0.nouns, $0) })
        // FL(トライグラム) = 5, FR(トライグラム) = 3: LR = √24, FLR = 3√24.
        #expect(abs((ranked[["トライグラム"]]?.lr ?? 0) - 24.0.squareRoot()) < 1e-12)
        #expect(abs((ranked[["トライグラム"]]?.flr ?? 0) - 14.6969) < 1e-4)
        #expect(abs((ranked[["単語", "トライグラム"]]?.flr ?? 0) - 6.2603) < 1e-4)
        #expect(abs((ranked[["トライグラム", "統計"]]?.flr ?? 0) - 2.9130) < 1e-4)
        #expect(abs((ranked[["クラス", "トライグラム"]]?.flr ?? 0) - 2.6321) < 1e-4)
        #expect(abs((ranked[["単語", "トライグラム", "統計"]]?.flr ?? 0) - 2.5698) < 1e-4)
        #expect(CompoundRanking.rank(candidates).first?.nouns == ["トライグラム"])
    }

    func candidates(_ sentence: String) throws -> [String] {
        let tokens = try MeCabTagger(model: TestSupport.model).tokenize(sentence)
        return CompoundExtractor().candidates(in: tokens, covered: Array(repeating: false, count: tokens.count))
            .map { $0.nouns.joined(separator: " ") }
    }

    @Test func termExtractRulesOnIPAdic() throws {
        // docs/TEXT.md §9.9 (TermExtract's rules, §8.2).
        #expect(try candidates("地域活性化と小規模事業者の支援について、平成16年から取り組んでいます。") == ["地域 活性 化", "小規模 事業 者", "支援", "平成"])
        #expect(try candidates("ＭＡＣＣ（中小企業総合事業団）の支援を受けた。") == ["ＭＡＣＣ", "中小 企業 総合 事業 団", "支援"])
        #expect(try candidates("本事業などの地域活性化を支援する。") == ["事業", "地域 活性 化"])
    }
}

struct VocabularyAnalysisTests {
    func terms(_ text: String, vocabulary: Vocabulary) throws -> [String: Int] {
        let tokens = try MeCabTagger(model: TestSupport.model).tokenize(text)
        var analyzer = CorpusAnalyzer(themes: [], vocabulary: vocabulary)
        analyzer.add(
            DocumentSummary(path: "x", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0),
            sentences: [(text, tokens, SentencePlace())])
        let counts = analyzer.counts
        var result: [String: Int] = [:]
        for (id, term) in counts.terms.enumerated() { result[term.description] = counts.termFrequency[id] }
        return result
    }

    @Test func forcePickedWordsAreOneTerm() throws {
        let vocabulary = Vocabulary(entries: [Vocabulary.Entry(term: "地域活性化", forms: ["地域活性化"])])
        let counts = try terms("地域活性化と地域の活性化。", vocabulary: vocabulary)
        #expect(counts["地域活性化/タグ"] == 1)
        #expect(counts["地域/名詞"] == 1)  // only the second, which is not the force-picked form
        #expect(counts["活性/名詞"] == 1)
    }

    @Test func synonymsCountAsOneTerm() throws {
        let vocabulary = Vocabulary(entries: [Vocabulary.Entry(term: "中小機構", forms: ["中小機構", "中小企業基盤整備機構"])])
        let counts = try terms("中小機構と中小企業基盤整備機構。", vocabulary: vocabulary)
        #expect(counts == ["中小機構/タグ": 2])
    }

    @Test func stopwordsApplyToWholeTermsNeverToPartsOfCompounds() throws {
        let vocabulary = Vocabulary(
            selection: TermSelection(preset: .nouns), stopwords: ["化", "者", "地域"], joinsCompounds: true)
        let counts = try terms("地域活性化と小規模事業者。地域。", vocabulary: vocabulary)
        #expect(counts == ["地域活性化/複合名詞": 1, "小規模事業者/複合名詞": 1])
    }

    @Test func theDefaultStopListIsData() {
        #expect(DefaultStopwords.words.contains("こと") && DefaultStopwords.words.contains("ええ"))
        #expect(Set(DefaultStopwords.words).count == DefaultStopwords.words.count)
    }
}

struct KeynessTests {
    // Hand-computed with the formulas of docs/MEASURES.md §4 (Python, float64).
    @Test(arguments: [
        (10, 20, 30, 940, 30.06907506178831, 69.3012600229095),
        (5, 0, 0, 5, 13.862943611198906, 10.0),  // 0 cells: 0 · ln 0 = 0
        (0, 3, 4, 10, 1.7986670345650653, 1.120879120879121),
        (7, 0, 3, 0, 0.0, 0.0),  // an empty margin
    ])
    func logLikelihoodAndChiSquare(a: Int, b: Int, c: Int, d: Int, g2: Double, chi2: Double) {
        let table = PairCounts(both: a, first: a + b, second: a + c, units: a + b + c + d)
        #expect(abs(Keyness.logLikelihood(table) - g2) < 1e-9)
        #expect(abs(Keyness.chiSquare(table) - chi2) < 1e-9)
    }
}
