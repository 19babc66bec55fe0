import Analysis
import Foundation
import Reporting

/// Partial counts as JSON Lines: what `kotoba count` writes and `kotoba merge` adds up.
///
/// Every line stands alone, so partials can be concatenated, split, shuffled or sorted (as Hadoop
/// Streaming sorts a mapper's output) and still merge to the same counts:
///
/// ```
/// {"k":"partial","schema":"kotoba.partial/3","analysis":"…","listing":"…","shard":[3,8],"themes":[…],"unit":"sentence","window":5,"words":[…]}
/// {"k":"input","path":"corpus/a.txt","bytes":812,"sha256":"…","encoding":"UTF-8","format":"plain","documents":1}
/// {"k":"doc",…}                                          one document's summary
/// {"k":"term","t":"地域","p":"名詞","tf":34,"df":1,"sf":25,"uf":25}   (+ "forms" when case-folded forms differ)
/// {"k":"pair","a":["地域","名詞"],"b":["活性","名詞"],"n":3}  co-occurrence units with both
/// {"k":"themepair","a":0,"b":2,"n":4}                     sentences with both themes (indices)
/// {"k":"themeterm","th":0,"t":"地域","p":"名詞","n":5}       sentences with the theme and the term
/// {"k":"coll","w":0,"t":"支援","p":"サ変名詞","l":[2,0,1,0,0],"r":[…]}  a term L1–L5 and R1–R5 of word 0
/// {"k":"totals",…}                                       corpus totals
/// ```
///
/// `analysis` is the hash of everything that decides an analysis (`AnalysisIdentity`); `listing`
/// the hash of the whole input list the shards were cut from. Measures are never in a partial:
/// they are computed after the merge.
enum PartialFile {
    static let schema = "kotoba.partial/3"

    /// The header: what the counts were made with.
    struct Header: Equatable, Codable {
        var analysis: String
        var listing: String?
        var shard: Shard?
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
    }

    struct ThemeRecord: Equatable, Codable {
        var name: String
        var forms: [String]
    }

