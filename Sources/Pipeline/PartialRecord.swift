import Analysis
import Bytes
import Foundation

/// One line of a partial (`PartialFile`), parsed: the single entry point from bytes to a record,
/// which throws on anything that is not a well-formed line (a fuzz target can call it on any
/// bytes). What a record means for the merge (theme indices, column counts against the settings)
/// is checked by `PartialMerge`.
enum PartialRecord {
    case header(PartialFile.Header, times: Int)
    case shard(PartialFile.ShardRecord, times: Int)
    case input(InputRecord, times: Int)
    case document(DocumentSummary, times: Int)
    case documentTerms(path: String, record: Int?, terms: [Term], counts: [Int])
    case term(Term, frequency: Int, documents: Int, sentences: Int, units: Int)
    case form(Term, form: String, count: Int)
    /// Units holding exactly these distinct terms (at least two, in term order).
    case unit([Term], count: Int)
    case groupTerm(group: String, Term, count: Int)
    case group(String, values: [Int])
    case compound([String], count: Int)
    case themeTerm(theme: Int, Term, count: Int)
    case themePair(Int, Int, count: Int)
    case collocates(word: Int, Term, values: [Int])
    case totals([Int])
    /// `~ KIND`: the check of the records of `kind` (modulo `PartialCheck.modulus`).
    case check(kind: String, value: UInt64)

    /// What is wrong with a line.
    struct Malformed: Error {
        var reason: String
    }

    /// Parses `line` (without its line end); `check` is the line's part of its kind's check
    /// (nil for a check record), and `sum` its values added up (0 for a check record, whose value
    /// is no count): the merge bounds what it adds by it (`PartialMerge.ValueSum`).
    static func parse(_ line: Span<UInt8>) throws(Malformed)
        -> (record: PartialRecord, kind: String, check: UInt64?, sum: Int)
    {
        guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { throw Malformed(reason: "no TAB between key and value") }
        let key = line.extracting(..<tab)
        var values: [UInt64] = []
        var current: UInt64 = 0
        var digits = 0
        for index in (tab + 1)..<line.count {
            let byte = line[unchecked: index]
            if byte == UInt8(ascii: " ") {
                guard digits > 0 else { throw Malformed(reason: "an empty value") }
                values.append(current)
                (current, digits) = (0, 0)
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 19 else { throw Malformed(reason: "a value too large") }
                current = current * 10 + UInt64(byte - UInt8(ascii: "0"))
            } else {
                throw Malformed(reason: "a value that is not a whole number")
            }
        }
        guard digits > 0 else { throw Malformed(reason: "an empty value") }
        values.append(current)
        guard values.allSatisfy({ $0 <= UInt64(Int64.max) }) else { throw Malformed(reason: "a value too large") }
        let ints = values.map { Int($0) }
        var sum = 0
        for value in ints {
            let (added, overflow) = sum.addingReportingOverflow(value)
            guard !overflow else { throw Malformed(reason: "values too large to add up") }
            sum = added
        }
        // The kind, then the fields.
        let space = key.firstIndex(of: UInt8(ascii: " ")) ?? key.count
        let kind = String(decodingUTF8: key.extracting(..<space))
        let rest = space < key.count ? key.extracting((space + 1)...) : key.extracting(space...)
        let hasFields = space < key.count
        func one() throws(Malformed) -> Int {
            guard ints.count == 1 else { throw Malformed(reason: "\(ints.count) values where 1 is expected") }
            return ints[0]
        }
        func json<T: Decodable>(_ type: T.Type, _ rest: Span<UInt8>) throws(Malformed) -> T {
            var text: [UInt8] = []
            text.append(copying: rest)
            guard hasFields, let value = try? JSONDecoder().decode(type, from: Data(text)) else {
                throw Malformed(reason: "a malformed \(kind) record")
            }
            return value
        }
        var fields = Fields(count: rest.count, present: hasFields)
        let record: PartialRecord
        switch kind {
        case "~":
            let name = try fields.text(in: rest)
            try fields.end()
            guard values.count == 1 else { throw Malformed(reason: "a check record holds one value") }
            return (.check(kind: name, value: values[0] % PartialCheck.modulus), kind, nil, 0)
        case "@":
            let header = try json(PartialFile.Header.self, rest)
            guard header.schema == PartialFile.schema else { throw Malformed(reason: "not a \(PartialFile.schema) record") }
            record = .header(header, times: try one())
        case "@s":
            let listing = try fields.text(in: rest), index = try fields.number(in: rest), count = try fields.number(in: rest)
            try fields.end()
            guard count >= 1, index < count else { throw Malformed(reason: "no shard \(index)/\(count)") }
            record = .shard(PartialFile.ShardRecord(listing: listing, index: index, count: count), times: try one())
        case "i": record = .input(try json(InputRecord.self, rest), times: try one())
        case "d": record = .document(try json(DocumentSummary.self, rest), times: try one())
        case "w":
            let path = try fields.text(in: rest), row = try fields.text(in: rest)
            let number: Int?
            if row == "-" {
                number = nil
            } else if let value = Int(row), value >= 1 {
                number = value
            } else {
                throw Malformed(reason: "a malformed record number")
            }
            var terms: [Term] = []
            while !fields.atEnd { terms.append(try fields.term(in: rest)) }
            guard !terms.isEmpty, terms.count == ints.count else { throw Malformed(reason: "terms and counts do not pair up") }
            record = .documentTerms(path: path, record: number, terms: terms, counts: ints)
        case "t":
            let term = try fields.term(in: rest)
            try fields.end()
            guard ints.count == 4 else { throw Malformed(reason: "a term record holds 4 values") }
            record = .term(term, frequency: ints[0], documents: ints[1], sentences: ints[2], units: ints[3])
        case "f":
            let term = try fields.term(in: rest), form = try fields.text(in: rest)
            try fields.end()
            record = .form(term, form: form, count: try one())
        case "u":
            var terms: [Term] = []
            while !fields.atEnd { terms.append(try fields.term(in: rest)) }
            guard terms.count > 1, zip(terms, terms.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw Malformed(reason: "a unit's terms are not two or more in term order")
            }
            // A writer writes units that occurred, and a reduce only adds to them.
            let count = try one()
            guard count >= 1 else { throw Malformed(reason: "a unit counted 0 times") }
            record = .unit(terms, count: count)
        case "g":
            let group = try fields.text(in: rest), term = try fields.term(in: rest)
            try fields.end()
            record = .groupTerm(group: group, term, count: try one())
        case "G":
            let group = try fields.text(in: rest)
            try fields.end()
            guard ints.count >= 2 else { throw Malformed(reason: "a group record holds at least 2 values") }
            record = .group(group, values: ints)
        case "c":
            var nouns: [String] = []
            while !fields.atEnd { nouns.append(try fields.text(in: rest)) }
            guard !nouns.isEmpty else { throw Malformed(reason: "a compound without nouns") }
            record = .compound(nouns, count: try one())
        case "h":
            let theme = try fields.number(in: rest), term = try fields.term(in: rest)
            try fields.end()
            record = .themeTerm(theme: theme, term, count: try one())
        case "H":
            let first = try fields.number(in: rest), second = try fields.number(in: rest)
            try fields.end()
            guard first < second else { throw Malformed(reason: "a theme pair out of order") }
            record = .themePair(first, second, count: try one())
        case "l":
            let word = try fields.number(in: rest), term = try fields.term(in: rest)
            try fields.end()
            guard ints.count == 2 * CorpusCounts.collocationSpan else { throw Malformed(reason: "a collocation record holds 10 values") }
            record = .collocates(word: word, term, values: ints)
        case "T":
            try fields.end()
            guard ints.count >= 6 else { throw Malformed(reason: "a totals record holds at least 6 values") }
            record = .totals(ints)
        default:
            throw Malformed(reason: "an unknown record kind '\(kind)'")
        }
        return (record, kind, PartialCheck.of(key: key, values: values), sum)
    }

