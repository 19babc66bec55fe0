/// The mergeable counts of a run: every number a report needs, as sums.
///
/// Each worker fills its own `CorpusCounts` with the documents it processed; `merge(_:)` adds
/// another worker's counts. Because every counter is a sum, the merged counts do not depend on how
/// documents were split between workers or in which order they finished, and measures (Jaccard …)
/// are computed from them only after the merge. Terms are interned to integer ids per instance;
/// ids are internal and differ between instances, so reports always sort by term text.
///
/// Co-occurrence counts presence per sentence: a pair of distinct terms counts once in a sentence
/// that contains both, however often each occurs there. Memory grows with the vocabulary and the
/// number of distinct co-occurring pairs, not with the corpus (apart from one summary row per
/// document).
public struct CorpusCounts: Sendable {
    /// Names of the themes, in the order their counts are kept.
    public let themeNames: [String]
    /// What groups the counts in `groupTerms`, if anything.
    public let grouping: Grouping?
    /// The unit co-occurrence is counted in (`pairUnits`, `unitFrequency`, `unitCount`).
    public let unit: CooccurrenceUnit
    /// With the window unit: how many tokens apart two terms may stand and co-occur.
    public let window: Int
    /// The words looked for (`--kwic`), whose collocates are counted (`collocates`).
    public let words: [String]
    /// KH Coder's collocation span: five tokens on each side of a word looked for.
    public static let collocationSpan = 5

    /// The unit as reports name it: `sentence` …, or `window:5`.
    public var unitName: String { unit == .window ? "window:\(window)" : unit.rawValue }

    /// What `group_terms.csv` compares: each sentence's speaker, each document's folder, or a
    /// document variable (a table column, a metadata column).
    public enum Grouping: Sendable, Equatable, Codable {
        case speaker
        case folder
        case variable(String)

        /// `speaker`, `folder`, or a variable's name.
        public init(name: String) {
            switch name {
            case "speaker": self = .speaker
            case "folder": self = .folder
            default: self = .variable(name)
            }
        }

        public var name: String {
            switch self {
            case .speaker: "speaker"
            case .folder: "folder"
            case .variable(let name): name
            }
        }

        /// The group of a sentence with `speaker` in `document`; "" where there is none.
        func group(of document: DocumentSummary, speaker: String?) -> String {
            switch self {
            case .speaker: return speaker ?? ""
            case .folder:
                guard let slash = document.path.lastIndex(of: "/") else { return "." }
                return String(document.path[..<slash])
            case .variable(let name): return document.variables.first { $0.name == name }?.value ?? ""
            }
        }
    }

    /// Terms by id.
    public internal(set) var terms: [Term] = []
    private var ids: [TermKey: Int32] = [:]
    /// Occurrences of each term (by id).
    public internal(set) var termFrequency: [Int] = []
    /// Documents containing each term (by id).
    public internal(set) var documentFrequency: [Int] = []
    /// Sentences containing each term (by id).
    public internal(set) var sentenceFrequency: [Int] = []
    /// Units (see `unit`) containing both terms of a pair, keyed by `PairKey`.
    public internal(set) var pairUnits = PairTable()
    /// The pairs of the unit being counted, handed to `pairUnits` at once (kept for its capacity).
    private var pairBatch: [PairKey] = []
    /// Per term id, the number (`stamp`) of the last sentence it was found in, and that sentence's
    /// distinct ids (kept for their capacity): `distinctIDs(of:ids:)`.
    private var seenIn: [UInt32] = []
    /// Per-document working arrays of `add`, kept for their capacity.
    private var documentScratch = (occurrences: [Int](), packed: [UInt64]())
    private var stamp: UInt32 = 0
    private var present: [Int32] = []
    /// Which pairs are counted: every pair, none, or pairs of two terms of a set (the run's pair
    /// vocabulary, `pairVocabulary(size:)`), which bounds `pairUnits` to n(n − 1)/2 entries.
    public private(set) var pairScope: PairScope = .all
    /// Per term id, whether pairs with it are counted (with `.terms`).
    private var pairAllowed: [Bool] = []
    /// With `pairsOnly`, `add` counts the pairs and nothing else (the second pass of a run whose
    /// pair table outgrew its bound).
    public private(set) var pairsOnly = false

