import Analysis
import Corpus
import Foundation

/// The incremental cache: the analyses of every input, kept under a key of the input's content
/// (SHA-256 of its bytes), its format, and the hash of everything that decides an analysis
/// (`AnalysisIdentity`: tool, MeCab and dictionary, normalization, reading settings, themes).
///
/// A re-run finds unchanged inputs here and skips reading, normalizing and tokenizing them; their
/// analyses are counted again, which takes a fraction of the time. A changed setting changes the
/// identity, so every entry made under the old one is simply not found (and can be pruned). A
/// document's path and variables are not part of an entry: they come from the current run, so a
/// renamed or re-tagged file is still found (a table row's own columns are kept: they are part
/// of the bytes).
///
/// Layout: `DIR/v1/<identity>/<2 hex>/<key>.analysis`, written as a `CacheFile`, so concurrent
/// runs and killed runs never leave a half-written entry. A hit touches the entry, so
/// `prune(olderThan:)` removes what no run has used lately.
struct AnalysisCache: Sendable {
    let directory: URL
    let identity: String

    static let format = "kotoba-analysis/4"

    /// The number of themes of the run, which every sentence's theme counts are sized to.
    let themeCount: Int

    init(directory: URL, identity: String, themeCount: Int) {
        self.directory = directory
        self.identity = identity
        self.themeCount = themeCount
    }

