import Analysis
import Bytes
import Corpus

/// The binary form of a cache entry (`AnalysisCache.Entry`): an input's encoding and its
/// documents' analyses, written once when the input is analyzed and decoded on every hit, so
/// decoding is what has to be fast.
///
/// Layout (varints are LEB128, ints ZigZag varints, fixed words little-endian):
///
///     u8        version (3: 2 with a chunk count, whose summaries could give a value the
///               spelling, composed or not, of the document's before; see `Encoder`)
///     33 bytes  the entry's key (`CacheKey`), checked against the key looked up
///     varint    the run's theme count, which sizes every sentence's theme occurrences
///     u64       where the string table starts, from the record's first byte
///     string    encoding; varint chunks (`AnalysisCache.Entry.chunks`); varint documents, then
///               per document:
///       summary   record (u8 0/1, int), path, encoding, variables (name, value), byteCount,
///                 sha256 (in place: it is the document's own), characterCount,
///                 paragraphCount, footnoteCount, sentenceCount, tokenCount, termCount,
///                 themeOccurrences, themeSentences, speakers (name, turns, paragraphs,
///                 sentences, characters), terms (text, part of speech, count), kwic lines
///                 (paragraph, sentence, speaker?, match, left, keyword, right, start, end)
///       entries   (text, part of speech, form? where it is not the text)
///       sentences terms (indices into entries), positions (< tokens), tokens, themes as
///                 (index, count) where non-zero, speaker?, paragraph, turn (u8 0/1, int),
///                 section, hits (match, first token, last token)
///       compounds (nouns joined as `CompoundKey` joins them, count)
///     strings   varint count, then each as varint length and UTF-8 bytes
///
/// Every other string in the body is an index into the table at the end (an optional one is
/// the index + 1, 0 for none), so each distinct term, part of speech or value is written and
/// decoded once per record, however many documents use it. Decoding checks every count,
/// index and length against the bytes and the data it indexes; anything out of place makes
/// the record a miss. A new field of `DocumentSummary` or `DocumentAnalysis` needs a place
/// here and a new version.
enum AnalysisRecord {
    static let version: UInt8 = 3

    /// The entry in `bytes` (one whole record), if it is a well-formed record of `key` made for
    /// `themeCount` themes; `nil` for anything else.
    static func decode(_ bytes: [UInt8], key: CacheKey, themeCount: Int) -> AnalysisCache.Entry? {
        var batch = RecordBatch()
        var terms = CachedTerms()
        guard decode(bytes, key: key, themeCount: themeCount, into: &batch, terms: &terms) else { return nil }
        return AnalysisCache.Entry(
            encoding: batch.encoding, analyses: batch.analyses(terms: terms, themeCount: themeCount), chunks: batch.chunks)
    }

    /// Decodes the record in `bytes` into `batch` (emptied first), its entries' terms numbered
    /// in `terms`, if it is a well-formed record of `key` made for `themeCount` themes; false
    /// (and an empty batch) for anything else. Nothing of a record is counted before all of it
    /// has checked out.
    static func decode(
        _ bytes: [UInt8], key: CacheKey, themeCount: Int, into batch: inout RecordBatch, terms: inout CachedTerms
    ) -> Bool {
        batch.removeAll()
        var decoder = Decoder(bytes: bytes, themeCount: themeCount)
        do throws(RecordError) {
            try decoder.entry(key: key, into: &batch, terms: &terms)
            return true
        } catch {
            batch.removeAll()
            return false
        }
    }

    private struct Decoder {
        let bytes: [UInt8]
        let themeCount: Int
        var reader: RecordReader
        /// The table's strings, each made (and its UTF-8 checked) the first time a document asks
        /// for it as a `String`: most of a table is terms, which are found by their bytes
        /// (`CachedTerms`), and making them all was a tenth of reading a record.
        var strings: [String?] = []
        /// Where each string's UTF-8 is in `bytes`.
        var ranges: [Range<Int>] = []
        /// The compound keys made so far, by string index: a compound recurs across documents.
        var compounds: [CompoundKey?] = []
        /// Per string index, the number (from 1) of the last document that had it as a compound.
        var compoundSeen: [Int] = []
        /// Per string index, as an entry's text: the entry's term number, and the string index of
        /// the part of speech it was numbered with (-1: none yet). A term recurs across documents.
        var textTerms: [Int32] = []
        var textParts: [Int] = []

        init(bytes: [UInt8], themeCount: Int) {
            self.bytes = bytes
            self.themeCount = themeCount
            reader = RecordReader(bytes)
        }

