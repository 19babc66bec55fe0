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
        return CompoundExtractor().candidates(in: tokens, of: sentence, covered: Array(repeating: false, count: tokens.count))
            .map { $0.nouns.joined(separator: " ") }
    }

    @Test func termExtractRulesOnIPAdic() throws {
        // docs/TEXT.md §9.9 (TermExtract's rules, §8.2).
        #expect(try candidates("地域活性化と小規模事業者の支援について、平成16年から取り組んでいます。") == ["地域 活性 化", "小規模 事業 者", "支援", "平成"])
        #expect(try candidates("ＭＡＣＣ（中小企業総合事業団）の支援を受けた。") == ["ＭＡＣＣ", "中小 企業 総合 事業 団", "支援"])
        #expect(try candidates("本事業などの地域活性化を支援する。") == ["事業", "地域 活性 化"])
    }
}
