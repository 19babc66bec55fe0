import Foundation
import Testing
import TestSupport
import Tokenization

@testable import Analysis
@testable import Reporting

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
