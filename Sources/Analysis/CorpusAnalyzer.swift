import Bytes
import Corpus
import Tokenization

/// One worker's analysis: turns a document's tokenized sentences into terms and theme
/// occurrences, appended to the worker's flat `analyzed` batch, and adds them to the worker's
/// `CorpusCounts`.
///
/// In each sentence, force-picked words and synonyms are found first (their tokens become one term
/// of category タグ), then compound-noun candidates (recorded for `compound_candidates.csv`, and
/// counted as single terms when `Vocabulary.joinsCompounds` is set); the remaining tokens are
/// terms by their category. Synonyms written as one word are renamed, and stopwords dropped, last.
///
/// A known word's term depends only on its dictionary entry, so it is decided once per entry and
/// kept by the entry's features object (which MeCab's tagger shares between all tokens of the
/// entry). Terms are counted under their key (`key`: the case fold when that rule is on); the
/// written form is kept beside it, for display.
///
/// A document's analysis is never a value of its own: its entries, sentences, terms, positions,
/// hits and compounds are appended to `analyzed`, arrays kept for their capacity from document to
/// document, so a sentence allocates nothing; the documents stay there until the cache has
/// stored them (`removeAnalyzed`). Not thread safe: one per worker.
public struct CorpusAnalyzer {
    public private(set) var counts: CorpusCounts
    private let extractor: TermExtractor
    private let compounds: CompoundExtractor
    /// Finds the themes and, after them, the words looked for.
    private let matcher: ThemeMatcher
    private let themeCount: Int
    private let vocabulary: Vocabulary
    private let phraseForms: [[UInt8]]
    private let phraseTerms: [String]
    private let renames: [String: String]
    private let key: @Sendable (String) -> String
    /// Every term entry this worker has seen, and its index.
    private var entries: [DocumentAnalysis.Entry] = []
    /// Per worker entry: whether its written form differs from its key's text.
    private var formDiffers: [Bool] = []
    /// The indices of `entries` by their bytes (`EntryKey`).
    private var entrySlots = HashSlots()
    /// Per dictionary entry (indexed by its features' `ordinal`): its worker entry (-1: no term,
    /// `undecided`: not met yet, `bySurface`: decided per surface) when its term is its
    /// dictionary form, and its role in compounds (`nil`: not met yet). Both depend on the entry
    /// alone; one array, because both are read for every token, and side by side they are one
    /// read of memory, not two.
    private var knownWords: [(entry: Int32, role: CompoundExtractor.Role?)] = []
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
    /// The compound-noun candidates this worker has met whose surfaces are not their key (not
    /// NFC), by their surfaces' bytes joined with `CompoundKey`'s separator, to their ids in
    /// `counts`. A candidate is found by its surfaces' bytes in the counts' own keys
    /// (`CorpusCounts.compoundID(joined:)`): text the normalizer made NFKC is NFC, so a
    /// candidate's surfaces are its key, made (its nouns made NFC) only the first time the
    /// worker meets it. Before, every candidate was kept here too, with its key and its id in
    /// lists of the worker's own: some 60 bytes a candidate in each worker, with hundreds of
    /// thousands of candidates on the ten-times man pages. A candidate of a document that is
    /// then dropped stays in the counts with no occurrence, which no report lists.
    private var otherSpellings = SurfaceTable<Int32>()
    /// The documents analyzed and not yet removed (`removeAnalyzed`), with their entries' ids in
    /// `counts`: what the cache stores.
    package private(set) var analyzed = DocumentBatch()
    /// Per entry of `analyzed`: its worker entry, which knows its term.
    private var analyzedEntries: [Int32] = []
    /// The document being analyzed (`beginDocument` … `finishDocument`).
    private var document = DocumentState()
    /// Per-sentence working arrays, kept for their capacity: a sentence allocates nothing once
    /// they have grown.
    private var scratch = Scratch()

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

