import Bytes

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
/// document, and the units kept while pairs are deferred, `deferPairs()`, which a run bounds).
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
    /// The ids by their terms' bytes in NFC (`TermKey`).
    private var termSlots = HashSlots()
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
    var documentScratch = (occurrences: [Int](), packed: [UInt64]())
    private var stamp: UInt32 = 0
    private var present: [Int32] = []
    /// A unit's ids that the pair scope allows (`countUnitPairs` with `.terms`), kept for its
    /// capacity.
    private var allowedInUnit: [Int32] = []
    /// Which pairs are counted: every pair, none, or pairs of two terms of a set (the run's pair
    /// vocabulary, `pairVocabulary(size:)`), which bounds `pairUnits` to n(n − 1)/2 entries.
    public private(set) var pairScope: PairScope = .all
    /// Per term id, whether pairs with it are counted (with `.terms`).
    private var pairAllowed: [Bool] = []
    /// With `pairsOnly`, `add` counts the pairs and nothing else (the second pass of a run whose
    /// pair table outgrew its bound).
    public private(set) var pairsOnly = false
    /// Whether units are kept (`deferredUnits`) instead of having their pairs counted, until
    /// `countPairs(_:)` says which pairs to count (`deferPairs()`).
    public private(set) var deferringPairs = false
    /// The units kept while `deferringPairs`, a record of varints each (`VarintRecords`): for
    /// each unit of two distinct ids or more, how many ids it holds, how many times it is
    /// counted, then the ids as they came. Ids are numbered as terms are first met, so the
    /// frequent ones are small and most take a byte or two. A unit's pairs are in `pairUnits` or
    /// here, never in both.
    private var deferredUnits = VarintRecords()

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
    /// Per document (indexed like `documents`), its terms and their counts, as varints
    /// (`DocumentTermLists`): 2–4 bytes a term, where a `TermCount` takes 40 and more, because
    /// these grow with the corpus.
    var documentTerms = DocumentTermLists()

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
    /// Compound-noun candidates (of two nouns or more) by id, in the order first met, keyed as
    /// `DocumentAnalysis.compounds` are, and how often each occurred as a whole (`compoundCounts`):
    /// every document adds its candidates here, by the ids its batch carries (`compoundID(for:)`,
    /// which a worker's analyzer asks once per candidate, when it first meets it), not through a
    /// table keyed by the candidate. A candidate met in a document that was then dropped stays
    /// with no occurrence; no report lists it (`CompoundRanking`, partials).
    public internal(set) var compoundKeys: [CompoundKey] = []
    public internal(set) var compoundCounts: [Int] = []
    /// `compoundKeys` found by their bytes.
    private var compoundSlots = HashSlots()
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
    package mutating func id(for term: Term) -> Int32 {
        let key = TermKey(term)
        let hash = key.hash
        let found = termSlots.find(hash) { key.isKey(of: terms[$0]) }
        if let id = found.number { return Int32(id) }
        let id = Int32(termSlots.insert(hash, at: found.slot))
        terms.append(term)
        termFrequency.append(0)
        documentFrequency.append(0)
        sentenceFrequency.append(0)
        if countsLargerUnits { largerUnitFrequency.append(0) }
        pairAllowed.append(pairScope.allows(term))
        if pairAllowed[Int(id)] { pairUnits.makeDense(id) }
        return id
    }

    /// The id of compound candidate `key`, which joins the candidates (with no occurrence yet)
    /// the first time it is asked for.
    package mutating func compoundID(for key: CompoundKey) -> Int32 {
        let hash = UTF8Bytes.hash(key.joined)
        let found = compoundSlots.find(hash) { compoundKeys[$0] == key }
        if let id = found.number { return Int32(id) }
        let id = Int32(compoundSlots.insert(hash, at: found.slot))
        compoundKeys.append(key)
        compoundCounts.append(0)
        return id
    }

    /// The id of the compound candidate whose key has the bytes `joined` (its nouns, NFC,
    /// joined by `CompoundKey.separatorByte`), if it was met: a key looked up by bytes where they
    /// are, with no key made.
    package func compoundID(joined: Span<UInt8>) -> Int32? {
        compoundSlots.find(HashSlots.hash(joined)) { UTF8Bytes.equal(compoundKeys[$0].joined, joined) }.number.map(Int32.init)
    }

    /// Adds `count` occurrences of compound candidate `key`.
    mutating func addCompound(_ key: CompoundKey, count: Int) {
        compoundCounts[Int(compoundID(for: key))] += count
    }

    /// The compound candidates and their occurrences, as a table (tests; the reports and the
    /// merge read `compoundKeys` and `compoundCounts`). Setting it replaces them all.
    public internal(set) var compounds: [CompoundKey: Int] {
        get { Dictionary(zip(compoundKeys, compoundCounts), uniquingKeysWith: +) }
        set {
            (compoundKeys, compoundCounts, compoundSlots) = ([], [], HashSlots())
            for (key, count) in newValue { addCompound(key, count: count) }
        }
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
    public func id(of term: Term) -> Int32? {
        let key = TermKey(term)
        return termSlots.find(key.hash) { key.isKey(of: terms[$0]) }.number.map(Int32.init)
    }

    /// Counts `times` co-occurrence units each holding the distinct term ids `present` (ascending).
    mutating func countUnit(_ present: [Int32], times: Int = 1) {
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
        if deferringPairs {
            guard present.count > 1 else { return }
            deferredUnits.append(maximumBytes: 10 * (present.count + 2)) { bytes in
                bytes.appendVarint(present.count)
                bytes.appendVarint(times)
                for id in present { bytes.appendVarint(Int(id)) }
            }
            return
        }
        switch pairScope {
        case .all: countPairs(present, times: times)
        case .none: break
        case .terms:
            // Into one reused array, not one filtered array a unit.
            var allowed = allowedInUnit
            allowedInUnit = []
            allowed.removeAll(keepingCapacity: true)
            for id in present where pairAllowed[Int(id)] { allowed.append(id) }
            countPairs(allowed, times: times)
            allowedInUnit = allowed
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

    /// Counts only the pairs `scope` allows from now on; pairs counted so far that it does not
    /// allow are dropped, and units kept while deferring have their pairs that it allows counted
    /// now. With `pairsOnly`, `add` counts pairs and nothing else.
    ///
    /// `ranks`, for `.terms(vocabulary)`, is each term's place (by id) among the vocabulary, the
    /// most frequent first, or -1 for a term not in it (`pairVocabularyRanks`, renamed to these
    /// counts' ids): with it, no term is looked up in the set and none compared as strings, which took
    /// 63 M instructions for each counts on the survey at the end of a run (each term's two
    /// strings hashed, and the vocabulary sorted by `Term.<`).
    public mutating func countPairs(_ scope: PairScope, pairsOnly: Bool = false, ranks: [Int32]? = nil) {
        precondition(ranks == nil || ranks?.count == terms.count, "a rank for every term")
        pairScope = scope
        self.pairsOnly = pairsOnly
        pairAllowed = ranks.map { $0.map { $0 >= 0 } } ?? terms.map(scope.allows)
        switch scope {
        case .all, .units: break
        case .none: pairUnits.removeAll(denseCapacity: 0)
        case .terms(let vocabulary):
            // The vocabulary's terms are the dense ones: every pair kept is in the array. Their
            // places follow the ranks (without them, the terms' order), the same in every
            // worker's counts, so that merging two adds the arrays cell by cell
            // (`PairTable.add(contentsOf:mapping:)`).
            var allowed: [Int32]
            if let ranks {
                allowed = Array(repeating: -1, count: vocabulary.count)
                for (id, rank) in ranks.enumerated() where rank >= 0 { allowed[Int(rank)] = Int32(id) }
                allowed.removeAll { $0 < 0 }
            } else {
                allowed = terms.indices.filter { pairAllowed[$0] }.sorted { terms[$0] < terms[$1] }.map { Int32($0) }
            }
            pairUnits = pairUnits.filter(denseIDs: allowed, denseCapacity: vocabulary.count) {
                pairAllowed[Int($0.first)] && pairAllowed[Int($0.second)]
            }
        }
        if deferringPairs {
            deferringPairs = false
            countDeferredUnits()
        }
    }

    /// Keeps each unit's distinct ids from now on instead of counting its pairs, until
    /// `countPairs(_:)` says which pairs count: a run's reports keep the pairs of its most
    /// frequent terms only (`pairVocabulary(size:)`), which are known when every input is
    /// counted. Counting every pair as it comes sent most of them, those of a rare term, to the
    /// hash table, to be dropped at the end; a kept unit costs a byte or two an id, and its pairs
    /// among the vocabulary are then counted in the dense array alone, without hashing.
    public mutating func deferPairs() {
        precondition(pairScope == .all && !pairsOnly, "pairs are deferred only while every pair is counted")
        deferringPairs = true
    }

    /// What the pairs take so far, in pairs: those counted, and the kept units at a pair's room
    /// (16 bytes: a hashed pair's key and count) for every 16 of their bytes. What a worker's
    /// bound (`pair_table_limit`) is measured against.
    public var pairRoom: Int { pairUnits.count + deferredUnits.byteCount / 16 }

    /// Counts the pairs the scope allows of the units kept while deferring, and drops the units.
    /// Restricted to a vocabulary whose terms are the dense ids (as `countPairs` makes it), a
    /// unit's pairs go straight to the array (`PairTable.addUnit(dense:times:places:)`).
    private mutating func countDeferredUnits() {
        let units = deferredUnits
        deferredUnits = VarintRecords()
        guard case .terms = pairScope, pairUnits.holdsDense(exactly: pairAllowed) else {
            Self.forEachUnit(of: units) { ids, times in countUnitPairs(ids, times: times) }
            return
        }
        var places: [Int32] = []
        Self.forEachUnit(of: units) { ids, times in pairUnits.addUnit(dense: ids, times: times, places: &places) }
        pairUnits.countDense()
    }

    /// Calls `body` with each unit of `units` (laid out as `deferredUnits`): its ids, in one
    /// reused array, and how many times it counts.
    private static func forEachUnit(of units: VarintRecords, _ body: (_ ids: [Int32], _ times: Int) -> Void) {
        var ids: [Int32] = []
        units.forEachRecord { span, offset in
            let count = Int(span.trustedVarint(at: &offset))
            let times = Int(span.trustedVarint(at: &offset))
            ids.removeAll(keepingCapacity: true)
            for _ in 0..<count { ids.append(Int32(truncatingIfNeeded: span.trustedVarint(at: &offset))) }
            body(ids, times)
        }
    }

    /// Adds `other`'s kept units, their ids renamed by `mapping`: kept, if these counts defer
    /// pairs too, else counted as these count pairs.
    mutating func addDeferredUnits(of other: CorpusCounts, mapping: [Int32]) {
        Self.forEachUnit(of: other.deferredUnits) { ids, times in
            countUnitPairs(ids.map { mapping[Int($0)] }, times: times)
        }
    }

    /// The distinct ids of a sentence's `entries` (entries of its document in `documents`, whose
    /// entries start at `offset`), in the order they first occur, found by stamping each id with
    /// the sentence's number instead of sorting: one pass, and the result reuses one buffer.
    mutating func distinctIDs(of entries: ArraySlice<Int32>, in documents: DocumentBatch, from offset: Int) -> [Int32] {
        if seenIn.count < terms.count { seenIn.append(contentsOf: repeatElement(0, count: terms.count - seenIn.count)) }
        stamp &+= 1
        if stamp == 0 {
            // After 2³² sentences the stamps start again: forget the old ones.
            for index in seenIn.indices { seenIn[index] = 0 }
            stamp = 1
        }
        present.removeAll(keepingCapacity: true)
        for entry in entries {
            let id = documents.id(of: offset + Int(entry))
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
