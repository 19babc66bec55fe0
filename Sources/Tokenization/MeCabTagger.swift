internal import CMeCab

/// One worker's MeCab tagger and lattice.
///
/// Not `Sendable`: MeCab's lattice holds the parse state, so each worker (each
/// `DispatchQueue.concurrentPerform` iteration) creates its own, while the model is shared.
/// `mecab_parse_lattice` is used because it is thread safe given a thread-local lattice, unlike
/// `mecab_sparse_tonode`.
public final class MeCabTagger {
    private let model: MeCabModel  // keeps the model alive while the tagger exists
    private let tagger: OpaquePointer
    private let lattice: OpaquePointer
    /// Parsed features by MeCab's feature pointer, which is stable per dictionary entry for the
    /// model's lifetime; parsing every feature string anew costs more than the parse itself. The
    /// model parses them (once for all workers); this table spares the model's lock per token.
    private var featureCache = FeatureCache()
    /// The tokens of short sentences met more than once, which are then not parsed again.
    private var memo = ParseMemo()

    /// Sentences whose tokens came from the memo instead of a parse (`ParseMemo`).
    var sentencesRemembered: Int { memo.hits }

    /// The feature layout of the tagger's dictionary.
    public var layout: FeatureLayout { model.layout }

    /// Creates a tagger and a lattice on `model`.
    public init(model: MeCabModel) throws(MeCabError) {
        guard let tagger = mecab_model_new_tagger(model.handle) else {
            throw .taggerUnavailable(reason: String(cString: mecab_strerror(nil)))
        }
        guard let lattice = mecab_model_new_lattice(model.handle) else {
            mecab_destroy(tagger)
            throw .taggerUnavailable(reason: String(cString: mecab_strerror(nil)))
        }
        self.model = model
        self.tagger = tagger
        self.lattice = lattice
    }

    deinit {
        mecab_lattice_destroy(lattice)
        mecab_destroy(tagger)
    }

    /// Tokenizes one sentence (best path), unknown words included, BOS/EOS excluded.
    public func tokenize(_ sentence: String) throws(MeCabError) -> [Token] {
        var tokens: [Token] = []
        try tokenize(sentence, into: &tokens)
        return tokens
    }

    /// Tokenizes one sentence into `tokens`, which it empties first and whose capacity it keeps:
    /// a worker that reuses one array allocates none per sentence.
    public func tokenize(_ sentence: String, into tokens: inout [Token]) throws(MeCabError) {
        var text = sentence
        let parsed: Result<Void, MeCabError> = text.withUTF8 { utf8 in
            do throws(MeCabError) {
                return .success(try tokenize(utf8.span, into: &tokens))
            } catch {
                return .failure(error)
            }
        }
        try parsed.get()
    }

    /// Tokenizes the sentence whose UTF-8 is `sentence` (a range of a paragraph's bytes, say:
    /// no copy and no terminating NUL are needed) into `tokens`, which it empties first and
    /// whose capacity it keeps.
    ///
    /// MeCab does not copy the sentence: every node points into the bytes, so the tokens are
    /// copied out while they are lent, as entries and byte ranges of `sentence` (`Token`): a
    /// token's surface is read from the sentence when it is needed.
    public func tokenize(_ sentence: Span<UInt8>, into tokens: inout [Token]) throws(MeCabError) {
        tokens.removeAll(keepingCapacity: true)
        try tokenize(sentence, appendingTo: &tokens)
    }

    /// Tokenizes the sentence whose UTF-8 is `sentence` as `tokenize(_:into:)` does, appending its
    /// tokens to `tokens` (their byte ranges are still the sentence's): the sentences of a few
    /// documents parsed in a row, end to end in one array. A short sentence the tagger has met
    /// before gets the tokens of its earlier parse (`ParseMemo`): MeCab's parse of a sentence
    /// depends on its bytes alone, so they are the tokens a parse would give.
    public func tokenize(_ sentence: Span<UInt8>, appendingTo tokens: inout [Token]) throws(MeCabError) {
        switch memo.lookUp(sentence) {
        case .remembered(let range):
            memo.append(range, to: &tokens)
        case .metBefore(let item):
            let start = tokens.count
            try parse(sentence, appendingTo: &tokens)
            memo.remember(item, sentence: sentence, parsed: tokens[start...])
        case .new:
            try parse(sentence, appendingTo: &tokens)
        }
    }

    /// Parses the sentence whose UTF-8 is `sentence`, appending its tokens to `tokens`.
    private func parse(_ sentence: Span<UInt8>, appendingTo tokens: inout [Token]) throws(MeCabError) {
        guard sentence.count < Int(Int32.max) else {
            throw .parseFailed(reason: "a sentence of 2 GB or more")
        }
        let failure: MeCabError? = sentence.withUnsafeBufferPointer { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return nil }
            let start = UnsafeRawPointer(base)
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                // `set_sentence2` takes the length: MeCab reads no byte past it.
                mecab_lattice_set_sentence2(lattice, chars, utf8.count)
                guard mecab_parse_lattice(tagger, lattice) != 0 else {
                    return .parseFailed(reason: String(cString: mecab_lattice_strerror(lattice)))
                }
                // About one token per three bytes in Japanese text (and in English words with
                // their spaces): one allocation instead of a growth series for most sentences.
                let needed = tokens.count + utf8.count / 3 + 1
                if tokens.capacity < needed { tokens.reserveCapacity(max(needed, 2 * tokens.capacity)) }
                var node = mecab_lattice_get_bos_node(lattice)
                while let current = node?.pointee {
                    defer { node = current.next }
                    let stat = Int32(current.stat)
                    guard stat != MECAB_BOS_NODE, stat != MECAB_EOS_NODE,
                        let surface = current.surface, let feature = current.feature
                    else { continue }
                    let offset = UnsafeRawPointer(surface) - start
                    tokens.append(
                        Token(
                            ordinal: ordinal(at: feature), isUnknown: stat == MECAB_UNK_NODE,
                            start: Int32(truncatingIfNeeded: offset), end: Int32(truncatingIfNeeded: offset + Int(current.length))))
                }
                return nil
            }
        }
        if let failure { throw failure }
    }

    /// The ordinal of the features at `pointer`: from the tagger's own table, which needs no lock;
    /// else from the model's.
    @inline(__always)
    private func ordinal(at pointer: UnsafePointer<CChar>) -> Int32 {
        if let known = featureCache.ordinal(at: UnsafeRawPointer(pointer)) { return known }
        return newOrdinal(at: pointer)
    }

    @inline(never)
    private func newOrdinal(at pointer: UnsafePointer<CChar>) -> Int32 {
        let ordinal = model.features(at: pointer).ordinal
        featureCache.insert(ordinal, at: UnsafeRawPointer(pointer))
        return ordinal
    }
}
