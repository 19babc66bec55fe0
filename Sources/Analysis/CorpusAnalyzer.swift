import Bytes
import Corpus
import Tokenization

/// One worker's analysis: turns a document's tokenized sentences into a `DocumentAnalysis` (terms
/// and theme occurrences) and adds it to the worker's `CorpusCounts`.
///
/// In each sentence, force-picked words and synonyms are found first (their tokens become one term
/// of category タグ), then compound-noun candidates (recorded for `compound_candidates.csv`, and
/// counted as single terms when `Vocabulary.joinsCompounds` is set); the remaining tokens are
/// terms by their category. Synonyms written as one word are renamed, and stopwords dropped, last.
///
/// A known word's term depends only on its dictionary entry, so it is decided once per entry and
/// kept by the entry's features object (which MeCab's tagger shares between all tokens of the
/// entry). Terms are counted under their key (`key`: the case fold when that rule is on); the
/// written form is kept beside it, for display. Not thread safe: one per worker.
public struct CorpusAnalyzer {
    public private(set) var counts: CorpusCounts
    private let extractor: TermExtractor
    private let compounds: CompoundExtractor
    /// Finds the themes and, after them, the words looked for.
    private let matcher: ThemeMatcher
    private let themeCount: Int
    /// A zero per theme, shared by every sentence where no theme occurs (copied only when one does).
    private let noThemeOccurrences: [Int]
    private let vocabulary: Vocabulary
    private let phraseForms: [[UInt8]]
    private let phraseTerms: [String]
    private let renames: [String: String]
    private let key: @Sendable (String) -> String
    /// Every term entry this worker has seen, and its index.
    private var entries: [DocumentAnalysis.Entry] = []
    private var entryIndex: [EntryKey: Int32] = [:]
    /// Per dictionary entry (indexed by its features' `ordinal`): its worker entry (-1: no term,
    /// `undecided`: not met yet, `bySurface`: decided per surface) when its term is its
    /// dictionary form, and its role in compounds. Both depend on the entry alone; arrays,
    /// because they are read for every token.
    private var knownWords: [Int32] = []
    private var compoundRoles: [CompoundExtractor.Role?] = []
    private static let undecided: Int32 = -2
    /// In `knownWords`: the entry's tokens are decided by their surface (`surfaceToken`).
    private static let bySurface: Int32 = -3
    /// Per worker entry, its index in the document being analyzed (-1: not used yet).
    private var local: [Int32] = []
    /// Per worker entry, its term's id in `counts` (-1: not counted yet).
    private var countIDs: [Int32] = []
    /// Tokens outside the dictionary (and every token when terms are surfaces) by their entry
    /// and surface, which decide their term and compound role: one lookup instead of working
    /// both out again for every occurrence of an unknown word.
    private var surfaceTokens = SurfaceTable<(entry: Int32, role: CompoundExtractor.Role)>()
    /// The document being analyzed (`beginDocument` … `finishDocument`).
    private var document = DocumentState()
    /// Per-sentence working arrays, kept for their capacity: a sentence allocates only what its
    /// analysis keeps.
    private var scratch = Scratch()

    private struct DocumentState {
        var variables: [DocumentVariable] = []
        var used: [DocumentAnalysis.Entry] = []
        var usedWorkerEntries: [Int32] = []
        var sentences: [DocumentAnalysis.Sentence] = []
        var candidates: [CompoundKey: Int] = [:]
    }

    private struct Scratch {
        var spans: [(start: Int, end: Int, term: String, category: String)] = []
        var covered: [Bool] = []
        var roles: [CompoundExtractor.Role] = []
        var workers: [Int32] = []
    }