    /// The default cache directory: `$XDG_CACHE_HOME/kotoba`, else `~/.cache/kotoba`.
    static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return cache + "/kotoba" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.cache/kotoba"
    }

    /// A cached input: its encoding and its documents' analyses.
    struct Entry: Equatable {
        var encoding: TextEncoding
        var analyses: [DocumentAnalysis]
    }

    private func url(sha256: String, format: TextFormat) -> URL {
        let key = ContentHash.sha256(Data("\(sha256) \(format.rawValue)".utf8))
        return directory.appendingPathComponent("v1/\(identity)/\(key.prefix(2))/\(key).analysis")
    }

    /// The entry for an input with these bytes and format, if there is a readable one.
    func load(sha256: String, format: TextFormat) -> Entry? {
        let url = url(sha256: sha256, format: format)
        guard let data = try? Data(contentsOf: url),
            let entry = Self.parse(String(decoding: data, as: UTF8.self), themeCount: themeCount)
        else {
            return nil
        }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        return entry
    }

    /// Stores an entry; failures are not errors (the cache is an optimization) and come back as
    /// a reason for the log.
    func store(_ entry: Entry, sha256: String, format: TextFormat) -> String? {
        CacheFile.write(Data(Self.text(entry).utf8), to: url(sha256: sha256, format: format))
    }

    /// Removes entries not used for `age` seconds, and empty folders; returns how many went.
    static func prune(directory: URL, olderThan age: TimeInterval, now: Date = Date()) -> Int {
        let fileManager = FileManager.default
        guard let walker = fileManager.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])
        else { return 0 }
        var removed = 0
        for case let url as URL in walker where url.pathExtension == "analysis" || url.pathExtension == "tmp" {
            let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            if let modified, now.timeIntervalSince(modified) > age, (try? fileManager.removeItem(at: url)) != nil {
                removed += 1
            }
        }
        return removed
    }

    // MARK: Format
    //
    //   kotoba-analysis/4
    //   E<TAB>encoding
    //   D<TAB>summary as JSON          one per document (concordance lines included), followed by
    //                                  its entries and sentences
    //   T<TAB>key<TAB>part of speech<TAB>written form
    //   S<TAB>entry entry …<TAB>position position …<TAB>tokens<TAB>theme:count,theme:count<TAB>=speaker
    //     <TAB>paragraph,turn,section<TAB>match:first-last,…   (turn - if none; hits in text order)
    //   C<TAB>count<TAB>noun<TAB>noun …      a compound-noun candidate
    //
    // Terms and forms come from normalized sentences, which hold no TAB or line break.

    static func text(_ entry: Entry) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = format + "\nE\t" + entry.encoding.rawValue + "\n"
        for analysis in entry.analyses {
            text += "D\t" + String(decoding: (try? encoder.encode(analysis.summary)) ?? Data(), as: UTF8.self) + "\n"
            for item in analysis.entries {
                text += "T\t\(item.term.text)\t\(item.term.partOfSpeech)\t\(item.form)\n"
            }
            for sentence in analysis.sentences {
                let themes = sentence.themeOccurrences.enumerated().filter { $0.element > 0 }
                    .map { "\($0.offset):\($0.element)" }.joined(separator: ",")
                let place = sentence.place
                let hits = sentence.hits.map { "\($0.match):\($0.firstToken)-\($0.lastToken)" }.joined(separator: ",")
                text += "S\t" + sentence.terms.map(String.init).joined(separator: " ") + "\t"
                    + sentence.positions.map(String.init).joined(separator: " ") + "\t\(sentence.tokenCount)\t" + themes
                    + "\t" + (place.speaker.map { "=" + $0 } ?? "") + "\t"
                    + "\(place.paragraph),\(place.turn.map(String.init) ?? "-"),\(place.section)\t" + hits + "\n"
            }
            for (compound, count) in analysis.compounds.sorted(by: { $0.key < $1.key }) {
                text += "C\t\(count)\t" + compound.nouns.joined(separator: "\t") + "\n"
            }
        }
        return text
    }

    static func parse(_ text: String, themeCount: Int) -> Entry? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(format), lines.count >= 2 else { return nil }
        let decoder = JSONDecoder()
        var encoding: TextEncoding?
        var analyses: [DocumentAnalysis] = []
        for line in lines.dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "E":
                guard fields.count == 2 else { return nil }
                encoding = TextEncoding(rawValue: String(fields[1]))
            case "D":
                guard fields.count == 2,
                    let summary = try? decoder.decode(DocumentSummary.self, from: Data(fields[1].utf8))
                else { return nil }
                analyses.append(DocumentAnalysis(summary: summary, entries: [], sentences: []))
            case "T":
                guard fields.count == 4, !analyses.isEmpty else { return nil }
                analyses[analyses.count - 1].entries.append(
                    DocumentAnalysis.Entry(
                        term: Term(text: String(fields[1]), partOfSpeech: String(fields[2])), form: String(fields[3])))
            case "C":
                guard fields.count >= 3, !analyses.isEmpty, let count = Int(fields[1]) else { return nil }
                analyses[analyses.count - 1].compounds[CompoundKey(nouns: fields.dropFirst(2).map(String.init)), default: 0] += count
            case "S":
                guard fields.count == 8, !analyses.isEmpty, let tokenCount = Int(fields[3]) else { return nil }
                let entryCount = analyses[analyses.count - 1].entries.count
                var terms: [Int32] = []
                for item in fields[1].split(separator: " ") {
                    guard let index = Int32(item), index >= 0, Int(index) < entryCount else { return nil }
                    terms.append(index)
                }
                var positions: [Int32] = []
                for item in fields[2].split(separator: " ") {
                    guard let position = Int32(item), position >= 0, Int(position) < tokenCount else { return nil }
                    positions.append(position)
                }
                guard positions.count == terms.count else { return nil }
                var hits: [DocumentAnalysis.Hit] = []
                for item in fields[7].split(separator: ",") {
                    let parts = item.split(separator: ":")
                    let span = parts.count == 2 ? parts[1].split(separator: "-") : []
                    guard span.count == 2, let match = Int(parts[0]), let first = Int(span[0]), let last = Int(span[1]),
                        first <= last, last < tokenCount
                    else { return nil }
                    hits.append(DocumentAnalysis.Hit(match: match, firstToken: first, lastToken: last))
                }
                var themes = [Int](repeating: 0, count: themeCount)
                for item in fields[4].split(separator: ",") {
                    let parts = item.split(separator: ":")
                    guard parts.count == 2, let theme = Int(parts[0]), let count = Int(parts[1]),
                        themes.indices.contains(theme)
                    else { return nil }
                    themes[theme] = count
                }
                let speaker = fields[5].hasPrefix("=") ? String(fields[5].dropFirst()) : nil
                let numbers = fields[6].split(separator: ",", omittingEmptySubsequences: false)
                guard numbers.count == 3, let paragraph = Int(numbers[0]), let section = Int(numbers[2]) else { return nil }
                let turn = Int(numbers[1])
                guard turn != nil || numbers[1] == "-" else { return nil }
                let place = SentencePlace(speaker: speaker, paragraph: paragraph, turn: turn, section: section)
                analyses[analyses.count - 1].sentences.append(
                    DocumentAnalysis.Sentence(
                        terms: terms, positions: positions, tokenCount: tokenCount, themeOccurrences: themes, place: place,
                        hits: hits))
            default:
                return nil
            }
        }
        guard let encoding else { return nil }
        return Entry(encoding: encoding, analyses: analyses)
    }
}