    /// The space-separated, escaped fields of a key: a cursor over the key's bytes, which each
    /// read is given (`in:`).
    private struct Fields {
        /// The key's length.
        let count: Int
        var index: Int
        let present: Bool

        init(count: Int, present: Bool) {
            self.count = count
            self.present = present
            index = present ? 0 : count + 1
        }

        var atEnd: Bool { index > count }

        /// Where the next field is in `bytes`.
        mutating func raw(in bytes: Span<UInt8>) throws(Malformed) -> Range<Int> {
            guard index <= count else { throw Malformed(reason: "a field is missing") }
            let end = bytes.firstIndex(of: UInt8(ascii: " "), in: index..<count) ?? count
            defer { index = end + 1 }
            return index..<end
        }

        mutating func text(in bytes: Span<UInt8>) throws(Malformed) -> String {
            let field = bytes.extracting(try raw(in: bytes))
            guard !field.isEmpty, let text = PartialField.decode(field) else { throw Malformed(reason: "a malformed field") }
            return text
        }

        mutating func number(in bytes: Span<UInt8>) throws(Malformed) -> Int {
            let field = bytes.extracting(try raw(in: bytes))
            guard field.count <= 9, !field.isEmpty else { throw Malformed(reason: "a malformed number") }
            var value = 0
            for index in field.indices {
                let byte = field[unchecked: index]
                guard byte >= 0x30 && byte <= 0x39 else { throw Malformed(reason: "a malformed number") }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }

        mutating func term(in bytes: Span<UInt8>) throws(Malformed) -> Term {
            let text = try text(in: bytes)
            let code = bytes.extracting(try raw(in: bytes))
            let partOfSpeech: String
            if code.count == 1, let index = PartialFile.letters.firstIndex(of: code[0]),
                index < PartialFile.partsOfSpeech.count
            {
                partOfSpeech = PartialFile.partsOfSpeech[index]
            } else if code.count > 1, code[0] == UInt8(ascii: "="),
                let decoded = PartialField.decode(code.extracting(1...))
            {
                partOfSpeech = decoded
            } else {
                throw Malformed(reason: "a malformed part of speech")
            }
            return Term(text: text, partOfSpeech: partOfSpeech)
        }

        func end() throws(Malformed) {
            guard atEnd else { throw Malformed(reason: "more fields than the record has") }
        }
    }
}