    /// - Parameters:
    ///   - themes: the themes to count, with forms already normalized and keyed like `key`.
    ///   - words: the words looked for (`--kwic`), prepared like themes (one form each): their
    ///     hits are kept per sentence, for the concordance and collocations.
    ///   - vocabulary: what counts as a term; its entries' forms normalized and keyed like `key`.
    ///   - family: the dictionary's family, for its parts of speech.
    ///   - key: the key a term or text is compared under; identity by default.
    public init(
        themes: [Theme], words: [Theme] = [], vocabulary: Vocabulary = Vocabulary(),
        family: FeatureLayout.Family = .ipadic, groupBy: CorpusCounts.Grouping? = nil,
        unit: CooccurrenceUnit = .sentence, window: Int = 5, key: @escaping @Sendable (String) -> String = { $0 }
    ) {
        counts = CorpusCounts(
            themeNames: themes.map(\.name), grouping: groupBy, unit: unit, window: window, words: words.map(\.name))
        extractor = TermExtractor(family: family, selection: vocabulary.selection, useSurface: vocabulary.useSurface)
        compounds = CompoundExtractor(family: family)
        matcher = ThemeMatcher(themes: themes + words, key: key, family: family)
        themeCount = themes.count
        noThemeOccurrences = Array(repeating: 0, count: themes.count)
        self.vocabulary = vocabulary
        var forms: [[UInt8]] = []
        var terms: [String] = []
        for entry in vocabulary.entries {
            for form in entry.forms where !form.isEmpty {
                forms.append(Array(form.utf8))
                terms.append(entry.term)
            }
        }
        phraseForms = forms
        phraseTerms = terms
        renames = vocabulary.renames
        self.key = key
    }

    /// A document this analyzer has just analyzed, with what lets `add(_:)` count it without
    /// looking its terms up: the worker entry of each of its entries.
    public struct Fresh: Sendable {
        public var analysis: DocumentAnalysis
        fileprivate let workerEntries: [Int32]
    }

