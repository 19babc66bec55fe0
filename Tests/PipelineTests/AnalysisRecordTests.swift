import Analysis
import Bytes
import Corpus
import Foundation
import Testing

@testable import Pipeline

/// The cache's binary record: what goes in comes out, and damaged bytes never crash the decoder.
struct AnalysisRecordTests {
    /// An entry that sets every field of an analysis at least once, non-ASCII text included.
    static let entry: AnalysisCache.Entry = {
        var summary = DocumentSummary(
            record: 7, path: "", encoding: "CP932",
            variables: [DocumentVariable(name: "性別", value: "女性"), DocumentVariable(name: "age", value: "")],
            byteCount: 1_234, sha256: String(repeating: "ab", count: 32), characterCount: 456, paragraphCount: 3,
            footnoteCount: 1, tokenCount: 99,
            speakers: [
                SpeakerSummary(name: "山田", turns: 2, paragraphs: 3, sentences: 4, characters: 50),
                SpeakerSummary(name: "B", turns: 1),
            ])
        summary.sentenceCount = 3
        summary.termCount = 12
        summary.themeOccurrences = [2, 0, 1]
        summary.themeSentences = [1, 0, 1]
        summary.terms = [TermCount(term: Term(text: "地域", partOfSpeech: "名詞"), count: 3)]
        summary.kwic = [
            KwicLine(
                paragraph: 1, sentence: 2, speaker: "山田", match: "支援", left: "地域の", keyword: "支援",
                right: "を行う。", start: 10, end: 12),
            KwicLine(paragraph: 2, sentence: 1, speaker: nil, match: "w", left: "", keyword: "Ｗ", right: "", start: 0, end: 1),
        ]
        let entries = [
            DocumentAnalysis.Entry(term: Term(text: "地域", partOfSpeech: "名詞"), form: "地域"),
            DocumentAnalysis.Entry(term: Term(text: "apple", partOfSpeech: "名詞"), form: "Apple"),
            DocumentAnalysis.Entry(term: Term(text: "支援", partOfSpeech: "サ変名詞"), form: "支援"),
        ]
        let sentences = [
            DocumentAnalysis.Sentence(
                terms: [0, 2, 0], positions: [0, 2, 5], tokenCount: 7, themeOccurrences: [1, 0, 1],
                place: SentencePlace(speaker: "山田", paragraph: 0, turn: 0, section: 0),
                hits: [
                    DocumentAnalysis.Hit(match: 0, firstToken: 0, lastToken: 0),
                    DocumentAnalysis.Hit(match: 3, firstToken: 2, lastToken: 6),
                ]),
            DocumentAnalysis.Sentence(
                terms: [], positions: [], tokenCount: 2, themeOccurrences: [0, 0, 0],
                place: SentencePlace(speaker: nil, paragraph: 1, turn: nil, section: 2)),
            DocumentAnalysis.Sentence(
                terms: [1], positions: [300], tokenCount: 301, themeOccurrences: [1_000_000, 0, 0],
                place: SentencePlace(speaker: "B", paragraph: -1, turn: 12, section: 1)),
        ]
        let compounds = [CompoundKey(nouns: ["地域", "支援"]): 2, CompoundKey(nouns: ["地域", "活性", "化"]): 1]
        let full = DocumentAnalysis(summary: summary, entries: entries, sentences: sentences, compounds: compounds)
        let empty = DocumentAnalysis(
            summary: DocumentSummary(path: "lines-7", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 0, tokenCount: 0),
            entries: [], sentences: [])
        var other = full
        other.summary.record = nil
        other.summary.kwic = []
        other.compounds = [CompoundKey(nouns: ["地域", "支援"]): 5]
        return AnalysisCache.Entry(encoding: .cp932, analyses: [full, empty, other])
    }()

    static let sha256 = String(repeating: "0f", count: 32)

    static func record(_ entry: AnalysisCache.Entry = entry, themeCount: Int = 3) -> (bytes: [UInt8], key: CacheKey) {
        var encoder = AnalysisRecord.Encoder()
        let key = CacheKey(sha256: Self.sha256, format: .csv)
        encoder.append(entry, key: key, themeCount: themeCount)
        return (encoder.bytes, key)
    }

    @Test func aRecordGivesBackEveryField() throws {
        let (bytes, key) = Self.record()
        #expect(AnalysisRecord.decode(bytes, key: key, themeCount: 3) == Self.entry)
        let nothing = AnalysisCache.Entry(encoding: .utf8, analyses: [])
        #expect(AnalysisRecord.decode(Self.record(nothing).bytes, key: key, themeCount: 3) == nothing)
        // Another key, or another number of themes, is not this record.
        #expect(AnalysisRecord.decode(bytes, key: CacheKey(sha256: Self.sha256, format: .tsv), themeCount: 3) == nil)
        #expect(AnalysisRecord.decode(bytes, key: key, themeCount: 2) == nil)
    }

