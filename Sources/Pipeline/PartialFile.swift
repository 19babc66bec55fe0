import Analysis
import Bytes
import Foundation
import Reporting

/// Partial counts as key/value lines: what `kotoba count` writes and `kotoba merge` adds up
/// (docs/PARTIALS.md describes the format for engine users).
///
/// Every line is `KEY<TAB>VALUE`, where VALUE is one or more non-negative decimal integers
/// separated by spaces, and adding the values of equal keys, column by column, is the whole
/// reduce: Spark's `reduceByKey`, a Hadoop reducer, `kotoba merge --partial` or a plain
/// concatenation all give partials that merge to the same reports. Lines stand alone, so they may
/// be concatenated, split, shuffled or sorted.
///
/// ```
/// @ {"analysis":…,"schema":"kotoba.partial/4",…}   1      the settings (their count: partials)
/// @s LISTING 3 8                                  1      shard 3 of 8 of one input list
/// i {"path":"corpus/a.txt",…}                      1      an input
/// d {"path":"corpus/a.txt",…}                      1      a document's summary
/// w corpus/a.txt - 地域 L 活性 L                    3 1    the document's terms and counts
/// t 地域 L                                         34 1 25 25   tf df sf uf
/// f macc L MACC                                   2      a case-folded term's written form
/// u 活性 L 地域 L 支援 E                           3      co-occurrence units with exactly these distinct terms
/// g SPEAKER 地域 L                                 5      a term's occurrences in a group
/// G SPEAKER                                       40 12 3 0     a group's terms, sentences, theme sentences
/// c 地域 活性                                      4      a compound candidate's nouns
/// h 0 地域 L                                       5      sentences with theme 0 and the term
/// H 0 2                                           4      sentences with themes 0 and 2
/// l 0 支援 A                                       2 0 1 0 0 0 1 0 0 0   L1–L5, R1–R5 of word 0
/// T                                               …      corpus totals
/// ~ p                                             1234567   the check of the p records
/// ```
///
/// Records that are not sums (settings, inputs, documents) carry their content in the key and
/// 1 as the value: a value above 1 after a reduce, or two keys for one document, is a repeat the
/// merge refuses. Fields are separated by one space; in a field `\` is written `\\`, a space `\s`,
/// TAB `\t`, LF `\n`, CR `\r`, and the empty string `\-`. A term is its text and its part of
/// speech, written as a letter of `partsOfSpeech` where it is one of KH Coder's categories.
///
/// **Checks.** `~ KIND` holds the sum, modulo the prime 2³¹ − 1, of every record of that kind's
/// values, each column weighted by a hash of the key and the column (`PartialCheck`). The sum is
/// linear, so it survives a reduce, a sort and a split exactly as the records do: the merge adds
/// the same sums over what it reads and compares them with the check records, which a reduce has
/// added up too. A line dropped or cut off, or a digit changed, makes them differ (exit 65).
enum PartialFile {
    static let schema = "kotoba.partial/4"

    /// KH Coder's categories, each written as one letter (`A` for the first …) in a term's field.
    static let partsOfSpeech = TermCategory.all
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// The settings: what the counts were made with. Partials merge only when these are equal.
    struct Header: Equatable, Codable {
        var schema = PartialFile.schema
        var analysis: String
        var themes: [ThemeRecord]
        /// What the group counts are by (`speaker`, `folder`, a variable), if any.
        var groupBy: String?
        /// The co-occurrence unit, and the window's size (for the window unit).
        var unit: CooccurrenceUnit
        var window: Int
        /// The words looked for (`--kwic`), whose collocates are counted.
        var words: [String]

        /// Counts to add partials with this header to.
        func emptyCounts() -> CorpusCounts {
            CorpusCounts(
                themeNames: themes.map(\.name), grouping: groupBy.map(CorpusCounts.Grouping.init(name:)), unit: unit,
                window: window, words: words)
        }

        /// The columns of the totals record `T`.
        var totalsColumns: Int { 6 + 3 * themes.count + words.count }
    }

    struct ThemeRecord: Equatable, Codable {
        var name: String
        var forms: [String]
    }

    /// How a partial names a document: by the `path` and `record` its rows in the reports show
    /// (`DocumentSummary`), through this one type in the writer and the merge, so that a merge
    /// equals a single run whatever the reports' path convention, and a repeat is named as the
    /// reports would name it.
    struct DocumentID: Hashable, CustomStringConvertible {
        var path: String
        var record: Int?

        init(path: String, record: Int?) {
            self.path = path
            self.record = record
        }

        init(_ summary: DocumentSummary) {
            self.init(path: summary.path, record: summary.record)
        }

        /// The record field of a `w` key: the row number, or `-` for a whole file.
        var recordField: String { record.map(String.init) ?? "-" }

