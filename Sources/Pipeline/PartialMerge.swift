import Analysis
import Bytes
import Corpus
import Foundation

/// Adds up partials (`PartialFile`) as a stream: lines are read a buffer at a time (through zlib,
/// so gzip-compressed partials are read as they are: `PartialGzip`) and added to
/// one `CorpusCounts` as they come, in whatever order (natural, shuffled, sorted, reduced), so
/// memory holds the vocabulary, the pairs and the documents' summaries, never the partials.
///
/// It reads its sources twice: once for the settings records (`@`), which say what the counts
/// are (themes, words, unit), and once for everything. Then it verifies the checks (`~`) against
/// what it read (exit 65, naming the file and the records that do not add up), the settings
/// (all equal, else 78), the shards (each of one listing exactly once) and the documents (each
/// counted once, else 78 naming it).
struct PartialMerge {
    /// What a set of partials adds up to.
    struct Merged {
        var header: PartialFile.Header
        /// The number of map-step partials merged (the settings record's value).
        var partials: Int
        var shards: [PartialFile.ShardRecord: Int]
        var inputs: [InputRecord]
        var counts: CorpusCounts
    }

    /// Where partial lines come from: a file (`-`: standard input), or bytes in memory.
    enum Source {
        case file(String)
        case bytes(name: String, [UInt8])

        var name: String {
            switch self {
            case .file(let path): path
            case .bytes(let name, _): name
            }
        }
    }

    /// Merges `sources`; with `complete`, the shards must cover their listing (a final merge),
    /// else they may be any part of it (a combiner's, `merge --partial`). With `pairTerms`, pairs
    /// are counted among the `pairTerms` most frequent terms only, as the reports keep them (the
    /// first pass adds up the terms' frequencies to know them), so the pair table is bounded as a
    /// run's is; without, the units are kept as they are, for a partial.
    static func merge(_ sources: [Source], complete: Bool = true, pairTerms: Int? = nil) throws(PipelineError) -> Merged {
        // Standard input is read once into a temporary file, so that it can be read twice.
        var spooled: [String] = []
        defer { for path in spooled { try? FileManager.default.removeItem(atPath: path) } }
        var readable: [(name: String, source: Source)] = []
        for source in sources {
            if case .file("-") = source {
                let path = try spoolStandardInput()
                spooled.append(path)
                readable.append(("-", .file(path)))
            } else {
                readable.append((source.name, source))
            }
        }
        // Pass 1: the settings, and the terms' frequencies.
        var headers: [(header: PartialFile.Header, name: String)] = []
        var frequencies = CorpusCounts(themeNames: [])
        var frequencySum = ValueSum()
        for (name, source) in readable {
            try forEachLine(of: source, name: name) { line, number throws(PipelineError) in
                guard line.count > 1, line[1] == UInt8(ascii: " ") else { return }
                if line[0] == UInt8(ascii: "t"), pairTerms != nil {
                    let parsed = try parse(line, name: name, number: number)
                    if case .term(let term, let frequency, _, _, _) = parsed.record {
                        try frequencySum.add(parsed.sum, name: name, number: number)
                        frequencies.addTerm(term, frequency: frequency, documents: 0, sentences: 0, units: 0, forms: [:])
                    }
                }
                guard line[0] == UInt8(ascii: "@") else { return }
                if case .header(let header, _) = try parse(line, name: name, number: number).record,
                    !headers.contains(where: { $0.header == header })
                {
                    headers.append((header, name))
                }
            }
        }
        guard let header = headers.first?.header else {
            throw .damagedPartial(
                path: readable.map(\.name).joined(separator: ", "), reason: "no settings record (@): not a partial, or cut short")
        }
        var state = State(header: header)
        if let pairTerms {
            state.counts.countPairs(.terms(frequencies.pairVocabulary(size: pairTerms)))
        } else {
            state.counts.countPairs(.units)
        }
        frequencies = CorpusCounts(themeNames: [])
        // Pass 2: everything, added up (unless the settings differ, when only the checks are kept).
        var sum = ValueSum()
        for (index, (name, source)) in readable.enumerated() {
            try forEachLine(of: source, name: name) { line, number throws(PipelineError) in
                let (record, kind, check, values) = try parse(line, name: name, number: number)
                try sum.add(values, name: name, number: number)
                if let check {
                    state.computed[index][kind] = PartialCheck.add(state.computed[index][kind, default: 0], check)
                } else if case .check(let of, let value) = record {
                    state.expected[index][of] = PartialCheck.add(state.expected[index][of, default: 0], value)
                }
                guard headers.count == 1 else { return }
                do throws(PartialRecord.Malformed) {
                    try state.apply(record)
                } catch {
                    throw .partial(path: name, line: number, reason: error.reason)
                }
            }
            state.computed.append([:])
            state.expected.append([:])
        }
        try verifyChecks(state, names: readable.map(\.name))
        if headers.count > 1 {
            throw .incompatiblePartials(
                "\(headers[1].name) was counted with other settings, dictionary or themes than \(headers[0].name)")
        }
        return try state.finish(complete: complete)
    }