    /// Every truncation and every one-byte change of a record decodes to nothing or to some
    /// entry, never a crash (the checksum is what keeps changed bytes from being used).
    @Test func damagedRecordsNeverCrashTheDecoder() throws {
        let (bytes, key) = Self.record()
        for length in 0..<bytes.count {
            #expect(AnalysisRecord.decode(Array(bytes.prefix(length)), key: key, themeCount: 3) == nil)
        }
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF, bytes[index] ^ 0x10] where value != bytes[index] {
                var changed = bytes
                changed[index] = value
                _ = AnalysisRecord.decode(changed, key: key, themeCount: 3)
            }
        }
    }

    /// Strings are kept as their bytes: two spellings of one character (composed and not) stay
    /// two strings, however `String` compares them, and a table that outgrows its slots keeps
    /// every string.
    @Test func stringsKeepTheirBytes() throws {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed && !composed.hasSameUTF8(as: decomposed))
        let entries = [composed, decomposed].map { DocumentAnalysis.Entry(term: Term(text: $0, partOfSpeech: "名詞"), form: $0) }
            + (0..<3_000).map { DocumentAnalysis.Entry(term: Term(text: "語\($0)", partOfSpeech: "名詞"), form: "語\($0)") }
        let sentence = DocumentAnalysis.Sentence(terms: [0, 1, 2_999], themeOccurrences: [0, 0, 0])
        var analysis = Self.entry.analyses[1]
        analysis.entries = entries
        analysis.sentences = [sentence]
        let entry = AnalysisCache.Entry(encoding: .utf8, analyses: [analysis, analysis])
        var encoder = AnalysisRecord.Encoder()
        let key = CacheKey(sha256: Self.sha256, format: .plain)
        for _ in 0..<2 { encoder.append(entry, key: key, themeCount: 3) }
        let start = encoder.append(Self.entry, key: key, themeCount: 3)
        let decoded = try #require(AnalysisRecord.decode(Array(encoder.bytes.prefix(start / 2)), key: key, themeCount: 3))
        #expect(decoded == entry)
        #expect(decoded.analyses[0].entries.map { Array($0.term.text.utf8) } == entries.map { Array($0.term.text.utf8) })
        #expect(AnalysisRecord.decode(Array(encoder.bytes[start...]), key: key, themeCount: 3) == Self.entry)
    }

    /// Terms whose numbers last from batch to batch, as a worker's entries do
    /// (`BatchTerms.numbersLast`), for the encoder to keep their strings' hashes.
    struct LastingTerms: BatchTerms {
        let terms: [Term]
        subscript(entry: Int) -> Term { terms[entry] }
        func number(of entry: Int) -> Int { entry }
        var numbersLast: Bool { true }
    }

    /// An encoder keeps the hashes of lasting numbers' strings from record to record; a batch
    /// whose own list gives the same numbers to other terms, between two records, changes
    /// nothing of what either record reads back.
    @Test func entryStringsReadBackWhenNumbersLastAndWhenTheyDoNot() throws {
        var analysis = Self.entry.analyses[0]
        analysis.entries = [
            DocumentAnalysis.Entry(term: Term(text: "甲", partOfSpeech: "名詞"), form: "甲"),
            DocumentAnalysis.Entry(term: Term(text: "乙", partOfSpeech: "動詞"), form: "乙る"),
            DocumentAnalysis.Entry(term: Term(text: "丙", partOfSpeech: "名詞"), form: "丙"),
        ]
        let lasting = AnalysisCache.Entry(encoding: .utf8, analyses: [analysis])
        let (documents, listed) = DocumentBatch.of(lasting.analyses)
        let terms = LastingTerms(terms: listed.terms)
        var encoder = AnalysisRecord.Encoder()
        let key = CacheKey(sha256: Self.sha256, format: .plain)
        func appendLasting() -> Int {
            encoder.append(encoding: .utf8, chunks: 0, documents: documents, terms: terms, key: key, themeCount: 3)
        }
        let starts = [appendLasting(), encoder.append(Self.entry, key: key, themeCount: 3), appendLasting(), appendLasting()]
        let ends = Array(starts.dropFirst()) + [encoder.bytes.count]
        let decoded = zip(starts, ends).map { AnalysisRecord.decode(Array(encoder.bytes[$0..<$1]), key: key, themeCount: 3) }
        #expect(decoded == [lasting, Self.entry, lasting, lasting])
    }

    /// A summary's strings that recur from document to document (a table's column values, say)
    /// keep their bytes too: a value spelled composed in one row and decomposed in the next is
    /// read back as each row wrote it, not as the row before it.
    @Test func summaryStringsKeepTheirBytesFromDocumentToDocument() throws {
        let spellings = ["\u{304C}", "\u{304B}\u{3099}", "\u{304C}"]  // が, か + voiced mark, が
        let analyses = spellings.map { value in
            DocumentAnalysis(
                summary: DocumentSummary(
                    path: "answers.csv", variables: [DocumentVariable(name: "回答", value: value)], byteCount: 3,
                    sha256: "", characterCount: 1, paragraphCount: 1, tokenCount: 0),
                entries: [], sentences: [])
        }
        let entry = AnalysisCache.Entry(encoding: .utf8, analyses: analyses)
        let (bytes, key) = Self.record(entry)
        let decoded = try #require(AnalysisRecord.decode(bytes, key: key, themeCount: 3))
        #expect(decoded.analyses.map { Array($0.summary.variables[0].value.utf8) } == spellings.map { Array($0.utf8) })
    }

    @Test func aStringThatIsNotUTF8IsRefused() throws {
        var (bytes, key) = Self.record()
        // 山田 is in the table once: make its second character's last byte ASCII.
        let name = Array("山田".utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + name.count, bytes.count)]) == name })
        bytes[at + 5] = UInt8(ascii: "A")
        #expect(AnalysisRecord.decode(bytes, key: key, themeCount: 3) == nil)
    }

    /// Counting a record's batch (`CachedCounting`'s way) gives the counts of its analyses, in
    /// every unit, with a grouping, themes and a word looked for; a second record reuses the
    /// batch and the term numbers.
    @Test(arguments: CooccurrenceUnit.allCases)
    func aBatchCountsAsItsAnalysesDo(unit: CooccurrenceUnit) throws {
        let (bytes, key) = Self.record()
        func fresh() -> CorpusCounts {
            CorpusCounts(themeNames: ["a", "b", "c"], grouping: .speaker, unit: unit, window: 2, words: ["w"])
        }
        var expected = fresh()
        for _ in 0..<2 {
            for analysis in Self.entry.analyses { expected.add(analysis) }
        }
        var counted = fresh()
        var (batch, terms) = (RecordBatch(), CachedTerms())
        for _ in 0..<2 {
            #expect(AnalysisRecord.decode(bytes, key: key, themeCount: 3, into: &batch, terms: &terms))
            for (entry, number) in batch.entryTerms.enumerated() {
                batch.documents.ids[entry] = terms.id(of: number, in: &counted)
            }
            counted.add(batch.documents)
        }
        #expect(counted.totals == expected.totals)
        #expect(Set(counted.terms) == Set(expected.terms))
        for term in expected.terms {
            let (mine, theirs) = (try #require(counted.id(of: term)), try #require(expected.id(of: term)))
            #expect(counted.termFrequency[Int(mine)] == expected.termFrequency[Int(theirs)])
            #expect(counted.documentFrequency[Int(mine)] == expected.documentFrequency[Int(theirs)])
            #expect(counted.unitFrequency[Int(mine)] == expected.unitFrequency[Int(theirs)])
            #expect(counted.displayText(of: mine) == expected.displayText(of: theirs))
            #expect(counted.groupTerms.mapValues { $0[mine] } == expected.groupTerms.mapValues { $0[theirs] })
            #expect(counted.themeTermSentences.map { $0[mine] } == expected.themeTermSentences.map { $0[theirs] })
            #expect(counted.collocates.map { $0[mine] } == expected.collocates.map { $0[theirs] })
        }
        func pairs(_ counts: CorpusCounts) -> [String: Int] {
            var pairs: [String: Int] = [:]
            for (pair, count) in counts.pairUnits {
                let names = [counts.terms[Int(pair.first)].text, counts.terms[Int(pair.second)].text].sorted()
                pairs[names.joined(separator: "|")] = count
            }
            return pairs
        }
        #expect(pairs(counted) == pairs(expected))
        #expect(counted.compounds == expected.compounds)
        #expect(counted.groupTotals == expected.groupTotals && counted.groupSentences == expected.groupSentences)
        #expect(counted.themePairSentences == expected.themePairSentences)
        #expect(counted.sortedDocuments == expected.sortedDocuments)

        // A record that does not check out leaves nothing in the batch to count.
        var damaged = bytes
        damaged[damaged.count - 1] ^= 0xFF
        #expect(!AnalysisRecord.decode(damaged, key: key, themeCount: 3, into: &batch, terms: &terms))
        #expect(batch.documents.count == 0 && batch.entryTerms.isEmpty)
    }
}