        var description: String { record.map { "\(path) (record \($0))" } ?? path }
    }

    /// A shard record: which of `count` shards of the input list hashed to `listing` a partial holds.
    struct ShardRecord: Hashable {
        var listing: String
        var index: Int
        var count: Int
    }

    /// The partial's bytes: `header` (with the number of map-step partials it adds up), the shards
    /// it covers (with how many times each was counted), `inputs` and `counts`.
    static func bytes(
        header: Header, partials: Int, shards: [ShardRecord: Int], inputs: [InputRecord], counts: CorpusCounts
    ) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        var out = PartialWriter()
        out.begin("@")
        out.raw(try json(header))
        out.end(partials)
        for (shard, times) in shards.sorted(by: { ($0.key.listing, $0.key.index) < ($1.key.listing, $1.key.index) }) {
            out.begin("@s")
            out.fields([shard.listing, String(shard.index), String(shard.count)])
            out.end(times)
        }
        for input in inputs.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            out.begin("i")
            out.raw(try json(input))
            out.end(1)
        }
        // Each term's place in term order: sorting by it sorts by term, comparing integers, not strings.
        let order = counts.terms.indices.sorted { counts.terms[$0] < counts.terms[$1] }
        var rank = [Int32](repeating: 0, count: counts.terms.count)
        for (place, id) in order.enumerated() { rank[id] = Int32(place) }
        // Each term's fields, escaped once: units and documents write them again and again.
        let encoded = counts.terms.map(PartialWriter.encode)
        for index in counts.sortedDocumentIndices {
            var summary = counts.documents[index]
            summary.terms = []
            out.begin("d")
            out.raw(try json(summary))
            out.end(1)
            // Terms sorted, so that a partial's bytes do not depend on hashing.
            let terms = counts.terms(ofDocument: index).sorted { rank[Int($0.id)] < rank[Int($1.id)] }
            guard !terms.isEmpty else { continue }
            let id = DocumentID(summary)
            out.begin("w")
            out.fields([id.path, id.recordField])
            for (term, _) in terms { out.encoded(encoded[Int(term)]) }
            out.end(terms.map(\.count))
        }
        let unitFrequency = counts.unitFrequency
        for id in order {
            out.begin("t")
            out.term(counts.terms[id])
            out.end([counts.termFrequency[id], counts.documentFrequency[id], counts.sentenceFrequency[id], unitFrequency[id]])
        }
        for id in order {
            guard let forms = counts.termForms[Int32(id)] else { continue }
            for (form, count) in forms.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) where count > 0 {
                out.begin("f")
                out.term(counts.terms[id])
                out.fields([form])
                out.end(count)
            }
        }
        // Units by their terms in term order: the same units give the same key in every partial.
        let units = counts.unitSets.map { set, count in (set.map { rank[Int($0)] }.sorted(), count) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
        for (places, count) in units where count > 0 {
            out.begin("u")
            for place in places { out.encoded(encoded[order[Int(place)]]) }
            out.end(count)
        }
        let groups = Set(counts.groupTerms.keys).union(counts.groupSentences.keys)
        for group in groups.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let terms = (counts.groupTerms[group] ?? [:]).map { (counts.terms[Int($0.key)], $0.value) }.sorted { $0.0 < $1.0 }
            for (term, count) in terms where count > 0 {
                out.begin("g")
                out.fields([group])
                out.term(term)
                out.end(count)
            }
            let themes = counts.groupThemeSentences[group] ?? Array(repeating: 0, count: header.themes.count)
            out.begin("G")
            out.fields([group])
            out.end([counts.groupTotals[group] ?? 0, counts.groupSentences[group] ?? 0] + themes)
        }
        for (compound, count) in zip(counts.compoundKeys, counts.compoundCounts).sorted(by: { $0.0 < $1.0 }) where count > 0 {
            out.begin("c")
            out.fields(compound.nouns)
            out.end(count)
        }
        for (theme, terms) in counts.themeTermSentences.enumerated() {
            for (term, count) in terms.map({ (counts.terms[Int($0.key)], $0.value) }).sorted(by: { $0.0 < $1.0 }) where count > 0 {
                out.begin("h")
                out.fields([String(theme)])
                out.term(term)
                out.end(count)
            }
        }
        for (first, row) in counts.themePairSentences.enumerated() {
            for (second, count) in row.enumerated() where count > 0 {
                out.begin("H")
                out.fields([String(first), String(second)])
                out.end(count)
            }
        }
        for (word, terms) in counts.collocates.enumerated() {
            for (term, near) in terms.map({ (counts.terms[Int($0.key)], $0.value) }).sorted(by: { $0.0 < $1.0 }) {
                out.begin("l")
                out.fields([String(word)])
                out.term(term)
                out.end(near.left + near.right)
            }
        }
        let totals = counts.totals
        out.begin("T")
        out.end(
            [totals.documents, totals.sentences, totals.units, totals.paragraphs, totals.tokens, totals.termTokens]
                + totals.themeOccurrences + totals.themeSentences + totals.themeDocuments + (totals.wordOccurrences ?? []))
        out.finish()
        return out.bytes
    }
}

