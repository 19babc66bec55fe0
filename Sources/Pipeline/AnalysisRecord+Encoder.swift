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
            let start = bytes.count
            strings.reset()
            bytes.append(AnalysisRecord.version)
            key.append(to: &bytes)
            bytes.appendVarint(themeCount)
            let tableOffsetAt = bytes.count
            bytes.appendFixed64(0)
            string(entry.encoding.rawValue)
            bytes.appendVarint(entry.chunks)
            bytes.appendVarint(entry.analyses.count)
            for analysis in entry.analyses {
                summary(analysis.summary)
                bytes.appendVarint(analysis.entries.count)
                for item in analysis.entries {
                    string(item.term.text)
                    string(item.term.partOfSpeech)
                    // Mostly the key as written: then 0, and no second lookup.
                    if RecordStringTable.sameBytes(item.form, item.term.text) {
                        bytes.append(0)
                    } else {
                        optionalString(item.form)
                    }
                }
                bytes.appendVarint(analysis.sentences.count)
                for sentence in analysis.sentences { self.sentence(sentence) }
                bytes.appendVarint(analysis.compounds.count)
                for (compound, count) in analysis.compounds {
                    string(compound.joined)
                    bytes.appendInt(count)
                }
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

        private mutating func sentence(_ sentence: DocumentAnalysis.Sentence) {
            bytes.appendVarint(sentence.terms.count)
            for term in sentence.terms { bytes.appendVarint(Int(term)) }
            for position in sentence.positions { bytes.appendVarint(Int(position)) }
            bytes.appendVarint(sentence.tokenCount)
            let themes = sentence.themeOccurrences
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
            bytes.appendVarint(sentence.hits.count)
            for hit in sentence.hits {
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