    /// Kinds by their names in messages.
    static let kindNames: [String: String] = [
        "@": "settings", "@s": "shard", "i": "input", "d": "document", "w": "document term", "t": "term",
        "f": "written form", "u": "unit", "g": "group term", "G": "group", "c": "compound", "h": "theme term",
        "H": "theme pair", "l": "collocation", "T": "totals",
    ]

    /// Every kind's check must equal the sum of its records over all sources (a reduce may have
    /// spread a partial's records over several files); when one source alone fails its own checks
    /// and every other passes, that source is named.
    static func verifyChecks(_ state: State, names: [String]) throws(PipelineError) {
        func total(_ tables: [[String: UInt64]]) -> [String: UInt64] {
            tables.reduce(into: [:]) { sum, table in
                for (kind, value) in table { sum[kind] = PartialCheck.add(sum[kind, default: 0], value) }
            }
        }
        let computed = total(state.computed), expected = total(state.expected)
        let kinds = Set(computed.keys).union(expected.keys).sorted()
        guard let failing = kinds.first(where: { computed[$0, default: 0] != expected[$0, default: 0] }) else { return }
        let alone = names.indices.filter { index in
            kinds.contains { state.computed[index][$0, default: 0] != state.expected[index][$0, default: 0] }
        }
        let path = alone.count == 1 ? names[alone[0]] : names.joined(separator: ", ")
        let what = kindNames[failing].map { "the \($0) records" } ?? "records of kind '\(failing)'"
        if expected[failing] == nil {
            throw .damagedPartial(path: path, reason: "no check record for \(what) (~ \(failing)): the partial is cut short, or not whole")
        }
        throw .damagedPartial(
            path: path, reason: "\(what) do not add up to their check (~ \(failing)): lines are missing, cut or changed")
    }

    static func parse(_ line: Span<UInt8>, name: String, number: Int) throws(PipelineError)
        -> (record: PartialRecord, kind: String, check: UInt64?, sum: Int)
    {
        do throws(PartialRecord.Malformed) {
            return try PartialRecord.parse(line)
        } catch {
            throw .partial(path: name, line: number, reason: error.reason)
        }
    }

    /// The values of every record a pass has read, added up. Every count the merge keeps is a
    /// sum of some of them (a pair's, of the units holding it), so while this fits in an `Int`,
    /// none overflows; past it, a value is damaged (real counts are far smaller), and the line
    /// that passes it is refused instead of trapping.
    struct ValueSum {
        var total = 0

        mutating func add(_ values: Int, name: String, number: Int) throws(PipelineError) {
            let (added, overflow) = total.addingReportingOverflow(values)
            guard !overflow else {
                throw .partial(path: name, line: number, reason: "the counts add up past \(Int.max): a value is damaged")
            }
            total = added
        }
    }

    /// What the merge has added up so far.
    struct State {
        let header: PartialFile.Header
        var counts: CorpusCounts
        var partials = 0
        var shards: [PartialFile.ShardRecord: Int] = [:]
        var inputs: [InputRecord] = []
        var inputTimes: [String: Int] = [:]
        /// Documents by path and record: summaries waiting for their terms, and terms waiting for
        /// their summary (`d` and `w` records come in any order).
        var waitingSummaries: [DocumentKey: DocumentSummary] = [:]
        var waitingTerms: [DocumentKey: CorpusCounts.PackedTerms] = [:]
        var documentsSeen: [DocumentKey: Int] = [:]
        var termsSeen: Set<DocumentKey> = []
        /// Per source, the checks computed from its records and those its check records state.
        var computed: [[String: UInt64]] = [[:]]
        var expected: [[String: UInt64]] = [[:]]

        init(header: PartialFile.Header) {
            self.header = header
            counts = header.emptyCounts()
        }

        typealias DocumentKey = PartialFile.DocumentID

