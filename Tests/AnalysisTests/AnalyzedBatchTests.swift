import Foundation
import Testing
import TestSupport
import Tokenization

@testable import Analysis

/// The worker's flat batch of analyzed documents (`CorpusAnalyzer.analyzed`): what it holds is
/// each document's analysis, documents stopped by an error leave nothing, and counting a
/// document from the batch counts what counting its analysis counts.
struct AnalyzedBatchTests {
    static let themes = [
        Theme(name: "地域活性化", forms: ["地域活性化", "地域の活性化"], normalizedForms: ["地域活性化", "地域の活性化"]),
        Theme(name: "支援", forms: ["支援"], normalizedForms: ["支援"]),
    ]

    /// Sentences as the tagger gives them.
    func sentences(_ texts: [String], paragraph: Int = 0) throws -> [(text: String, tokens: [Token], place: SentencePlace)] {
        let tagger = try MeCabTagger(model: TestSupport.model)
        return try texts.map { ($0, try tagger.tokenize($0), SentencePlace(paragraph: paragraph)) }
    }

    func summary(_ path: String) -> DocumentSummary {
        DocumentSummary(path: path, byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0)
    }

    @Test func eachDocumentOfTheBatchIsItsAnalysis() throws {
        let first = try sentences(["地域の活性化を支援する。", "小規模事業者の支援。"])
        let second = try sentences(["中小企業支援と地域活性化。"])
        var separate = CorpusAnalyzer(themes: Self.themes)
        let expected = [separate.analyze(summary("a"), sentences: first), separate.analyze(summary("b"), sentences: second)]
        // Hand-checked: 地域/の/活性/化/を/支援/する/。 holds 地域の活性化 (tokens 0–3) and 支援 (token 5).
        #expect(
            expected[0].sentences[0].hits
                == [DocumentAnalysis.Hit(match: 0, firstToken: 0, lastToken: 3), DocumentAnalysis.Hit(match: 1, firstToken: 5, lastToken: 5)])
        #expect(expected[0].sentences[0].themeOccurrences == [1, 1])
        #expect(expected[0].sentences[1].themeOccurrences == [0, 1])