    /// Which pairs of terms `add` counts.
    public enum PairScope: Sendable, Equatable {
        case all
        case none
        case terms(Set<Term>)
        /// No pair is counted; each unit's distinct terms are kept instead (`unitSets`), for a
        /// partial: they take a fraction of the room of their pairs, which the merge counts.
        case units
    }

    /// With `.units`: the distinct terms (ids, ascending) of the units counted, and how many units
    /// held exactly those terms; units of fewer than two terms, which have no pairs, are left out.
    public internal(set) var unitSets: [[Int32]: Int] = [:]
    /// Units containing each term (by id), and units in all (empty ones included): for sentences
    /// the sentence counts themselves, for other units counted apart.
    public var unitFrequency: [Int] { unit == .sentence ? sentenceFrequency : largerUnitFrequency }
    public var unitCount: Int { unit == .sentence ? sentenceCount : largerUnitCount }
    /// Whether units are counted apart from sentences.
    var countsLargerUnits: Bool { unit != .sentence }
    var largerUnitFrequency: [Int] = []
    var largerUnitCount = 0
    /// For terms whose key is case-folded: how often each written form occurred (`MACC` 3,
    /// `Macc` 1), so reports show the form the text uses most.
    public internal(set) var termForms: [Int32: [String: Int]] = [:]

    public internal(set) var documentCount = 0
    public internal(set) var sentenceCount = 0
    public internal(set) var paragraphCount = 0
    public internal(set) var tokenCount = 0
    public internal(set) var termTokenCount = 0

    /// Per theme: occurrences, sentences with an occurrence, documents with an occurrence.
    public internal(set) var themeOccurrences: [Int]
    public internal(set) var themeSentences: [Int]
    public internal(set) var themeDocuments: [Int]

    /// One summary per document, in no particular order (see `sortedDocuments`). Their `terms`
    /// stay empty: each document's term counts are kept compactly in `documentTerms`.
    public internal(set) var documents: [DocumentSummary] = []
    /// Per document (indexed like `documents`), its terms and their counts, each packed in one
    /// word (id << 32 | count): 8 bytes a term, where a `TermCount` takes 40 and more, because
    /// these grow with the corpus.
    var documentTerms: [[UInt64]] = []

    /// Term occurrences per group (by term id), and all term occurrences per group.
    public internal(set) var groupTerms: [String: [Int32: Int]] = [:]
    public internal(set) var groupTotals: [String: Int] = [:]
    /// Sentences per group, and per group the sentences where each theme occurs (for the theme ×
    /// group heatmap).
    public internal(set) var groupSentences: [String: Int] = [:]
    public internal(set) var groupThemeSentences: [String: [Int]] = [:]
    /// Sentences where two themes both occur: `themePairSentences[i][j]` for i < j (the rest 0).
    public internal(set) var themePairSentences: [[Int]]
    /// Per theme: the sentences where it occurs together with each term (by id).
    public internal(set) var themeTermSentences: [[Int32: Int]]
    /// Compound-noun candidates (of two nouns or more) and how often each occurred as a whole,
    /// keyed as `DocumentAnalysis.compounds` are: every document adds its candidates here.
    public internal(set) var compounds: [CompoundKey: Int] = [:]
    /// Per word looked for: its occurrences, and per term (by id) how often the term starts 1 to
    /// 5 tokens before it (`left[0]` is L1) and after it (`right[0]` is R1).
    public internal(set) var wordOccurrences: [Int]
    public internal(set) var collocates: [[Int32: Collocates]]

    /// How often a term stands at each distance before and after a word looked for.
    public struct Collocates: Sendable, Equatable {
        public var left: [Int]
        public var right: [Int]

        public init(left: [Int] = Array(repeating: 0, count: CorpusCounts.collocationSpan),
                    right: [Int] = Array(repeating: 0, count: CorpusCounts.collocationSpan)) {
            self.left = left
            self.right = right
        }

        mutating func add(_ other: Collocates) {
            for index in left.indices {
                left[index] += other.left[index]
                right[index] += other.right[index]
            }
        }
    }