        mutating func apply(_ record: PartialRecord) throws(PartialRecord.Malformed) {
            let themes = header.themes.count
            switch record {
            case .check: break
            case .header(_, let times): partials += times
            case .shard(let shard, let times): shards[shard, default: 0] += times
            case .input(let input, let times):
                if inputTimes[input.path] == nil || input.path == "-" { inputs.append(input) }
                inputTimes[input.path, default: 0] += times
            case .document(let summary, let times):
                let key = DocumentKey(summary)
                documentsSeen[key, default: 0] += times
                guard documentsSeen[key] == 1 else { return }
                guard summary.themeOccurrences.count == themes, summary.themeSentences.count == themes else {
                    throw PartialRecord.Malformed(reason: "a document with counts for another set of themes")
                }
                if let terms = waitingTerms.removeValue(forKey: key) {
                    counts.addSummary(summary, packedTerms: terms)
                } else {
                    waitingSummaries[key] = summary
                }
            case .documentTerms(let path, let number, let terms, let values):
                let key = DocumentKey(path: path, record: number)
                guard termsSeen.insert(key).inserted else {
                    // Its terms twice: the document is in two partials, whose summaries (d)
                    // say how many; this only makes sure it is refused.
                    documentsSeen[key] = max(documentsSeen[key] ?? 0, 2)
                    return
                }
                let packed = counts.packTerms(Array(zip(terms, values)))
                if let summary = waitingSummaries.removeValue(forKey: key) {
                    counts.addSummary(summary, packedTerms: packed)
                } else {
                    waitingTerms[key] = packed
                }
            case .term(let term, let frequency, let documents, let sentences, let units):
                counts.addTerm(term, frequency: frequency, documents: documents, sentences: sentences, units: units, forms: [:])
            case .form(let term, let form, let count): counts.addTerm(term, frequency: 0, documents: 0, sentences: 0, units: 0, forms: [form: count])
            case .unit(let terms, let count): counts.addUnit(terms, times: count)
            case .groupTerm(let group, let term, let count): counts.addGroupTerm(term, group: group, count: count)
            case .group(let group, let values):
                guard values.count == 2 + themes else { throw PartialRecord.Malformed(reason: "a group record for another set of themes") }
                counts.addGroupTotal(group: group, count: values[0])
                counts.addGroupSentences(group: group, sentences: values[1], themeSentences: Array(values[2...]))
            case .compound(let nouns, let count): counts.addCompound(nouns, count: count)
            case .themeTerm(let theme, let term, let count):
                guard theme < themes else { throw PartialRecord.Malformed(reason: "a theme index out of range") }
                counts.addThemeTerm(theme, term, sentences: count)
            case .themePair(let first, let second, let count):
                guard second < themes else { throw PartialRecord.Malformed(reason: "a theme index out of range") }
                counts.addThemePair(first, second, sentences: count)
            case .collocates(let word, let term, let values):
                guard word < header.words.count else { throw PartialRecord.Malformed(reason: "a word index out of range") }
                let span = CorpusCounts.collocationSpan
                counts.addCollocates(word: word, term: term, left: Array(values[..<span]), right: Array(values[span...]))
            case .totals(let values):
                guard values.count == header.totalsColumns else { throw PartialRecord.Malformed(reason: "totals for another set of themes or words") }
                let themed = { (index: Int) in Array(values[(6 + index * themes)..<(6 + (index + 1) * themes)]) }
                counts.addTotals(
                    CorpusCounts.Totals(
                        documents: values[0], sentences: values[1], units: values[2], paragraphs: values[3], tokens: values[4],
                        termTokens: values[5], themeOccurrences: themed(0), themeSentences: themed(1), themeDocuments: themed(2),
                        wordOccurrences: header.words.isEmpty ? nil : Array(values[(6 + 3 * themes)...])))
            }
        }

        /// The merged counts, once every document is whole and counted once, and the shards fit.
        mutating func finish(complete: Bool) throws(PipelineError) -> Merged {
            // The first in path order, so the message does not depend on hashing.
            if let (key, times) = documentsSeen.filter({ $0.value > 1 }).min(by: { $0.key.description < $1.key.description })
                .map({ ($0.key, $0.value) })
            {
                throw .incompatiblePartials("document \(key.description) was counted in \(times) partials")
            }
            if let path = inputTimes.first(where: { $0.key != "-" && $0.value > 1 })?.key {
                throw .incompatiblePartials("\(path) was counted in more than one partial")
            }
            if let key = waitingTerms.keys.first {
                throw .damagedPartial(path: key.path, reason: "the terms of document \(key.description) came without its summary (d): the partial is not whole")
            }
            // A document without terms has no `w` record.
            for summary in waitingSummaries.values.sorted(by: DocumentSummary.inRunOrder) {
                counts.addSummary(summary, packedTerms: counts.packTerms([]))
            }
            waitingSummaries = [:]
            try PartialMerge.checkShards(shards, partials: partials, complete: complete)
            return Merged(header: header, partials: partials, shards: shards, inputs: inputs, counts: counts)
        }
    }