    /// Analyzes one document and adds it to `counts`; `analyzed` is emptied after it (nothing is
    /// kept for a cache).
    public mutating func add(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token], place: SentencePlace)]) {
        beginDocument(variables: summary.variables)
        for sentence in sentences { addSentence(sentence.text, tokens: sentence.tokens, place: sentence.place) }
        finishDocument(summary)
        removeAnalyzed()
    }

    /// Keeps units instead of counting their pairs, until `countPairs` (`CorpusCounts.deferPairs`).
    public mutating func deferPairs() {
        counts.deferPairs()
    }

    /// Counts only the pairs `scope` allows from now on (see `CorpusCounts.countPairs`).
    public mutating func countPairs(_ scope: CorpusCounts.PairScope, pairsOnly: Bool = false) {
        counts.countPairs(scope, pairsOnly: pairsOnly)
    }

    /// The analysis of one document, as a value of its own, not counted (tests and benchmarks).
    public mutating func analyze(_ summary: DocumentSummary, sentences: [(text: String, tokens: [Token], place: SentencePlace)])
        -> DocumentAnalysis
    {
        beginDocument(variables: summary.variables)
        for sentence in sentences { addSentence(sentence.text, tokens: sentence.tokens, place: sentence.place) }
        endDocument(summary)
        let index = analyzed.count - 1
        let terms = analyzedTerms
        let analysis = analyzed.analysis(of: index, themeCount: themeCount) { terms[$0] }
        removeAnalyzed()
        return analysis
    }

    /// The terms of the entries of `analyzed` (valid until it changes).
    package var analyzedTerms: AnalyzedTerms { AnalyzedTerms(entries: entries, workers: analyzedEntries) }

    /// Empties `analyzed` (once the cache has stored it, or after an error), keeping its arrays'
    /// room; a document begun and not finished is dropped.
    public mutating func removeAnalyzed() {
        if document.isOpen { dropOpenDocument() }
        analyzed.removeAll()
        analyzedEntries.removeAll(keepingCapacity: true)
    }

    /// Changes the summary of the last document finished as the cache is to keep it (counting
    /// has read it already).
    package mutating func amendLastSummary(_ change: (inout DocumentSummary) -> Void) {
        change(&analyzed.summaries[analyzed.summaries.count - 1])
    }

    /// Starts a document analyzed a sentence at a time (`addSentence`, then `finishDocument`):
    /// its tokens need not outlive each sentence. `variables` are the document's, which theme
    /// rules may ask for. What a document begun and never finished (its analysis stopped by an
    /// error) left is dropped.
    public mutating func beginDocument(variables: [DocumentVariable]) {
        if document.isOpen { dropOpenDocument() }
        document.variables = variables
        document.mark = analyzed.mark
    }

    /// Analyzes the next sentence of the document begun (`addSentence(_:tokens:place:)` of its
    /// UTF-8 bytes).
    @discardableResult
    public mutating func addSentence(_ text: String, tokens: [Token], place: SentencePlace) -> Range<Int> {
        var text = text
        return text.withUTF8Span { addSentence($0, tokens: tokens, place: place) }
    }

    /// Analyzes the next sentence of the document begun, whose UTF-8 is `sentence` (the bytes
    /// MeCab parsed: a range of the paragraph's, not a `String` of its own), and returns where
    /// its hits (the themes' and the words looked for) are in `analyzed.hits`, for the
    /// concordance.
    @discardableResult
    public mutating func addSentence(_ sentence: Span<UInt8>, tokens: [Token], place: SentencePlace) -> Range<Int> {
        precondition(document.isOpen, "a sentence added outside a document")
        // Force-picked words and synonyms: token ranges that are one term.
        // In text order; they never overlap (a compound skips covered tokens).
        scratch.spans.removeAll(keepingCapacity: true)
        scratch.covered.removeAll(keepingCapacity: true)
        scratch.covered.append(contentsOf: repeatElement(false, count: tokens.count))
        if !phraseForms.isEmpty, !tokens.isEmpty {
            scratch.phrases.fill(sentence, tokens: tokens, key: key)
            var index = 0
            while index < tokens.count {
                if let match = longestPhrase(in: scratch.phrases, at: index) {
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
        for token in tokens {
            if token.isUnknown {
                let decided = surfaceToken(token, in: sentence)
                scratch.roles.append(decided.role)
                scratch.workers.append(decided.entry)
                continue
            }
            let ordinal = Self.room(for: token.ordinal, in: &knownWords, filler: (Self.undecided, nil))
            if let known = knownWords[ordinal].role {
                scratch.roles.append(known)
            } else {
                let (alone, text) = Self.alone(token, in: sentence)
                let role = compounds.role(of: alone, in: text)
                knownWords[ordinal].role = role
                scratch.roles.append(role)
            }
            scratch.workers.append(workerEntry(for: token, at: ordinal, in: sentence) ?? -1)
        }
        // Compound candidates, recorded always, counted as terms if asked.
        // A run of one noun is kept by no report (and adds nothing to the others' FL and FR,
        // `CompoundRanking`), so only runs of two or more are recorded.
        compounds.forEachCandidate(
            in: tokens, of: sentence, covered: scratch.covered, roles: scratch.roles, minimumNouns: 2
        ) { range in
            let candidate = compoundCandidate(tokens[range], of: sentence)
            if document.candidateCounts[Int(candidate)] == 0 { document.candidates.append(candidate) }
            document.candidateCounts[Int(candidate)] += 1
            if vocabulary.joinsCompounds {
                let nouns = tokens[range].map { String(decodingUTF8: sentence.extracting($0.byteRange)) }
                scratch.spans.append((range.lowerBound, range.upperBound, nouns.joined(), TermCategory.compound))
                for covering in range { scratch.covered[covering] = true }
            }
        }
        if phrases > 0, scratch.spans.count > phrases { scratch.spans.sort { $0.start < $1.start } }
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
            analyzed.terms.append(documentEntry(for: worker))
            analyzed.positions.append(Int32(start))
        }
        let context = ThemeMatcher.Context(
            variables: document.variables, sentenceNumber: analyzed.sentences.count - document.sentenceStart + 1)
        let hitStart = analyzed.hits.count
        matcher.appendHits(in: sentence, tokens: tokens, context: context, to: &analyzed.hits, scratch: &scratch.matching)
        analyzed.endSentence(hitsFrom: hitStart, themeCount: themeCount, tokenCount: tokens.count, place: place)
        return hitStart..<analyzed.hits.count
    }

    /// Ends the document begun and counts it: its entries, sentences and compounds stay in
    /// `analyzed` under `summary`, for the cache.
    public mutating func finishDocument(_ summary: DocumentSummary) {
        let entryStart = document.entryStart
        endDocument(summary)
        // Each worker entry's id is looked up once per worker, in the order entries first occur.
        for entry in entryStart..<analyzedEntries.count {
            let worker = Int(analyzedEntries[entry])
            var id = countIDs[worker]
            if id < 0 {
                id = counts.id(for: entries[worker].term)
                countIDs[worker] = id
            }
            analyzed.ids[entry] = id
        }
        counts.add(analyzed, document: analyzed.count - 1)
    }

    /// Ends the document begun: its compounds and summary join `analyzed`.
    private mutating func endDocument(_ summary: DocumentSummary) {
        precondition(document.isOpen, "a document finished that was not begun")
        for entry in analyzedEntries[document.entryStart...] { local[Int(entry)] = -1 }
        for candidate in document.candidates {
            analyzed.compounds.append(
                (counts.compoundKeys[Int(candidate)], document.candidateCounts[Int(candidate)], candidate))
        }
        document.forgetCandidates()
        analyzed.endDocument(summary)
        document.variables = []
        document.mark = nil
    }

    /// Drops what the document begun has appended to `analyzed`.
    private mutating func dropOpenDocument() {
        for entry in analyzedEntries[document.entryStart...] { local[Int(entry)] = -1 }
        if let mark = document.mark { analyzed.removeAll(after: mark) }
        analyzedEntries.removeSubrange(document.entryStart...)
        document.forgetCandidates()
        document.mark = nil
    }

    /// The index among the document's entries of worker entry `worker`, which joins them the
    /// first time it occurs (its id in `counts` is filled in when the document is counted).
    private mutating func documentEntry(for worker: Int32) -> Int32 {
        let known = local[Int(worker)]
        if known >= 0 { return known }
        let index = Int32(analyzedEntries.count - document.entryStart)
        local[Int(worker)] = index
        analyzedEntries.append(worker)
        analyzed.ids.append(-1)
        analyzed.forms.append(formDiffers[Int(worker)] ? entries[Int(worker)].form : nil)
        return index
    }

    /// The id in `counts` of the compound candidate made of `nouns`, whose surfaces are in
    /// `bytes`; its key is made, and joins the counts, the first time the worker meets it.
    private mutating func compoundCandidate(_ nouns: ArraySlice<Token>, of bytes: Span<UInt8>) -> Int32 {
        scratch.candidate.removeAll(keepingCapacity: true)
        for index in nouns.indices {
            if index > nouns.startIndex { scratch.candidate.append(CompoundKey.separatorByte) }
            scratch.candidate.append(copying: bytes.extracting(nouns[index].byteRange))
        }
        let joined = scratch.candidate
        let candidate: Int32
        if let known = counts.compoundID(joined: joined.span) ?? otherSpellings.value(ordinal: 0, surface: joined.span) {
            candidate = known
        } else {
            // Two spellings of one key (NFC and not) are one candidate, as their counts were one.
            let key = CompoundKey(normalizing: nouns.map { String(decodingUTF8: bytes.extracting($0.byteRange)) })
            candidate = counts.compoundID(for: key)
            if !UTF8Bytes.equal(key.joined, joined.span) { otherSpellings.insert(candidate, ordinal: 0, surface: joined.span) }
        }
        // Room for every candidate of the counts, however it joined them.
        if Int(candidate) >= document.candidateCounts.count {
            document.candidateCounts.append(contentsOf: repeatElement(0, count: Int(candidate) + 1 - document.candidateCounts.count))
        }
        return candidate
    }

    /// The longest force-pick or synonym form at token `index`, and the term it stands for.
    private func longestPhrase(in keyed: KeyedSentence, at index: Int) -> (lastToken: Int, term: String)? {
        var best: (length: Int, lastToken: Int, term: String)?
        for (form, term) in zip(phraseForms, phraseTerms) where form.count > (best?.length ?? 0) {
            if let last = keyed.lastToken(of: form, atToken: index) { best = (form.count, last, term) }
        }
        return best.map { ($0.lastToken, $0.term) }
    }

    /// The worker entry the known word `token` counts as, -1 or `nil` if it is no term; `ordinal`
    /// is its index in `knownWords`, and `sentence` the UTF-8 of the token's sentence (its surface
    /// made a `String` only when an entry is met the first time, `alone(_:in:)`).
    private mutating func workerEntry(for token: Token, at ordinal: Int, in sentence: Span<UInt8>) -> Int32? {
        var entry = knownWords[ordinal].entry
        if entry == Self.undecided {
            // An entry without a dictionary form, or any entry when terms are surfaces, is
            // decided by its surface; the rest once for the entry.
            if token.features.baseForm == nil || vocabulary.useSurface {
                entry = Self.bySurface
            } else {
                let (alone, text) = Self.alone(token, in: sentence)
                entry = extractor.term(for: alone, in: text).map { intern($0) } ?? -1
            }
            knownWords[ordinal].entry = entry
        }
        if entry == Self.bySurface { return surfaceToken(token, in: sentence).entry }
        // The category is the entry's; a surface made only of symbols is still refused.
        guard entry >= 0, !TermExtractor.isSymbolOnly(sentence.extracting(token.byteRange)) else { return nil }
        return entry
    }

    /// The worker entry (-1: no term) and compound role of a token decided by its surface.
    private mutating func surfaceToken(_ token: Token, in sentence: Span<UInt8>)
        -> (entry: Int32, role: CompoundExtractor.Role)
    {
        let surface = sentence.extracting(token.byteRange)
        if let known = surfaceTokens.value(ordinal: token.ordinal, surface: surface) { return known }
        let (alone, text) = Self.alone(token, in: sentence)
        let decided = (
            entry: extractor.term(for: alone, in: text).map { intern($0) } ?? -1,
            role: compounds.role(of: alone, in: text)
        )
        surfaceTokens.insert(decided, ordinal: token.ordinal, surface: surface)
        return decided
    }

    /// `token` as the one token of a text of its own surface, and that text. The rules that
    /// decide a new entry (`TermExtractor.term(for:in:)`, `CompoundExtractor.role(of:in:)`) read
    /// the token's own bytes and features only, so they decide alike; and meeting a new entry
    /// costs a string of its surface, not one of its whole sentence (a survey answer or a man
    /// page's paragraph for every new word).
    private static func alone(_ token: Token, in sentence: Span<UInt8>) -> (token: Token, text: String) {
        let surface = sentence.extracting(token.byteRange)
        return (
            Token(features: token.features, isUnknown: token.isUnknown, byteRange: 0..<surface.count),
            String(decodingUTF8: surface)
        )
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
        let hash = EntryKey.hash(entry)
        let found = entrySlots.find(hash) { EntryKey.equal(entries[$0], entry) }
        if let known = found.number { return Int32(known) }
        let index = Int32(entrySlots.insert(hash, at: found.slot))
        entries.append(entry)
        formDiffers.append(form != keyed.text)
        local.append(-1)
        countIDs.append(-1)
        return index
    }
}
