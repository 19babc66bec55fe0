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
        /// The record being written, counted from 1.
        private var record: UInt32 = 0
        /// Per entry number (`BatchTerms.number(of:)`): the record whose table has its strings
        /// (0: none yet), and their numbers there (the form's + 1, or 0).
        private var entryRecords: [UInt32] = []
        private var entryStrings: [(text: Int32, part: Int32, form: Int32)] = []
        /// Per entry number, its strings' hashes (`RecordStringTable.hash(of:)`; the form's 0
        /// where it has none), made the first time the number is met when numbers last
        /// (`BatchTerms.numbersLast`: one worker's entries, its encoder's only source of them):
        /// an entry's strings go into the table of every record it occurs in, and hashing them
        /// each time was a third of that (the survey's records put 1.3 million entries in their
        /// tables).
        private var entryHashes: [(text: UInt64, part: UInt64, form: UInt64)?] = []
        /// Per place of a summary's strings (`repeatedString`): the last string written there in
        /// this record, and its number.
        private var lastSummaryStrings: [(string: String, index: Int)?] = []

        /// Appends the record of `entry` under `key`; returns where it starts in `bytes`.
        @discardableResult
        mutating func append(_ entry: AnalysisCache.Entry, key: CacheKey, themeCount: Int) -> Int {
            let (documents, terms) = DocumentBatch.of(entry.analyses)
            return append(
                encoding: entry.encoding, chunks: entry.chunks, documents: documents, terms: terms, key: key,
                themeCount: themeCount)
        }

        /// Appends the record of an input (or of a chunk of it) whose analyses are `documents`,
        /// their entries' terms in `terms`, under `key`; returns where it starts in `bytes`.
        @discardableResult
        mutating func append<Terms: BatchTerms>(
            encoding: TextEncoding, chunks: Int, documents: DocumentBatch, terms: Terms, key: CacheKey, themeCount: Int
        ) -> Int {
            let start = bytes.count
            strings.reset()
            startRecord()
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
                    self.entry(entry, of: documents, terms: terms)
                }
                bytes.appendVarint(document.sentenceEnd - from.sentence)
                for sentence in documents.sentences[from.sentence..<document.sentenceEnd] {
                    self.sentence(sentence, terms: from.term, hits: from.hit, of: documents)
                    (from.term, from.hit) = (sentence.termEnd, sentence.hitEnd)
                }
                bytes.appendVarint(document.compoundEnd - from.compound)
                for (compound, count, _) in documents.compounds[from.compound..<document.compoundEnd] {
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

        private mutating func summary(_ summary: borrowing DocumentSummary) {
            optionalInt(summary.record)
            repeatedString(summary.path, place: 0)
            repeatedString(summary.encoding, place: 1)
            bytes.appendVarint(summary.variables.count)
            for (index, variable) in summary.variables.enumerated() {
                repeatedString(variable.name, place: 2 + 2 * index)
                repeatedString(variable.value, place: 3 + 2 * index)
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

        /// Writes entry `entry`'s term, part of speech and written form (0 where it is the term's
        /// text): their strings' numbers, looked up once per record for all the entries that
        /// share the entry's number (`BatchTerms.number(of:)`).
        private mutating func entry<Terms: BatchTerms>(_ entry: Int, of documents: DocumentBatch, terms: Terms) {
            let number = terms.number(of: entry)
            if number >= entryRecords.count {
                let grown = max(number + 1, entryRecords.count * 2)
                entryRecords.append(contentsOf: repeatElement(0, count: grown - entryRecords.count))
                entryStrings.append(contentsOf: repeatElement((text: Int32(0), part: Int32(0), form: Int32(0)), count: grown - entryStrings.count))
                entryHashes.append(contentsOf: repeatElement(nil, count: grown - entryHashes.count))
            }
            if entryRecords[number] != record {
                let term = terms[entry]
                let form = documents.forms[entry]
                let hashes: (text: UInt64, part: UInt64, form: UInt64)
                if terms.numbersLast, let known = entryHashes[number] {
                    hashes = known
                } else {
                    hashes = (
                        RecordStringTable.hash(of: term.text), RecordStringTable.hash(of: term.partOfSpeech),
                        form.map(RecordStringTable.hash(of:)) ?? 0
                    )
                    entryHashes[number] = terms.numbersLast ? hashes : nil
                }
                entryStrings[number] = (
                    Int32(strings.index(of: term.text, hash: hashes.text)),
                    Int32(strings.index(of: term.partOfSpeech, hash: hashes.part)),
                    Int32(form.map { strings.index(of: $0, hash: hashes.form) + 1 } ?? 0)
                )
                entryRecords[number] = record
            }
            let (text, part, form) = entryStrings[number]
            bytes.appendVarint(Int(text))
            bytes.appendVarint(Int(part))
            bytes.appendVarint(Int(form))
        }

        /// Starts a record: the entries' strings of the record before are no longer in the table.
        private mutating func startRecord() {
            lastSummaryStrings.removeAll(keepingCapacity: true)
            record &+= 1
            if record == 0 {
                // After 2³² records the stamps start again: forget the old ones.
                for index in entryRecords.indices { entryRecords[index] = 0 }
                record = 1
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

        /// Writes `string`'s index in the table as `string(_:)` does, for a string that is often
        /// the one at the same `place` of the record's previous summary (a table's path,
        /// encoding, column names, a column's few values): that is checked first, by equality,
        /// which two copies of one string pass at once, before the string is hashed. Equal means
        /// the same bytes (`hasSameUTF8`): `==` took a value spelled composed in one row for the
        /// decomposed one of the row before, and the cache gave back the first spelling for both.
        private mutating func repeatedString(_ string: String, place: Int) {
            if place < lastSummaryStrings.count, let last = lastSummaryStrings[place],
                last.string.hasSameUTF8(as: string)
            {
                bytes.appendVarint(last.index)
                return
            }
            let index = strings.index(of: string)
            if place >= lastSummaryStrings.count {
                lastSummaryStrings.append(contentsOf: repeatElement(nil, count: place + 1 - lastSummaryStrings.count))
            }
            lastSummaryStrings[place] = (string, index)
            bytes.appendVarint(index)
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