    /// - Parameters:
    ///   - window: with the window unit, the largest distance in tokens at which terms co-occur.
    ///   - words: the words looked for, whose collocates are counted (their hits come with the
    ///     analyses, `DocumentAnalysis.Hit`, after the themes').
    public init(
        themeNames: [String], grouping: Grouping? = nil, unit: CooccurrenceUnit = .sentence, window: Int = 5,
        words: [String] = []
    ) {
        self.themeNames = themeNames
        self.grouping = grouping
        self.unit = unit
        self.window = window
        self.words = words
        wordOccurrences = Array(repeating: 0, count: words.count)
        collocates = Array(repeating: [:], count: words.count)
        themeOccurrences = Array(repeating: 0, count: themeNames.count)
        themeSentences = themeOccurrences
        themeDocuments = themeOccurrences
        themePairSentences = Array(repeating: themeOccurrences, count: themeNames.count)
        themeTermSentences = Array(repeating: [:], count: themeNames.count)
    }

    /// An unordered pair of term ids, smaller id first, packed in one word so that hashing it
    /// is one combine.
    public struct PairKey: Hashable, Sendable {
        let packed: UInt64

        public init(_ a: Int32, _ b: Int32) {
            let (low, high) = a < b ? (a, b) : (b, a)
            packed = UInt64(UInt32(bitPattern: low)) << 32 | UInt64(UInt32(bitPattern: high))
        }

        init(packed: UInt64) {
            self.packed = packed
        }