/// Writes the lines of a partial (`PartialFile`) and their check records.
struct PartialWriter {
    private(set) var bytes: [UInt8] = []
    private var keyStart = 0
    private var kind: [UInt8] = []
    /// Per kind, the check of its records so far.
    private var checks: [[UInt8]: UInt64] = [:]

    /// Starts a record of `kind`.
    mutating func begin(_ kind: String) {
        keyStart = bytes.count
        self.kind = Array(kind.utf8)
        bytes += self.kind
    }

    /// Appends text fields, escaped.
    mutating func fields(_ texts: [String]) {
        for text in texts {
            bytes.append(UInt8(ascii: " "))
            PartialField.append(text, to: &bytes)
        }
    }

    /// Appends a term: its text, and its part of speech (a letter where it is a category).
    mutating func term(_ term: Term) {
        encoded(Self.encode(term))
    }

    /// Appends a term's fields as `encode` made them.
    mutating func encoded(_ fields: [UInt8]) {
        bytes += fields
    }

    /// A term's two fields, each after a space.
    static func encode(_ term: Term) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: " ")]
        PartialField.append(term.text, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        if let index = PartialField.letterIndex[term.partOfSpeech] {
            bytes.append(PartialFile.letters[index])
        } else {
            bytes.append(UInt8(ascii: "="))
            PartialField.append(term.partOfSpeech, to: &bytes)
        }
        return bytes
    }

    /// Appends `text` as it is (JSON, which holds no TAB or line break).
    mutating func raw(_ text: String) {
        bytes.append(UInt8(ascii: " "))
        bytes += text.utf8
    }

    mutating func end(_ value: Int) { end([value]) }

    /// Ends the record with its values, and adds it to its kind's check.
    mutating func end(_ values: [Int]) {
        let check = PartialCheck.of(key: bytes.span.extracting(keyStart...), values: values.map { UInt64($0) })
        checks[kind, default: 0] = PartialCheck.add(checks[kind, default: 0], check)
        bytes.append(UInt8(ascii: "\t"))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            bytes += String(value).utf8
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Writes the check records, one per kind written.
    mutating func finish() {
        for (kind, check) in checks.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            bytes += Array("~ ".utf8) + kind + [UInt8(ascii: "\t")] + Array(String(check).utf8) + [UInt8(ascii: "\n")]
        }
    }
}

/// The check of partial records: per record, the sum of its values, each weighted by a hash of
/// the key and the column, modulo the prime 2³¹ − 1. Linear in the values, so the check of
/// records whose equal keys were added up is the sum of their checks; a prime modulus, so that a
/// single changed value always changes it; below 2³¹, so that 2³² checks add up in an Int64.
enum PartialCheck {
    static let modulus: UInt64 = 2_147_483_647

    static func of(key: Span<UInt8>, values: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in key.indices {
            hash ^= UInt64(key[unchecked: index])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var sum: UInt64 = 0
        for (column, value) in values.enumerated() {
            // SplitMix64's finalizer: each column gets its own weight in 1..<modulus.
            var z = hash &+ UInt64(column + 1) &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let weight = z % (modulus - 1) + 1
            sum = (sum + weight * (value % modulus)) % modulus
        }
        return sum
    }

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 { (a + b) % modulus }
}

/// A field of a partial's key: escaped text (`PartialFile`).
enum PartialField {
    static let letterIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: PartialFile.partsOfSpeech.enumerated().map { ($0.element, $0.offset) })

    static func append(_ text: String, to bytes: inout [UInt8]) {
        if text.isEmpty {
            bytes += [UInt8(ascii: "\\"), UInt8(ascii: "-")]
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: " "): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "s")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }

    /// The text of an escaped field; `nil` for a bad escape or bytes that are not UTF-8.
    static func decode(_ field: Span<UInt8>) -> String? {
        guard field.firstIndex(of: UInt8(ascii: "\\")) != nil else { return String(exactUTF8: field) }
        if field.count == 2, field[0] == UInt8(ascii: "\\"), field[1] == UInt8(ascii: "-") { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var index = 0
        while index < field.count {
            let byte = field[index]
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                index += 1
                continue
            }
            guard index + 1 < field.count else { return nil }
            switch field[index + 1] {
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "s"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "t"): bytes.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
            default: return nil
            }
            index += 2
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return text
    }
}
