import Analysis
import Bytes
import Corpus

extension AnalysisRecord {
    /// Appends records to a byte buffer that is kept from one record to the next, with the
    /// string table's scratch space.
    struct Encoder {
        /// The records written so far (the caller takes them out and empties this).
        var bytes: [UInt8] = []
        private var strings = RecordStringTable()

        /// Appends the record of `entry` under `key`; returns where it starts in `bytes`.
        @discardableResult
        mutating func append(_ entry: AnalysisCache.Entry, key: CacheKey, themeCount: Int) -> Int {
            let (documents, terms) = DocumentBatch.of(entry.analyses)
            return append(
                encoding: entry.encoding, chunks: entry.chunks, documents: documents, key: key, themeCount: themeCount
            ) { terms[$0] }
        }

        /// Appends the record of an input (or of a chunk of it) whose analyses are `documents`,
        /// each entry's term given by `term` (its index in the batch), under `key`; returns where
        /// it starts in `bytes`.
        @discardableResult
        mutating func append(
            encoding: TextEncoding, chunks: Int, documents: DocumentBatch, key: CacheKey, themeCount: Int,
            term: (Int) -> Term
        ) -> Int {
            let start = bytes.count
            strings.reset()
            bytes.append(AnalysisRecord.version)
            key.append(to: &bytes)
            bytes.appendVarint(themeCount)
            let tableOffsetAt = bytes.count
            bytes.appendFixed64(0)
            string(encoding.rawValue)
            bytes.appendVarint(chunks)
            bytes.appendVarint(documents.count)
            var from = DocumentBatch.Start()
            for (index, document) in documents.documents.enumerated() {
                summary(documents.summaries[index])
                bytes.appendVarint(document.entryEnd - from.entry)
                for entry in from.entry..<document.entryEnd {
                    let term = term(entry)
                    string(term.text)
                    string(term.partOfSpeech)
                    // Mostly the key as written: then 0, and no second lookup.
                    optionalString(documents.forms[entry])
                }
                bytes.appendVarint(document.sentenceEnd - from.sentence)
                for sentence in documents.sentences[from.sentence..<document.sentenceEnd] {
                    self.sentence(sentence, terms: from.term, hits: from.hit, of: documents)
                    (from.term, from.hit) = (sentence.termEnd, sentence.hitEnd)
                }
                bytes.appendVarint(document.compoundEnd - from.compound)
                for (compound, count) in documents.compounds[from.compound..<document.compoundEnd] {
                    string(compound.joined)
                    bytes.appendInt(count)
                }
                (from.entry, from.sentence, from.compound) = (document.entryEnd, document.sentenceEnd, document.compoundEnd)
            }
            let tableOffset = UInt64(bytes.count - start)
            for index in 0..<8 { bytes[tableOffsetAt + index] = UInt8(truncatingIfNeeded: tableOffset >> UInt64(8 * index)) }
            bytes.appendVarint(strings.count)
            bytes.append(contentsOf: strings.bytes)
            return start
        }

        private mutating func summary(_ summary: DocumentSummary) {
            optionalInt(summary.record)
            string(summary.path)
            string(summary.encoding)
            bytes.appendVarint(summary.variables.count)
            for variable in summary.variables {
                string(variable.name)
                string(variable.value)
            }
            bytes.appendInt(summary.byteCount)
            // Each document's own: written in place, not looked up in the table.
            bytes.appendString(summary.sha256)
            bytes.appendInt(summary.characterCount)
            bytes.appendInt(summary.paragraphCount)
            bytes.appendInt(summary.footnoteCount)
            bytes.appendInt(summary.sentenceCount)
            bytes.appendInt(summary.tokenCount)
            bytes.appendInt(summary.termCount)
            ints(summary.themeOccurrences)
            ints(summary.themeSentences)
            bytes.appendVarint(summary.speakers.count)
            for speaker in summary.speakers {
                string(speaker.name)
                bytes.appendInt(speaker.turns)
                bytes.appendInt(speaker.paragraphs)
                bytes.appendInt(speaker.sentences)
                bytes.appendInt(speaker.characters)
            }
            bytes.appendVarint(summary.terms.count)
            for term in summary.terms {
                string(term.term.text)
                string(term.term.partOfSpeech)
                bytes.appendInt(term.count)
            }
            bytes.appendVarint(summary.kwic.count)
            for line in summary.kwic {
                bytes.appendInt(line.paragraph)
                bytes.appendInt(line.sentence)
                optionalString(line.speaker)
                string(line.match)
                string(line.left)
                string(line.keyword)
                string(line.right)
                bytes.appendInt(line.start)
                bytes.appendInt(line.end)
            }
        }

        /// Writes `sentence` of `documents`, whose terms and hits start at `terms` and `hits`.
        private mutating func sentence(_ sentence: DocumentBatch.Sentence, terms: Int, hits: Int, of documents: DocumentBatch) {
            bytes.appendVarint(sentence.termEnd - terms)
            for term in documents.terms[terms..<sentence.termEnd] { bytes.appendVarint(Int(term)) }
            for position in documents.positions[terms..<sentence.termEnd] { bytes.appendVarint(Int(position)) }
            bytes.appendVarint(sentence.tokenCount)
            let themes = documents.themeOccurrences[sentence.themes]
            bytes.appendVarint(themes.reduce(0) { $1 != 0 ? $0 + 1 : $0 })
            for (theme, count) in themes.enumerated() where count != 0 {
                bytes.appendVarint(theme)
                bytes.appendInt(count)
            }
            let place = sentence.place
            optionalString(place.speaker)
            bytes.appendInt(place.paragraph)
            optionalInt(place.turn)
            bytes.appendInt(place.section)
            bytes.appendVarint(sentence.hitEnd - hits)
            for hit in documents.hits[hits..<sentence.hitEnd] {
                bytes.appendInt(hit.match)
                bytes.appendVarint(hit.firstToken)
                bytes.appendVarint(hit.lastToken)
            }
        }

        private mutating func ints(_ values: [Int]) {
            bytes.appendVarint(values.count)
            for value in values { bytes.appendInt(value) }
        }

        private mutating func optionalInt(_ value: Int?) {
            bytes.append(value == nil ? 0 : 1)
            if let value { bytes.appendInt(value) }
        }

        /// Writes `string`'s index in the table, adding it there the first time.
        private mutating func string(_ string: String) {
            bytes.appendVarint(strings.index(of: string))
        }

        /// Writes 0 for none, else the string's index + 1.
        private mutating func optionalString(_ string: String?) {
            bytes.appendVarint(string.map { strings.index(of: $0) + 1 } ?? 0)
        }
    }
}