        mutating func entry(key: CacheKey, into batch: inout RecordBatch, terms: inout CachedTerms) throws(RecordError) {
            guard try reader.byte() == AnalysisRecord.version, try CacheKey(reading: &reader) == key,
                try reader.natural() == themeCount
            else { throw RecordError() }
            let tableOffset = try reader.fixed64()
            guard tableOffset >= UInt64(reader.offset), tableOffset <= UInt64(bytes.count) else { throw RecordError() }
            let bodyStart = reader.offset
            try readStrings(from: Int(tableOffset))
            reader = RecordReader(bytes, from: bodyStart, to: Int(tableOffset))
            guard let encoding = TextEncoding(rawValue: try string()) else { throw RecordError() }
            let chunks = try reader.natural()
            let count = try reader.count()
            guard chunks == 0 || count == 0 else { throw RecordError() }
            batch.encoding = encoding
            batch.chunks = chunks
            for _ in 0..<count { try analysis(into: &batch, terms: &terms) }
            try reader.expectEnd()
        }

        mutating func readStrings(from offset: Int) throws(RecordError) {
            var table = RecordReader(bytes, from: offset)
            let count = try table.count()
            ranges.reserveCapacity(count)
            for _ in 0..<count { ranges.append(try table.bytes(count: table.natural())) }
            try table.expectEnd()
            strings = Array(repeating: nil, count: count)
            compounds = Array(repeating: nil, count: count)
            compoundSeen = Array(repeating: 0, count: count)
            textTerms = Array(repeating: -1, count: count)
            textParts = Array(repeating: -1, count: count)
        }

        /// Decodes the next document into `batch`.
        mutating func analysis(into batch: inout RecordBatch, terms: inout CachedTerms) throws(RecordError) {
            let summary = try self.summary()
            let entryCount = try reader.count(each: 3)
            batch.entryTerms.reserveCapacity(batch.entryTerms.count + entryCount)
            for _ in 0..<entryCount {
                let text = try reader.index(below: strings.count)
                let part = try reader.index(below: strings.count)
                batch.entryTerms.append(try self.term(text: text, partOfSpeech: part, terms: &terms))
                // Mostly the key as written (0): only a form that differs is kept.
                let form = try optionalString()
                batch.documents.forms.append(try form.flatMap { form throws(RecordError) in
                    form != (try string(at: text)) ? form : nil
                })
                batch.documents.ids.append(-1)
            }
            let sentenceCount = try reader.count(each: 7)
            for _ in 0..<sentenceCount { try sentence(entryCount: entryCount, into: &batch.documents) }
            let compoundCount = try reader.count(each: 2)
            let document = batch.documents.count + 1
            for _ in 0..<compoundCount {
                let index = try reader.index(below: strings.count)
                // A dictionary's keys, so each once in a document.
                guard compoundSeen[index] != document else { throw RecordError() }
                compoundSeen[index] = document
                batch.documents.compounds.append((try compound(index), try reader.int(), -1))
            }
            batch.documents.endDocument(summary)
        }

        /// The number in `terms` of the term whose text and part of speech are strings `text`
        /// and `partOfSpeech`. A term new to `terms` is made from the table's strings
        /// (`string(at:)`, which checks their UTF-8); one found there has the bytes of a term
        /// that was.
        mutating func term(text: Int, partOfSpeech: Int, terms: inout CachedTerms) throws(RecordError) -> Int32 {
            if textParts[text] == partOfSpeech { return textTerms[text] }
            // A local copy (the same storage): a span of `self`'s array would hold `self` borrowed.
            let bytes = self.bytes
            let span = bytes.span
            let number = try terms.number(
                text: span.extracting(unchecked: ranges[text]), partOfSpeech: span.extracting(unchecked: ranges[partOfSpeech])
            ) { () throws(RecordError) in
                Term(text: try string(at: text), partOfSpeech: try string(at: partOfSpeech))
            }
            textTerms[text] = number
            textParts[text] = partOfSpeech
            return number
        }

