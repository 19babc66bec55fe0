import Analysis
import Reporting

/// Corpora for the co-occurrence network tests.
enum NetworkFixtures {
    static func term(_ text: String) -> Term { Term(text: text, partOfSpeech: "名詞") }

    /// Ten sentences over A–F whose pairs are computed by hand (sentence counts in parentheses):
    /// A (4), B (3), C (4), D (2), E (3), F (3); AB in 3 sentences: Jaccard 3/4; CD in 2: 2/4;
    /// EF in 2: 2/4; AC in 2: 2/6; BC in 1: 1/6. Occurrences equal sentence counts.
    static let small: CorpusCounts = {
        let sentences: [[String]] = [
            ["A", "B", "C"], ["A", "B"], ["A", "B"], ["C", "D"], ["C", "D"], ["A", "C"],
            ["E", "F"], ["E", "F"], ["E"], ["F"],
        ]
        var counts = CorpusCounts(themeNames: [])
        counts.add(
            DocumentSummary(path: "a.txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0),
            sentences: sentences.map { SentenceAnalysis(terms: $0.map(term), themeOccurrences: []) })
        return counts
    }()

    /// 300 sentences drawn by a fixed linear congruential generator from four topics of nine
    /// Japanese terms (one ASCII term with markup characters among them), with an occasional term
    /// from another topic: enough pairs for a 60-edge network with several communities.
    static let large: CorpusCounts = {
        let words = [
            "地域", "活性化", "まちづくり", "住民", "参加", "協力", "イベント", "祭り", "商店街",
            "企業", "雇用", "産業", "ICT", "A&B<x>", "情報", "ネットワーク", "若者", "移住",
            "教育", "子ども", "学校", "文化", "歴史", "図書館", "高齢者", "医療", "福祉",
            "行政", "計画", "予算", "議会", "課題", "環境", "交通", "空き家", "農業",
        ]
        var state: UInt64 = 20_241_125
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var counts = CorpusCounts(themeNames: [])
        for document in 0..<20 {
            var sentences: [SentenceAnalysis] = []
            for _ in 0..<15 {
                let topic = next(4)
                var terms = (0..<(2 + next(3))).map { _ in term(words[topic * 9 + next(9)]) }
                if next(5) == 0 { terms.append(term(words[next(words.count)])) }
                sentences.append(SentenceAnalysis(terms: terms, themeOccurrences: []))
            }
            counts.add(
                DocumentSummary(
                    path: "d\(document).txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1,
                    tokenCount: 0),
                sentences: sentences)
        }
        return counts
    }()

    static let largeNetwork = CooccurrenceNetwork.build(large, options: CooccurrenceNetwork.Options())
}