    /// Analyzes one document and adds it to `counts`; returns the analysis, for the cache.
    @discardableResult
    public mutating func add(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token], place: SentencePlace)])
        -> DocumentAnalysis
    {
        let fresh = analyzeFresh(summary, sentences: sentences)
        add(fresh)
        return fresh.analysis
    }

    /// Adds an analysis made earlier (from the cache).
    public mutating func add(_ analysis: DocumentAnalysis) {
        counts.add(analysis)
    }

    /// Adds a document this analyzer analyzed (`analyzeFresh`), whose summary the caller may have
    /// completed since (its entries and sentences must be as they were). Each worker entry's id
    /// in `counts` is looked up once per worker, not once per document.
    public mutating func add(_ fresh: Fresh) {
        precondition(fresh.workerEntries.count == fresh.analysis.entries.count, "an analysis changed after analyzeFresh")
        var ids: [Int32] = []
        ids.reserveCapacity(fresh.workerEntries.count)
        for worker in fresh.workerEntries {
            var id = countIDs[Int(worker)]
            if id < 0 {
                id = counts.id(for: entries[Int(worker)].term)
                countIDs[Int(worker)] = id
            }
            ids.append(id)
        }
        counts.add(fresh.analysis, ids: ids)
    }

    /// Counts only the pairs `scope` allows from now on (see `CorpusCounts.countPairs`).
    public mutating func countPairs(_ scope: CorpusCounts.PairScope, pairsOnly: Bool = false) {
        counts.countPairs(scope, pairsOnly: pairsOnly)
    }

    /// The analysis of one document.
    public mutating func analyze(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token], place: SentencePlace)])
        -> DocumentAnalysis
    {
        analyzeFresh(summary, sentences: sentences).analysis
    }

    /// The analysis of one document, to be completed and then counted with `add(_:)`.
    public mutating func analyzeFresh(
        _ summary: DocumentSummary, sentences: [(text: String, tokens: [Token], place: SentencePlace)]
    ) -> Fresh {
        beginDocument(variables: summary.variables)
        for sentence in sentences { addSentence(sentence.text, tokens: sentence.tokens, place: sentence.place) }
        return finishDocument(summary)
    }

    /// Starts a document analyzed a sentence at a time (`addSentence`, then `finishDocument`):
    /// its tokens need not outlive each sentence. `variables` are the document's, which theme
    /// rules may ask for.
    public mutating func beginDocument(variables: [DocumentVariable]) {
        precondition(document.sentences.isEmpty && document.used.isEmpty, "a document was begun and not finished")
        document.variables = variables
    }

    /// Analyzes the next sentence of the document begun, and returns its hits (the themes' and
    /// the words looked for), for the concordance.
    @discardableResult
    public mutating func addSentence(_ text: String, tokens: [Token], place: SentencePlace) -> [DocumentAnalysis.Hit] {
        // Force-picked words and synonyms: token ranges that are one term.
        // In text order; they never overlap (a compound skips covered tokens).
        scratch.spans.removeAll(keepingCapacity: true)
        scratch.covered.removeAll(keepingCapacity: true)
        scratch.covered.append(contentsOf: repeatElement(false, count: tokens.count))
        if !phraseForms.isEmpty, !tokens.isEmpty {
            let keyed = KeyedSentence(text, tokens: tokens, key: key)
            var index = 0
            while index < tokens.count {
                if let match = longestPhrase(in: keyed, at: index) {
                    scratch.spans.append((index, match.lastToken + 1, match.term, TermCategory.tag))
                    for covering in index...match.lastToken { scratch.covered[covering] = true }
                    index = match.lastToken + 1
                } else {
                    index += 1
                }
            }
        }
        let phrases = scratch.spans.count
        // Each token's compound role and worker entry (-1: no term), an unknown word's both
        // from one lookup; surfaces are read in place from the sentence's bytes.
        scratch.roles.removeAll(keepingCapacity: true)
        scratch.workers.removeAll(keepingCapacity: true)
        var sentence = text
        sentence.withUTF8Span { bytes in
            for token in tokens {
                if token.isUnknown {
                    let decided = surfaceToken(token, bytes: bytes, in: text)
                    scratch.roles.append(decided.role)
                    scratch.workers.append(decided.entry)
                    continue
                }
                let ordinal = Self.room(for: token.ordinal, in: &compoundRoles, filler: nil)
                if let known = compoundRoles[ordinal] {
                    scratch.roles.append(known)
                } else {
                    let role = compounds.role(of: token, in: text)
                    compoundRoles[ordinal] = role
                    scratch.roles.append(role)
                }
                scratch.workers.append(workerEntry(for: token, bytes: bytes, in: text) ?? -1)
            }
            // Compound candidates, recorded always, counted as terms if asked.
            // A run of one noun is kept by no report (and adds nothing to the others' FL and FR,
            // `CompoundRanking`), so only runs of two or more are recorded.
            compounds.forEachCandidate(
                in: tokens, of: bytes, covered: scratch.covered, roles: scratch.roles, minimumNouns: 2
            ) { range in
                let nouns = tokens[range].map { String(decodingUTF8: bytes.extracting($0.byteRange)) }
                document.candidates[CompoundKey(normalizing: nouns), default: 0] += 1
                if vocabulary.joinsCompounds {
                    scratch.spans.append((range.lowerBound, range.upperBound, nouns.joined(), TermCategory.compound))
                    for covering in range { scratch.covered[covering] = true }
                }
            }
        }
        if phrases > 0, scratch.spans.count > phrases { scratch.spans.sort { $0.start < $1.start } }
        var terms: [Int32] = []
        var positions: [Int32] = []
        terms.reserveCapacity(tokens.count)
        positions.reserveCapacity(tokens.count)
        var index = 0
        var nextSpan = 0
        while index < tokens.count {
            let start = index
            let worker: Int32?
            if nextSpan < scratch.spans.count, scratch.spans[nextSpan].start == index {
                let span = scratch.spans[nextSpan]
                nextSpan += 1
                worker = intern(Term(text: span.term, partOfSpeech: span.category))
                index = span.end
            } else {
                worker = scratch.workers[index]
                index += 1
            }
            guard let worker, worker >= 0 else { continue }
            if local[Int(worker)] < 0 {
                local[Int(worker)] = Int32(document.used.count)
                document.used.append(entries[Int(worker)])
                document.usedWorkerEntries.append(worker)
            }
            terms.append(local[Int(worker)])
            positions.append(Int32(start))
        }
        let context = ThemeMatcher.Context(variables: document.variables, sentenceNumber: document.sentences.count + 1)
        let hits = matcher.hits(in: text, tokens: tokens, context: context)
        var occurrences = noThemeOccurrences
        for hit in hits where hit.match < themeCount { occurrences[hit.match] += 1 }
        document.sentences.append(
            DocumentAnalysis.Sentence(
                terms: terms, positions: positions, tokenCount: tokens.count,
                themeOccurrences: occurrences, place: place, hits: hits))
        return hits
    }

    /// Ends the document begun: its analysis under `summary`, to be completed and then counted
    /// with `add(_:)`.
    public mutating func finishDocument(_ summary: DocumentSummary) -> Fresh {
        for worker in document.usedWorkerEntries { local[Int(worker)] = -1 }
        // The document's arrays grew in buffers kept from document to document; the analysis
        // gets exact copies (one allocation each, where growing them would take several).
        let fresh = Fresh(
            analysis: DocumentAnalysis(
                summary: summary, entries: Array(document.used[...]), sentences: Array(document.sentences[...]),
                compounds: document.candidates),
            workerEntries: Array(document.usedWorkerEntries[...]))
        document.variables = []
        document.used.removeAll(keepingCapacity: true)
        document.usedWorkerEntries.removeAll(keepingCapacity: true)
        document.sentences.removeAll(keepingCapacity: true)
        document.candidates = [:]
        return fresh
    }

    /// The longest force-pick or synonym form at token `index`, and the term it stands for.
    private func longestPhrase(in keyed: KeyedSentence, at index: Int) -> (lastToken: Int, term: String)? {
        var best: (length: Int, lastToken: Int, term: String)?
        for (form, term) in zip(phraseForms, phraseTerms) where form.count > (best?.length ?? 0) {
            if let match = keyed.longestMatch(of: [form], atToken: index) {
                best = (match.length, match.lastToken, term)
            }
        }
        return best.map { ($0.lastToken, $0.term) }
    }

    /// The worker entry `token` counts as, -1 or `nil` if it is no term; `bytes` are the UTF-8 of
    /// `sentence`, the token's sentence.
    private mutating func workerEntry(for token: Token, bytes: Span<UInt8>, in sentence: String) -> Int32? {
        if token.isUnknown { return surfaceToken(token, bytes: bytes, in: sentence).entry }
        let ordinal = Self.room(for: token.ordinal, in: &knownWords, filler: Self.undecided)
        var entry = knownWords[ordinal]
        if entry == Self.undecided {
            // An entry without a dictionary form, or any entry when terms are surfaces, is
            // decided by its surface; the rest once for the entry.
            entry =
                token.features.baseForm == nil || vocabulary.useSurface
                ? Self.bySurface : extractor.term(for: token, in: sentence).map { intern($0) } ?? -1
            knownWords[ordinal] = entry
        }
        if entry == Self.bySurface { return surfaceToken(token, bytes: bytes, in: sentence).entry }
        // The category is the entry's; a surface made only of symbols is still refused.
        guard entry >= 0, !TermExtractor.isSymbolOnly(bytes.extracting(token.byteRange)) else { return nil }
        return entry
    }

    /// The worker entry (-1: no term) and compound role of a token decided by its surface.
    private mutating func surfaceToken(_ token: Token, bytes: Span<UInt8>, in sentence: String)
        -> (entry: Int32, role: CompoundExtractor.Role)
    {
        let surface = bytes.extracting(token.byteRange)
        if let known = surfaceTokens.value(ordinal: token.ordinal, surface: surface) { return known }
        let decided = (
            entry: extractor.term(for: token, in: sentence).map { intern($0) } ?? -1,
            role: compounds.role(of: token, in: sentence)
        )
        surfaceTokens.insert(decided, ordinal: token.ordinal, surface: String(decodingUTF8: surface))
        return decided
    }

    /// `ordinal` as an index of `array`, grown with `filler` to hold it: ordinals are dense, so
    /// the arrays grow to the number of dictionary entries the process has met.
    @inline(__always)
    private static func room<Element>(for ordinal: Int32, in array: inout [Element], filler: Element) -> Int {
        let index = Int(ordinal)
        if index >= array.count {
            array.append(contentsOf: repeatElement(filler, count: max(index + 1, array.count * 2) - array.count))
        }
        return index
    }

    /// The worker entry of `term` as written, under its key, after synonyms and stopwords (-1
    /// for a stopword).
    private mutating func intern(_ term: Term) -> Int32 {
        let text = CanonicalText.nfc(term.text)
        var keyed = Term(text: key(text), partOfSpeech: term.partOfSpeech)
        var form = text
        if let renamed = (renames[keyed.text] ?? renames[term.text]).map(CanonicalText.nfc) {
            keyed = Term(text: key(renamed), partOfSpeech: TermCategory.tag)
            form = renamed
        }
        if vocabulary.stopwords.contains(keyed.text) { return -1 }
        let entry = DocumentAnalysis.Entry(term: keyed, form: form)
        if let known = entryIndex[EntryKey(entry: entry)] { return known }
        let index = Int32(entries.count)
        entries.append(entry)
        entryIndex[EntryKey(entry: entry)] = index
        local.append(-1)
        countIDs.append(-1)
        return index
    }
}