        /// Decodes a document's summary. (A list is reserved only when it has items: reserving
        /// nothing in an empty array takes the runtime's slow path, 12 ns, a few times a document.)
        mutating func summary() throws(RecordError) -> DocumentSummary {
            let record = try optionalInt()
            let path = try string()
            let encoding = try string()
            let variableCount = try reader.count(each: 2)
            var variables: [DocumentVariable] = []
            if variableCount > 0 { variables.reserveCapacity(variableCount) }
            for _ in 0..<variableCount {
                variables.append(DocumentVariable(name: try string(), value: try string()))
            }
            let byteCount = try reader.int()
            let sha256 = try reader.string()
            let characterCount = try reader.int()
            let paragraphCount = try reader.int()
            let footnoteCount = try reader.int()
            let sentenceCount = try reader.int()
            let tokenCount = try reader.int()
            let termCount = try reader.int()
            let themeOccurrences = try ints()
            let themeSentences = try ints()
            let speakerCount = try reader.count(each: 5)
            var speakers: [SpeakerSummary] = []
            if speakerCount > 0 { speakers.reserveCapacity(speakerCount) }
            for _ in 0..<speakerCount {
                speakers.append(
                    SpeakerSummary(
                        name: try string(), turns: try reader.int(), paragraphs: try reader.int(),
                        sentences: try reader.int(), characters: try reader.int()))
            }
            var summary = DocumentSummary(
                record: record, path: path, encoding: encoding, variables: variables, byteCount: byteCount,
                sha256: sha256, characterCount: characterCount, paragraphCount: paragraphCount,
                footnoteCount: footnoteCount, tokenCount: tokenCount, speakers: speakers)
            summary.sentenceCount = sentenceCount
            summary.termCount = termCount
            summary.themeOccurrences = themeOccurrences
            summary.themeSentences = themeSentences
            let termCountCount = try reader.count(each: 3)
            if termCountCount > 0 { summary.terms.reserveCapacity(termCountCount) }
            for _ in 0..<termCountCount {
                let term = Term(text: try string(), partOfSpeech: try string())
                summary.terms.append(TermCount(term: term, count: try reader.int()))
            }
            let kwicCount = try reader.count(each: 9)
            if kwicCount > 0 { summary.kwic.reserveCapacity(kwicCount) }
            for _ in 0..<kwicCount {
                summary.kwic.append(
                    KwicLine(
                        paragraph: try reader.int(), sentence: try reader.int(), speaker: try optionalString(),
                        match: try string(), left: try string(), keyword: try string(), right: try string(),
                        start: try reader.int(), end: try reader.int()))
            }
            return summary
        }

        /// Decodes the next sentence into `batch`.
        mutating func sentence(entryCount: Int, into batch: inout DocumentBatch) throws(RecordError) {
            let count = try reader.count(each: 2)
            let termLimit = min(entryCount, Int(Int32.max))
            for _ in 0..<count { batch.terms.append(Int32(try reader.index(below: termLimit))) }
            // Checked against the token count once it is read.
            var largest = 0
            for _ in 0..<count {
                let position = try reader.index(below: Int(Int32.max))
                largest = max(largest, position)
                batch.positions.append(Int32(position))
            }
            let tokenCount = try reader.natural()
            guard count == 0 || largest < tokenCount else { throw RecordError() }
            // Only the sentences where a theme occurs have their counts kept.
            let themeStart = batch.themeOccurrences.count
            var previous = -1
            for _ in 0..<(try reader.count(each: 2)) {
                let theme = try reader.index(below: themeCount)
                // Each non-zero theme once, in order.
                guard theme > previous else { throw RecordError() }
                previous = theme
                if batch.themeOccurrences.count == themeStart {
                    batch.themeOccurrences.append(contentsOf: repeatElement(0, count: themeCount))
                }
                batch.themeOccurrences[themeStart + theme] = try reader.int()
            }
            let speaker = try optionalString()
            let paragraph = try reader.int()
            let turn = try optionalInt()
            let section = try reader.int()
            let hitCount = try reader.count(each: 3)
            for _ in 0..<hitCount {
                let match = try reader.int()
                let first = try reader.natural()
                let last = try reader.natural()
                guard first <= last, last < tokenCount else { throw RecordError() }
                batch.hits.append(DocumentAnalysis.Hit(match: match, firstToken: first, lastToken: last))
            }
            batch.sentences.append(
                DocumentBatch.Sentence(
                    termEnd: batch.terms.count, hitEnd: batch.hits.count, themes: themeStart..<batch.themeOccurrences.count,
                    tokenCount: tokenCount,
                    place: SentencePlace(speaker: speaker, paragraph: paragraph, turn: turn, section: section)))
        }

        mutating func ints() throws(RecordError) -> [Int] {
            let count = try reader.count()
            var values: [Int] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try reader.int()) }
            return values
        }

        mutating func optionalInt() throws(RecordError) -> Int? {
            switch try reader.byte() {
            case 0: return nil
            case 1: return try reader.int()
            default: throw RecordError()
            }
        }

        mutating func string() throws(RecordError) -> String {
            try string(at: try reader.index(below: strings.count))
        }

        mutating func optionalString() throws(RecordError) -> String? {
            let index = try reader.index(below: strings.count + 1)
            return index == 0 ? nil : try string(at: index - 1)
        }

        /// String `index` of the table, made and checked as UTF-8 the first time.
        mutating func string(at index: Int) throws(RecordError) -> String {
            if let known = strings[index] { return known }
            guard let string = String(exactUTF8: bytes.span.extracting(unchecked: ranges[index])) else { throw RecordError() }
            strings[index] = string
            return string
        }

        /// The compound key of string `index`.
        mutating func compound(_ index: Int) throws(RecordError) -> CompoundKey {
            if let known = compounds[index] { return known }
            // A key of one noun is that noun, so the joined nouns make the same key without
            // splitting them and joining them again (half of decoding, when it did that).
            let key = CompoundKey(nouns: [try string(at: index)])
            compounds[index] = key
            return key
        }
    }
}