    /// The partial's text.
    static func text(header: Header, inputs: [InputRecord], counts: CorpusCounts) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        /// A record: the kind first, then the value's own fields.
        func record(_ kind: String, _ value: some Encodable) throws -> String {
            "{\"k\":\"\(kind)\"," + (try json(value)).dropFirst()
        }
        var lines: [String] = []
        let shard = header.shard.map { "[\($0.index),\($0.count)]" } ?? "null"
        let themes = try json(header.themes)
        let listing = header.listing.map(JSONText.string) ?? "null"
        let groupBy = header.groupBy.map(JSONText.string) ?? "null"
        lines.append(
            "{\"k\":\"partial\",\"schema\":\"\(schema)\",\"analysis\":\(JSONText.string(header.analysis)),"
                + "\"listing\":\(listing),\"shard\":\(shard),\"themes\":\(themes),\"groupBy\":\(groupBy),"
                + "\"unit\":\"\(header.unit.rawValue)\",\"window\":\(header.window),"
                + "\"words\":[" + header.words.map(JSONText.string).joined(separator: ",") + "]}")
        for input in inputs.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            lines.append(try record("input", input))
        }
        for index in counts.sortedDocumentIndices {
            // Terms sorted, so that a partial's bytes do not depend on hashing.
            lines.append(try record("doc", counts.summaryWithTerms(ofDocument: index)))
        }
        let order = counts.terms.indices.sorted { counts.terms[$0] < counts.terms[$1] }
        let unitFrequency = counts.unitFrequency
        for id in order {
            let term = counts.terms[id]
            var line = "{\"k\":\"term\",\"t\":\(JSONText.string(term.text)),\"p\":\(JSONText.string(term.partOfSpeech)),"
                + "\"tf\":\(counts.termFrequency[id]),\"df\":\(counts.documentFrequency[id]),\"sf\":\(counts.sentenceFrequency[id]),"
                + "\"uf\":\(unitFrequency[id])"
            if let forms = counts.termForms[Int32(id)] {
                let sorted = forms.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                line += ",\"forms\":{" + sorted.map { "\(JSONText.string($0.key)):\($0.value)" }.joined(separator: ",") + "}"
            }
            lines.append(line + "}")
        }
        var pairs: [(Term, Term, Int)] = counts.pairUnits.map { pair, count in
            let (a, b) = (counts.terms[Int(pair.first)], counts.terms[Int(pair.second)])
            return a < b ? (a, b, count) : (b, a, count)
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        for (a, b, count) in pairs {
            lines.append(
                "{\"k\":\"pair\",\"a\":[\(JSONText.string(a.text)),\(JSONText.string(a.partOfSpeech))],"
                    + "\"b\":[\(JSONText.string(b.text)),\(JSONText.string(b.partOfSpeech))],\"n\":\(count)}")
        }
        let groups = Set(counts.groupTerms.keys).union(counts.groupSentences.keys)
        for group in groups.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let terms = counts.groupTerms[group] ?? [:]
            let sorted = terms.map { (counts.terms[Int($0.key)], $0.value) }.sorted { $0.0 < $1.0 }
            for (term, count) in sorted {
                lines.append(
                    "{\"k\":\"group\",\"g\":\(JSONText.string(group)),\"t\":\(JSONText.string(term.text)),"
                        + "\"p\":\(JSONText.string(term.partOfSpeech)),\"n\":\(count)}")
            }
            let themes = (counts.groupThemeSentences[group] ?? []).map(String.init).joined(separator: ",")
            lines.append(
                "{\"k\":\"grouptotal\",\"g\":\(JSONText.string(group)),\"n\":\(counts.groupTotals[group] ?? 0),"
                    + "\"s\":\(counts.groupSentences[group] ?? 0),\"th\":[\(themes)]}")
        }
        // Keys sort as their noun lists do; no [[String]: Int] is built and no key joined per comparison.
        for (compound, count) in counts.compounds.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "{\"k\":\"compound\",\"nouns\":[" + compound.nouns.map(JSONText.string).joined(separator: ",") + "],\"n\":\(count)}")
        }
        for (theme, terms) in counts.themeTermSentences.enumerated() {
            for (term, count) in terms.map({ (counts.terms[Int($0.key)], $0.value) }).sorted(by: { $0.0 < $1.0 }) {
                lines.append(
                    "{\"k\":\"themeterm\",\"th\":\(theme),\"t\":\(JSONText.string(term.text)),"
                        + "\"p\":\(JSONText.string(term.partOfSpeech)),\"n\":\(count)}")
            }
        }
        for (first, row) in counts.themePairSentences.enumerated() {
            for (second, count) in row.enumerated() where count > 0 {
                lines.append("{\"k\":\"themepair\",\"a\":\(first),\"b\":\(second),\"n\":\(count)}")
            }
        }
        for (word, terms) in counts.collocates.enumerated() {
            for (term, near) in terms.map({ (counts.terms[Int($0.key)], $0.value) }).sorted(by: { $0.0 < $1.0 }) {
                let left = near.left.map(String.init).joined(separator: ","), right = near.right.map(String.init).joined(separator: ",")
                lines.append(
                    "{\"k\":\"coll\",\"w\":\(word),\"t\":\(JSONText.string(term.text)),"
                        + "\"p\":\(JSONText.string(term.partOfSpeech)),\"l\":[\(left)],\"r\":[\(right)]}")
            }
        }
        lines.append(try record("totals", counts.totals))
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a set of partials adds up to.
    struct Merged {
        var headers: [Header]
        var inputs: [InputRecord]
        var counts: CorpusCounts
    }

    /// Adds up the partials in `sources` (name, text); `name` is used in messages.
    static func merge(_ sources: [(name: String, text: String)]) throws(PipelineError) -> Merged {
        var headers: [Header] = []
        var inputs: [InputRecord] = []
        var counts: CorpusCounts?
        var pending: [(String, Int, [String: Any], Data)] = []  // lines before any header was seen
        let decoder = JSONDecoder()
        /// A record decoded from its line as written (the decoder passes over the kind, `k`).
        func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ name: String, _ line: Int) throws(PipelineError) -> T {
            do {
                return try decoder.decode(type, from: data)
            } catch {
                throw .partial(path: name, line: line, reason: "malformed \(type) record")
            }
        }
        func apply(
            _ object: [String: Any], _ data: Data, _ name: String, _ line: Int, to counts: inout CorpusCounts
        ) throws(PipelineError) {
            switch object["k"] as? String {
            case "input":
                inputs.append(try decode(InputRecord.self, data, name, line))
            case "doc":
                counts.addSummary(try decode(DocumentSummary.self, data, name, line))
            case "term":
                guard let text = object["t"] as? String, let pos = object["p"] as? String,
                    let tf = object["tf"] as? Int, let df = object["df"] as? Int, let sf = object["sf"] as? Int,
                    let uf = object["uf"] as? Int
                else { throw .partial(path: name, line: line, reason: "malformed term record") }
                counts.addTerm(
                    Term(text: text, partOfSpeech: pos), frequency: tf, documents: df, sentences: sf, units: uf,
                    forms: object["forms"] as? [String: Int] ?? [:])
            case "pair":
                guard let a = object["a"] as? [String], a.count == 2, let b = object["b"] as? [String], b.count == 2,
                    let n = object["n"] as? Int
                else { throw .partial(path: name, line: line, reason: "malformed pair record") }
                counts.addPair(Term(text: a[0], partOfSpeech: a[1]), Term(text: b[0], partOfSpeech: b[1]), sentences: n)
            case "group":
                guard let group = object["g"] as? String, let text = object["t"] as? String, let pos = object["p"] as? String,
                    let n = object["n"] as? Int
                else { throw .partial(path: name, line: line, reason: "malformed group record") }
                counts.addGroupTerm(Term(text: text, partOfSpeech: pos), group: group, count: n)
            case "grouptotal":
                guard let group = object["g"] as? String, let n = object["n"] as? Int else {
                    throw .partial(path: name, line: line, reason: "malformed group record")
                }
                counts.addGroupTotal(group: group, count: n)
                if let sentences = object["s"] as? Int {
                    counts.addGroupSentences(group: group, sentences: sentences, themeSentences: object["th"] as? [Int] ?? [])
                }
            case "themeterm":
                guard let theme = object["th"] as? Int, counts.themeNames.indices.contains(theme),
                    let text = object["t"] as? String, let pos = object["p"] as? String, let n = object["n"] as? Int
                else { throw .partial(path: name, line: line, reason: "malformed theme term record") }
                counts.addThemeTerm(theme, Term(text: text, partOfSpeech: pos), sentences: n)
            case "themepair":
                guard let first = object["a"] as? Int, let second = object["b"] as? Int, let n = object["n"] as? Int,
                    first >= 0, first < second, second < counts.themeNames.count
                else { throw .partial(path: name, line: line, reason: "malformed theme pair record") }
                counts.addThemePair(first, second, sentences: n)
            case "coll":
                guard let word = object["w"] as? Int, counts.words.indices.contains(word),
                    let text = object["t"] as? String, let pos = object["p"] as? String,
                    let left = object["l"] as? [Int], left.count == CorpusCounts.collocationSpan,
                    let right = object["r"] as? [Int], right.count == CorpusCounts.collocationSpan
                else { throw .partial(path: name, line: line, reason: "malformed collocation record") }
                counts.addCollocates(word: word, term: Term(text: text, partOfSpeech: pos), left: left, right: right)
            case "compound":
                guard let nouns = object["nouns"] as? [String], let n = object["n"] as? Int else {
                    throw .partial(path: name, line: line, reason: "malformed compound record")
                }
                counts.addCompound(nouns, count: n)
            case "totals":
                let totals = try decode(CorpusCounts.Totals.self, data, name, line)
                guard totals.themeOccurrences.count == counts.themeNames.count else {
                    throw .partial(path: name, line: line, reason: "totals for another set of themes")
                }
                counts.addTotals(totals)
            default:
                throw .partial(path: name, line: line, reason: "unknown record kind")
            }
        }
        for (name, text) in sources {
            // Lines cut on the newline byte: cutting characters would look for grapheme breaks.
            for (number, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).enumerated() {
                if counts != nil, let pair = PartialPairLine.parse(bytes) {
                    counts?.addPair(pair.a, pair.b, sentences: pair.count)
                    continue
                }
                let data = Data(bytes)
                guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                    throw .partial(path: name, line: number + 1, reason: "not a JSON object")
                }
                if object["k"] as? String == "partial" {
                    guard object["schema"] as? String == schema else {
                        throw .partial(path: name, line: number + 1, reason: "not a \(schema) file")
                    }
                    let header = try decode(Header.self, data, name, number + 1)
                    if let first = headers.first {
                        guard first.analysis == header.analysis, first.themes == header.themes, first.groupBy == header.groupBy,
                            first.unit == header.unit, first.window == header.window, first.words == header.words
                        else {
                            throw .incompatiblePartials(
                                "\(name) was counted with other settings, dictionary or themes than the partials before it")
                        }
                    } else {
                        counts = header.emptyCounts()
                    }
                    headers.append(header)
                    continue
                }
                guard var current = counts else {
                    pending.append((name, number + 1, object, data))
                    continue
                }
                counts = nil  // keep `current` the only copy while it changes
                defer { counts = current }
                try apply(object, data, name, number + 1, to: &current)
            }
        }
        guard var merged = counts else { throw .partial(path: sources.first?.name ?? "-", line: 1, reason: "no partial header") }
        for (name, line, object, data) in pending { try apply(object, data, name, line, to: &merged) }
        try checkShards(headers)
        var seen: Set<String> = []
        for input in inputs where !seen.insert(input.path).inserted {
            throw .incompatiblePartials("\(input.path) was counted in more than one partial")
        }
        return Merged(headers: headers, inputs: inputs, counts: merged)
    }

    /// Shards must come from one listing and cover it exactly once.
    static func checkShards(_ headers: [Header]) throws(PipelineError) {
        let sharded = headers.filter { $0.shard != nil }
        guard !sharded.isEmpty else { return }
        guard sharded.count == headers.count else {
            throw .incompatiblePartials("sharded and unsharded partials cannot be merged together")
        }
        let count = sharded[0].shard?.count ?? 0
        guard sharded.allSatisfy({ $0.shard?.count == count && $0.listing == sharded[0].listing }) else {
            throw .incompatiblePartials("the partials were cut from different input lists or shard counts")
        }
        let indices = sharded.compactMap { $0.shard?.index }.sorted()
        for index in 0..<count where indices.filter({ $0 == index }).count != 1 {
            let times = indices.filter { $0 == index }.count
            throw .incompatiblePartials(
                times == 0 ? "shard \(index)/\(count) is missing" : "shard \(index)/\(count) is given \(times) times")
        }
    }
}