        public var first: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: packed >> 32)) }
        public var second: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: packed)) }
    }

    /// The id of `term`, interning it if new. Ids are dense from 0 and index `terms` and the
    /// frequency arrays; they are only meaningful for this instance.
    mutating func id(for term: Term) -> Int32 {
        let key = TermKey(term)
        if let id = ids[key] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        ids[key] = id
        termFrequency.append(0)
        documentFrequency.append(0)
        sentenceFrequency.append(0)
        if countsLargerUnits { largerUnitFrequency.append(0) }
        pairAllowed.append(pairScope.allows(term))
        if pairAllowed[Int(id)] { pairUnits.makeDense(id) }
        return id
    }

    /// The form `term` is shown under: its most frequent written form (ties by code point), or its
    /// key when it was never written otherwise.
    public func displayText(of id: Int32) -> String {
        let term = terms[Int(id)]
        guard var forms = termForms[id] else { return term.text }
        let written = forms.values.reduce(0, +)
        let asKey = termFrequency[Int(id)] - written
        if asKey > 0 { forms[term.text, default: 0] += asKey }
        return forms.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : rhs.key.utf8.lexicographicallyPrecedes(lhs.key.utf8)
        }?.key ?? term.text
    }

    /// The id of `term` if it was counted.
    public func id(of term: Term) -> Int32? { ids[TermKey(term)] }

    /// Adds one document given as terms per sentence (tests and simple callers).
    public mutating func add(_ summary: DocumentSummary, sentences: [SentenceAnalysis]) {
        add(DocumentAnalysis(summary: summary, sentences: sentences))
    }

    /// Adds one analyzed document: its summary (sentence, term and theme totals are filled in
    /// here), its terms and sentences.
    public mutating func add(_ analysis: DocumentAnalysis) {
        add(analysis, ids: analysis.entries.map { id(for: $0.term) })
    }

    /// Adds one analyzed document whose entries have the ids `ids` here (`id(for:)` of each
    /// entry's term): its analyzer knows them without hashing the terms.
    mutating func add(_ analysis: DocumentAnalysis, ids: [Int32]) {
        if pairsOnly { return addPairs(analysis, ids: ids) }
        var summary = analysis.summary
        summary.sentenceCount = analysis.sentences.count
        summary.themeOccurrences = Array(repeating: 0, count: themeNames.count)
        summary.themeSentences = summary.themeOccurrences
        // Per entry of the document, its occurrences (a buffer kept from document to document).
        var occurrences = documentScratch.occurrences
        documentScratch.occurrences = []
        occurrences.removeAll(keepingCapacity: true)
        occurrences.append(contentsOf: repeatElement(0, count: ids.count))
        defer { documentScratch.occurrences = occurrences }
        // Units other than the sentence gather the distinct terms of consecutive sentences.
        var gathering = UnitGathering()
        var sentenceIndex = 0
        // The window unit and collocations need every term's place in the document's tokens.
        let needsPlaces = unit == .window || !words.isEmpty
        var placed: [(position: Int, id: Int32)] = []
        var hits: [(word: Int, first: Int, last: Int)] = []
        var base = 0
        for sentence in analysis.sentences {
            if needsPlaces {
                for (entry, position) in zip(sentence.terms, sentence.positions) {
                    placed.append((base + Int(position), ids[Int(entry)]))
                }
                for hit in sentence.hits where hit.match >= themeNames.count {
                    let word = hit.match - themeNames.count
                    if words.indices.contains(word) { hits.append((word, base + hit.firstToken, base + hit.lastToken)) }
                }
                base += sentence.tokenCount
            }
            for entry in sentence.terms { occurrences[Int(entry)] += 1 }
            if let grouping {
                let group = grouping.group(of: summary, speaker: sentence.speaker)
                addGroupSentence(group: group, themeOccurrences: sentence.themeOccurrences)
                if !sentence.terms.isEmpty {
                    groupTotals[group, default: 0] += sentence.terms.count
                    // In place: a copy taken out and put back would copy the group's whole table
                    // for every sentence.
                    for entry in sentence.terms { groupTerms[group, default: [:]][ids[Int(entry)], default: 0] += 1 }
                }
            }
            summary.termCount += sentence.terms.count
            let present = distinctIDs(of: sentence.terms, ids: ids)
            for id in present { sentenceFrequency[Int(id)] += 1 }
            if unit == .sentence {
                countUnit(present)
            } else if unit != .window, let closed = gathering.add(present, key: unit.key(sentence.place, sentence: sentenceIndex)) {
                countUnit(closed)
            }
            sentenceIndex += 1
            var firstTheme: Int?
            for (theme, count) in sentence.themeOccurrences.enumerated() where count > 0 {
                summary.themeOccurrences[theme] += count
                summary.themeSentences[theme] += 1
                for id in present { themeTermSentences[theme][id, default: 0] += 1 }
                if let first = firstTheme {
                    // A second theme in the sentence: count it with every theme before it.
                    for earlier in first..<theme where sentence.themeOccurrences[earlier] > 0 {
                        themePairSentences[earlier][theme] += 1
                    }
                } else {
                    firstTheme = theme
                }
            }
        }
        if let last = gathering.finish() { countUnit(last) }
        if unit == .window { countWindows(placed, tokens: base) }
        if !hits.isEmpty { countCollocates(hits, placed: placed, tokens: base) }
        // The document's terms by id: entries that differ only in their written form share one.
        var packed = documentScratch.packed
        documentScratch.packed = []
        packed.removeAll(keepingCapacity: true)
        defer { documentScratch.packed = packed }
        for (entry, count) in occurrences.enumerated() where count > 0 {
            let id = ids[entry]
            termFrequency[Int(id)] += count
            packed.append(Self.pack(id, count))
            let written = analysis.entries[entry]
            if written.form != written.term.text { termForms[id, default: [:]][written.form, default: 0] += count }
        }
        packed.sort()
        var inDocument: [UInt64] = []
        inDocument.reserveCapacity(packed.count)
        for item in packed {
            let (id, count) = Self.unpack(item)
            if let last = inDocument.last, Self.unpack(last).id == id {
                inDocument[inDocument.count - 1] = Self.pack(id, Self.unpack(last).count + count)
            } else {
                inDocument.append(item)
                documentFrequency[Int(id)] += 1
            }
        }
        for (compound, count) in analysis.compounds { compounds[compound, default: 0] += count }
        documentTerms.append(inDocument)
        for theme in themeNames.indices {
            themeOccurrences[theme] += summary.themeOccurrences[theme]
            themeSentences[theme] += summary.themeSentences[theme]
            if summary.themeOccurrences[theme] > 0 { themeDocuments[theme] += 1 }
        }
        documentCount += 1
        sentenceCount += analysis.sentences.count
        paragraphCount += summary.paragraphCount
        tokenCount += summary.tokenCount
        termTokenCount += summary.termCount
        documents.append(summary)
    }

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: CorpusCounts) {
        precondition(other.themeNames == themeNames, "merging counts of different theme sets")
        precondition(other.grouping == grouping, "merging counts of different groupings")
        precondition(other.unit == unit, "merging counts of different co-occurrence units")
        precondition(other.window == window && other.words == words, "merging counts of different windows or words")
        let mapping = other.terms.map { id(for: $0) }
        for (otherID, id) in mapping.enumerated() {
            termFrequency[Int(id)] += other.termFrequency[otherID]
            documentFrequency[Int(id)] += other.documentFrequency[otherID]
            sentenceFrequency[Int(id)] += other.sentenceFrequency[otherID]
            if countsLargerUnits { largerUnitFrequency[Int(id)] += other.largerUnitFrequency[otherID] }
        }
        for (word, terms) in other.collocates.enumerated() {
            // Word occurrences come with the totals (`addTotals`).
            for (otherID, counts) in terms { collocates[word][mapping[Int(otherID)], default: Collocates()].add(counts) }
        }
        mergePairs(of: other, mapping: mapping)
        for (set, count) in other.unitSets { unitSets[set.map { mapping[Int($0)] }.sorted(), default: 0] += count }
        for (otherID, forms) in other.termForms {
            termForms[mapping[Int(otherID)], default: [:]].merge(forms, uniquingKeysWith: +)
        }
        for (group, counts) in other.groupTerms {
            var mine = groupTerms[group] ?? [:]
            for (otherID, count) in counts { mine[mapping[Int(otherID)], default: 0] += count }
            groupTerms[group] = mine
        }
        groupTotals.merge(other.groupTotals, uniquingKeysWith: +)
        for (group, sentences) in other.groupSentences {
            let themes = other.groupThemeSentences[group] ?? []
            addGroupSentences(group: group, sentences: sentences, themeSentences: themes)
        }
        compounds.merge(other.compounds, uniquingKeysWith: +)
        for (theme, terms) in other.themeTermSentences.enumerated() {
            for (otherID, count) in terms { themeTermSentences[theme][mapping[Int(otherID)], default: 0] += count }
        }
        for (first, row) in other.themePairSentences.enumerated() {
            for (second, count) in row.enumerated() where count > 0 {
                addThemePair(first, second, sentences: count)
            }
        }
        addTotals(other.totals)
        documents += other.documents
        for packed in other.documentTerms {
            documentTerms.append(packed.map { Self.pack(mapping[Int(Self.unpack($0).id)], Self.unpack($0).count) })
        }
    }

    /// Counts the window units of a document of `tokens` tokens whose terms stand at `placed`
    /// (in text order): every run of `window` + 1 consecutive tokens (the whole document when it
    /// is shorter). Runs of windows holding the same terms are counted at once.
    private mutating func countWindows(_ placed: [(position: Int, id: Int32)], tokens: Int) {
        let windows = tokens == 0 ? 0 : max(1, tokens - window)
        var (low, high, start) = (0, 0, 0)
        while start < windows {
            while high < placed.count, placed[high].position <= start + window { high += 1 }
            while low < high, placed[low].position < start { low += 1 }
            // The windows from `start` hold the same terms until one leaves or the next enters.
            var next = windows
            if low < high { next = min(next, placed[low].position + 1) }
            if high < placed.count { next = min(next, placed[high].position - window) }
            countUnit(Self.distinct(placed[low..<high].map(\.id)), times: next - start)
            start = next
        }
    }

    /// Counts, for every hit of a word looked for, the terms starting 1 to 5 tokens before its
    /// first token and after its last one (KH Coder's L5–R5), within the document of `tokens`
    /// tokens.
    private mutating func countCollocates(
        _ hits: [(word: Int, first: Int, last: Int)], placed: [(position: Int, id: Int32)], tokens: Int
    ) {
        var termAt = [Int32](repeating: -1, count: tokens)
        for (position, id) in placed where position < tokens { termAt[position] = id }
        let span = Self.collocationSpan
        for hit in hits {
            wordOccurrences[hit.word] += 1
            for distance in 1...span {
                let left = hit.first - distance
                if left >= 0, termAt[left] >= 0 {
                    collocates[hit.word][termAt[left], default: Collocates()].left[distance - 1] += 1
                }
                let right = hit.last + distance
                if right < tokens, termAt[right] >= 0 {
                    collocates[hit.word][termAt[right], default: Collocates()].right[distance - 1] += 1
                }
            }
        }
    }

    /// Adds `other`'s pairs, whose ids map to these by `mapping`.
    private mutating func mergePairs(of other: CorpusCounts, mapping: [Int32]) {
        pairUnits.reserveCapacity(pairUnits.count + other.pairUnits.count)
        for (pair, count) in other.pairUnits {
            pairUnits.add(PairKey(mapping[Int(pair.first)], mapping[Int(pair.second)]), count)
        }
    }

    /// Adds the pairs `other` counted (in a second pass, `pairsOnly`) and nothing else.
    public mutating func mergePairs(_ other: CorpusCounts) {
        mergePairs(of: other, mapping: other.terms.map { id(for: $0) })
    }

    /// Counts `times` co-occurrence units each holding the distinct term ids `present` (ascending).
    private mutating func countUnit(_ present: [Int32], times: Int = 1) {
        if countsLargerUnits && !pairsOnly {
            largerUnitCount += times
            for id in present { largerUnitFrequency[Int(id)] += times }
        }
        countUnitPairs(present, times: times)
    }

    /// Adds `times` units holding the distinct `terms` (as written in a partial): their pairs, as
    /// the pair scope allows, or with `.units` the set itself.
    public mutating func addUnit(_ terms: [Term], times: Int) {
        var ids: [Int32] = []
        ids.reserveCapacity(terms.count)
        for term in terms { ids.append(id(for: term)) }
        countUnitPairs(ids, times: times)
    }

    /// The pair-counting half of `countUnit`.
    private mutating func countUnitPairs(_ present: [Int32], times: Int) {
        switch pairScope {
        case .all: countPairs(present, times: times)
        case .none: break
        case .terms: countPairs(present.filter { pairAllowed[Int($0)] }, times: times)
        case .units:
            guard present.count > 1 else { return }
            unitSets[present.sorted(), default: 0] += times
        }
    }

    /// Counts `times` units holding every pair of `present`.
    private mutating func countPairs(_ present: [Int32], times: Int) {
        guard present.count > 1 else { return }
        pairBatch.removeAll(keepingCapacity: true)
        for i in present.indices {
            for j in present.index(after: i)..<present.endIndex {
                pairBatch.append(PairKey(present[i], present[j]))
            }
        }
        pairUnits.add(contentsOf: pairBatch, times)
    }

    /// Counts one sentence of `group` with its theme occurrences.
    mutating func addGroupSentence(group: String, themeOccurrences: [Int]) {
        groupSentences[group, default: 0] += 1
        // In place: a copy taken out and put back would copy the group's row for every sentence.
        func count(into themes: inout [Int]) {
            for (theme, count) in themeOccurrences.enumerated() where count > 0 { themes[theme] += 1 }
        }
        count(into: &groupThemeSentences[group, default: Array(repeating: 0, count: themeNames.count)])
    }

    /// Adds the pairs of one document and nothing else (see `pairsOnly`), unit by unit as `add`.
    private mutating func addPairs(_ analysis: DocumentAnalysis, ids: [Int32]) {
        var placed: [(position: Int, id: Int32)] = []
        var base = 0
        var gathering = UnitGathering()
        for (index, sentence) in analysis.sentences.enumerated() {
            let present = distinctIDs(of: sentence.terms, ids: ids)
            switch unit {
            case .sentence: countUnit(present)
            case .window:
                for (entry, position) in zip(sentence.terms, sentence.positions) {
                    placed.append((base + Int(position), ids[Int(entry)]))
                }
                base += sentence.tokenCount
            default:
                if let closed = gathering.add(present, key: unit.key(sentence.place, sentence: index)) { countUnit(closed) }
            }
        }
        if let last = gathering.finish() { countUnit(last) }
        if unit == .window { countWindows(placed, tokens: base) }
    }

    /// Counts only the pairs `scope` allows from now on; pairs counted so far that it does not
    /// allow are dropped. With `pairsOnly`, `add` counts pairs and nothing else.
    public mutating func countPairs(_ scope: PairScope, pairsOnly: Bool = false) {
        pairScope = scope
        self.pairsOnly = pairsOnly
        pairAllowed = terms.map(scope.allows)
        switch scope {
        case .all, .units: break
        case .none: pairUnits.removeAll(denseCapacity: 0)
        case .terms(let vocabulary):
            // The vocabulary's terms are the dense ones: every pair kept is in the array.
            let allowed = terms.indices.filter { pairAllowed[$0] }.map { Int32($0) }
            pairUnits = pairUnits.filter(denseIDs: allowed, denseCapacity: vocabulary.count) {
                pairAllowed[Int($0.first)] && pairAllowed[Int($0.second)]
            }
        }
    }

    /// The `size` most frequent terms (by occurrences, then by term): the terms whose pairs a
    /// run keeps, so that its pair table holds at most size(size − 1)/2 pairs.
    public func pairVocabulary(size: Int) -> Set<Term> {
        Self.mostFrequent(terms, frequencies: termFrequency, size: size)
    }

    /// The pair vocabulary the merge of `parts` would have (`pairVocabulary(size:)`), without
    /// merging them: so that each part can drop the pairs the merge would drop before merging.
    public static func pairVocabulary(size: Int, over parts: [CorpusCounts]) -> Set<Term> {
        guard parts.count > 1 else { return parts.first?.pairVocabulary(size: size) ?? [] }
        var totals: [Term: Int] = [:]
        for part in parts {
            for (id, term) in part.terms.enumerated() { totals[term, default: 0] += part.termFrequency[id] }
        }
        return mostFrequent(Array(totals.keys), frequencies: Array(totals.values), size: size)
    }

    /// The `size` terms of `terms` with the highest `frequencies` (same indices), ties by term.
    private static func mostFrequent(_ terms: [Term], frequencies: [Int], size: Int) -> Set<Term> {
        guard terms.count > size else { return Set(terms) }
        let ranked = terms.indices.sorted { lhs, rhs in
            frequencies[lhs] != frequencies[rhs] ? frequencies[lhs] > frequencies[rhs] : terms[lhs] < terms[rhs]
        }
        return Set(ranked.prefix(size).map { terms[$0] })
    }

    /// The ids in ascending order, each once (sorting beats hashing for a sentence's few terms).
    /// The distinct ids of a sentence's `entries` (ids of the document's entries), in the order
    /// they first occur, found by stamping each id with the sentence's number instead of sorting:
    /// one pass, and the result reuses one buffer.
    private mutating func distinctIDs(of entries: [Int32], ids: [Int32]) -> [Int32] {
        if seenIn.count < terms.count { seenIn.append(contentsOf: repeatElement(0, count: terms.count - seenIn.count)) }
        stamp &+= 1
        if stamp == 0 {
            // After 2³² sentences the stamps start again: forget the old ones.
            for index in seenIn.indices { seenIn[index] = 0 }
            stamp = 1
        }
        present.removeAll(keepingCapacity: true)
        for entry in entries {
            let id = ids[Int(entry)]
            if seenIn[Int(id)] != stamp {
                seenIn[Int(id)] = stamp
                present.append(id)
            }
        }
        return present
    }

    static func distinct(_ ids: [Int32]) -> [Int32] {
        var ids = ids
        ids.sort()
        // Compacted in place: one array a sentence, not two.
        var kept = 0
        for index in ids.indices where kept == 0 || ids[kept - 1] != ids[index] {
            ids[kept] = ids[index]
            kept += 1
        }
        ids.removeLast(ids.count - kept)
        return ids
    }

    /// Document summaries in run order (input, then row).
    public var sortedDocuments: [DocumentSummary] { sortedDocumentIndices.map { documents[$0] } }

    /// Indices of `documents` in run order (input, then row).
    public var sortedDocumentIndices: [Int] {
        documents.indices.sorted { DocumentSummary.inRunOrder(documents[$0], documents[$1]) }
    }

    /// The terms of document `index` (of `documents`) and how often each occurs there, in no order.
    public func terms(ofDocument index: Int) -> [(id: Int32, count: Int)] {
        documentTerms[index].map(Self.unpack)
    }

    static func pack(_ id: Int32, _ count: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: id)) << 32 | UInt64(UInt32(truncatingIfNeeded: min(count, Int(UInt32.max))))
    }

    static func unpack(_ packed: UInt64) -> (id: Int32, count: Int) {
        (Int32(bitPattern: UInt32(truncatingIfNeeded: packed >> 32)), Int(UInt32(truncatingIfNeeded: packed)))
    }
}

extension CorpusCounts.PairScope {
    /// Whether pairs with `term` are counted.
    func allows(_ term: Term) -> Bool {
        switch self {
        case .all: true
        case .none, .units: false
        case .terms(let terms): terms.contains(term)
        }
    }
}

/// The distinct terms of a run of consecutive sentences with the same unit key (a paragraph, a
/// turn …): the unit whose pairs are counted once it closes.
struct UnitGathering {
    private var key: Int?
    private var terms: [Int32] = []

    /// Adds a sentence's distinct terms under `key`; returns the terms of the unit it closes.
    mutating func add(_ present: [Int32], key: Int) -> [Int32]? {
        var closed: [Int32]?
        if let current = self.key, current != key {
            closed = CorpusCounts.distinct(terms)
            terms.removeAll(keepingCapacity: true)
        }
        self.key = key
        terms += present
        return closed
    }

    /// The terms of the last unit, if any sentence was added.
    func finish() -> [Int32]? { key == nil ? nil : CorpusCounts.distinct(terms) }
}