    /// Shards must come from one listing and cover it at most once, and exactly once when
    /// `complete`; sharded and unsharded partials do not mix.
    static func checkShards(_ shards: [PartialFile.ShardRecord: Int], partials: Int, complete: Bool) throws(PipelineError) {
        guard let first = shards.keys.first else { return }
        guard shards.keys.allSatisfy({ $0.listing == first.listing && $0.count == first.count }) else {
            throw .incompatiblePartials("the partials were cut from different input lists or shard counts")
        }
        if let repeated = shards.filter({ $0.value > 1 }).keys.min(by: { $0.index < $1.index }) {
            throw .incompatiblePartials("shard \(repeated.index)/\(repeated.count) is given \(shards[repeated]!) times")
        }
        guard shards.values.reduce(0, +) == partials else {
            throw .incompatiblePartials("sharded and unsharded partials cannot be merged together")
        }
        guard complete else { return }
        let indices = Set(shards.keys.map(\.index))
        if let missing = (0..<first.count).first(where: { !indices.contains($0) }) {
            throw .incompatiblePartials("shard \(missing)/\(first.count) is missing")
        }
    }

    // MARK: Reading lines

    /// Calls `body` with every line of `source` (without its line end) and its number from 1. A
    /// file that does not end with a line end is cut short: refused, naming its last line.
    static func forEachLine(
        of source: Source, name: String, _ body: (Span<UInt8>, Int) throws(PipelineError) -> Void
    ) throws(PipelineError) {
        switch source {
        case .bytes(_, let bytes):
            try forEachLine(in: bytes.span, name: name, final: true, first: 1, body)
        case .file(let path):
            let reader = try PartialGzip.Reader(path: path, name: name)
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var (start, end, number) = (0, 0, 1)
            while true {
                let count = try reader.read(into: &buffer, from: end)
                end += count
                let final = count == 0
                let consumed = try forEachLine(
                    in: buffer.span.extracting(start..<end), name: name, final: final, first: number, body)
                number = consumed.next
                start += consumed.bytes
                if final { return }
                // Keep the unfinished line, at the front; a line longer than the buffer grows it.
                if start > 0 {
                    buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
                    (end, start) = (end - start, 0)
                }
                if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            }
        }
    }

    /// The whole lines of `bytes`; with `final`, what follows the last line end is an error.
    /// Returns the bytes consumed and the next line's number.
    @discardableResult
    static func forEachLine(
        in bytes: Span<UInt8>, name: String, final: Bool, first: Int,
        _ body: (Span<UInt8>, Int) throws(PipelineError) -> Void
    ) throws(PipelineError) -> (bytes: Int, next: Int) {
        var (start, number) = (0, first)
        while start < bytes.count {
            guard let end = bytes.firstIndex(of: UInt8(ascii: "\n"), in: start..<bytes.count) else { break }
            let cr = end > start && bytes[unchecked: end - 1] == UInt8(ascii: "\r")
            let line = bytes.extracting(unchecked: start..<(cr ? end - 1 : end))
            if !line.isEmpty { try body(line, number) }
            number += 1
            start = end + 1
        }
        if final && start < bytes.count {
            throw .partial(path: name, line: number, reason: "the line has no line end: the partial is cut short")
        }
        return (start, number)
    }

    /// Copies standard input into a temporary file and returns its path.
    static func spoolStandardInput() throws(PipelineError) -> String {
        let path = NSTemporaryDirectory() + "/kotoba-merge-\(UUID().uuidString).partial"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: SystemError.message(errno: errno)) }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count: Int
            switch ByteFile.read(STDIN_FILENO, into: &buffer, from: 0) {
            case .success(let read): count = read
            case .failure(let error): throw .inputs([.unreadable(path: "-", reason: SystemError.message(errno: error.code))])
            }
            if count == 0 { return path }
            if let failure = ByteFile.write(descriptor, buffer, 0..<count) {
                throw .writeFailed(path: path, reason: SystemError.message(errno: failure.code))
            }
        }
    }
}