        var batched = CorpusAnalyzer(themes: Self.themes)
        for (name, document) in [("a", first), ("b", second)] {
            batched.beginDocument(variables: [])
            for sentence in document { batched.addSentence(sentence.text, tokens: sentence.tokens, place: sentence.place) }
            batched.finishDocument(summary(name))
        }
        #expect(batched.analyzed.count == 2)
        let terms = batched.analyzedTerms
        for index in 0..<2 {
            let analysis = batched.analyzed.analysis(of: index, themeCount: Self.themes.count) { terms[$0] }
            #expect(analysis == expected[index])
        }
        // Counted as they were finished: as counting their analyses counts.
        var counts = CorpusCounts(themeNames: Self.themes.map(\.name))
        for analysis in expected { counts.add(analysis) }
        #expect(batched.counts.terms == counts.terms)
        #expect(batched.counts.termFrequency == counts.termFrequency)
        #expect(batched.counts.documents == counts.documents)
        // Compounds by the ids the analyzer keeps per candidate, and by key: the same.
        #expect(!counts.compounds.isEmpty && batched.counts.compounds == counts.compounds)
        #expect(batched.counts.pairUnits.sorted { $0.key.packed < $1.key.packed }.map(\.value)
            == counts.pairUnits.sorted { $0.key.packed < $1.key.packed }.map(\.value))
        batched.removeAnalyzed()
        #expect(batched.analyzed.count == 0 && batched.analyzed.terms.isEmpty && batched.analyzed.ids.isEmpty)
    }

    @Test func aDocumentNeverFinishedLeavesNothing() throws {
        let stopped = try sentences(["地域の活性化を支援する。"])
        let whole = try sentences(["小規模事業者の支援。"])
        var analyzer = CorpusAnalyzer(themes: Self.themes)
        // A document whose analysis an error stopped after one sentence, then the next one.
        analyzer.beginDocument(variables: [])
        analyzer.addSentence(stopped[0].text, tokens: stopped[0].tokens, place: stopped[0].place)
        analyzer.beginDocument(variables: [])
        analyzer.addSentence(whole[0].text, tokens: whole[0].tokens, place: whole[0].place)
        analyzer.finishDocument(summary("b"))

        var alone = CorpusAnalyzer(themes: Self.themes)
        let expected = alone.analyze(summary("b"), sentences: whole)
        #expect(analyzer.analyzed.count == 1)
        let terms = analyzer.analyzedTerms
        #expect(analyzer.analyzed.analysis(of: 0, themeCount: Self.themes.count) { terms[$0] } == expected)
        #expect(analyzer.counts.documentCount == 1)
        #expect(analyzer.counts.termTokenCount == expected.sentences.reduce(0) { $0 + $1.terms.count })
        // And after an error in the middle of the batch, emptying it drops the open document too.
        analyzer.beginDocument(variables: [])
        analyzer.addSentence(stopped[0].text, tokens: stopped[0].tokens, place: stopped[0].place)
        analyzer.removeAnalyzed()
        #expect(analyzer.analyzed.count == 0 && analyzer.analyzed.sentences.isEmpty && analyzer.analyzed.hits.isEmpty)
    }

    @Test func analysesFlattenedIntoABatchComeBackTheSame() throws {
        var analyzer = CorpusAnalyzer(themes: Self.themes)
        let analyses = [
            analyzer.analyze(summary("a"), sentences: try sentences(["地域の活性化を支援する。", "支援。"])),
            analyzer.analyze(summary("b"), sentences: try sentences(["小規模事業者。"], paragraph: 2)),
        ]
        let (batch, terms) = DocumentBatch.of(analyses)
        #expect(batch.count == 2)
        let back = (0..<2).map { batch.analysis(of: $0, themeCount: Self.themes.count) { terms[$0] } }
        #expect(back == analyses)
    }

    /// A compound candidate is found by its surfaces in the counts' own keys, or, spelled other
    /// than its NFC key, by that spelling: 欄事業 written with the compatibility ideograph
    /// U+F91D (MeCab reads it as a noun; NFC makes it U+6B04) and with 欄 itself is one
    /// candidate, counted 2 + 1 times, as the documents' batches say. A candidate met only in a
    /// document an error stopped stays in the counts without an occurrence and is listed by no
    /// report (小規模事業者 below).
    @Test func compoundCandidatesAreFoundByTheirKeysOrTheirSpellings() throws {
        let compatibility = try sentences(["\u{F91D}事業の支援。", "\u{F91D}事業。"])
        let nfc = try sentences(["欄事業。"])
        let stopped = try sentences(["小規模事業者の支援。"])
        #expect(compatibility[0].tokens.count == 5 && nfc[0].tokens.count == 3)
        var analyzer = CorpusAnalyzer(themes: Self.themes)
        for (name, document) in [("a", compatibility), ("b", nfc)] {
            analyzer.beginDocument(variables: [])
            for sentence in document { analyzer.addSentence(sentence.text, tokens: sentence.tokens, place: sentence.place) }
            analyzer.finishDocument(summary(name))
        }
        analyzer.beginDocument(variables: [])
        analyzer.addSentence(stopped[0].text, tokens: stopped[0].tokens, place: stopped[0].place)
        analyzer.beginDocument(variables: [])
        analyzer.removeAnalyzed()

        let key = CompoundKey(nouns: ["欄", "事業"])
        #expect(analyzer.analyzed.count == 0)
        #expect(analyzer.counts.compounds[key] == 3)
        #expect(analyzer.counts.compounds.keys.filter { $0.joined.hasSuffix("事業") }.count == 1)
        // Met, not counted: in the counts, in no ranking.
        let stoppedKey = CompoundKey(nouns: ["小規模", "事業", "者"])
        #expect(analyzer.counts.compounds[stoppedKey] == 0)
        let ranked = CompoundRanking.rankKeys(zip(analyzer.counts.compoundKeys, analyzer.counts.compoundCounts), compoundsOnly: true)
        #expect(ranked.map(\.key) == [key])
        #expect(ranked.map(\.frequency) == [3])
    }
}
