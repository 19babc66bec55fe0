import Bytes

/// The tokens of the short sentences a tagger has met more than once, by the sentence's bytes, so
/// that a sentence met again is not parsed again (`MeCabTagger.tokenize(_:appendingTo:)`).
///
/// Why: MeCab's parse of a sentence depends on its bytes alone (each parse starts from a cleared
/// lattice), and text repeats its short sentences: headings of man pages (名前, 説明), answers
/// such as なし or 特になし, turns such as はい. A token is an entry and a byte range of its
/// sentence (`Token`), so the tokens of one parse serve every later copy of the sentence as they
/// are. On the man pages, 31.7 % of the sentences repeat an earlier one.
///
/// A sentence is remembered the second time it is met, not the first: a sentence met once costs
/// two to four slots and 16 bytes of places (about 40 bytes), not its bytes and tokens,
/// so a corpus of sentences that never repeat (the benchmark's survey) keeps little. Sentences longer than `maximumSentenceBytes`
/// are left alone (their repeats are rare, and their parse costs less for its length), and past
/// `maximumTokens` tokens, `maximumBytes` bytes of sentences or `maximumSentences` sentences met,
/// nothing more is remembered: the memo holds at most a few megabytes per tagger, however large
/// the corpus.
///
/// A memo also closes for good when fewer than 2 % of its first `trialSentences` lookups find a
/// sentence met before (`repeatsPerTrial`: one in 50): then nearly every lookup is a miss, and on
/// the survey's answers (1 % of their sentences repeat) the misses cost about 0.8 % of a run in
/// `perf`, most of it reads of a table of megabytes that also push MeCab's dictionary out of the
/// caches. The transcripts (12 % repeats, 5 % in the first 16,384) and the man pages (40 %) keep
/// theirs. Closing changes no token: a closed memo answers `.new`, and every sentence is parsed.
struct ParseMemo {
    /// The longest sentence remembered, in bytes: 32 kana or kanji.
    static let maximumSentenceBytes = 96

    private let maximumTokens: Int
    private let maximumBytes: Int
    private let maximumSentences: Int
    private let trialSentences: Int
    /// Sentences looked up (short enough to be remembered) and how many of them were met before,
    /// until the trial ends.
    private var lookups = 0
    private var repeats = 0
    /// Whether the trial found too few repeats: the memo then answers `.new` and holds nothing.
    private(set) var isClosed = false
    /// The sentences met, by hash: per item, where its bytes and tokens are once it is
    /// remembered (`tokenStart` -1 until then).
    private var slots = HashSlots()
    private var byteStart: [Int32] = []
    private var byteCount: [Int32] = []
    private var tokenStart: [Int32] = []
    private var tokenCount: [Int32] = []
    /// The remembered sentences' bytes and tokens, end to end.
    private var bytes: [UInt8] = []
    private var tokens: [Token] = []
    /// Sentences whose tokens came from here (for tests and logs).
    private(set) var hits = 0

    /// A memo that keeps at most `maximumTokens` tokens (16 bytes each) of sentences of at most
    /// `maximumBytes` bytes in all, notes at most `maximumSentences` sentences met, and closes if
    /// fewer than one in `repeatsPerTrial` of its first `trialSentences` lookups finds a sentence
    /// met before.
    init(
        maximumTokens: Int = 1 << 18, maximumBytes: Int = 1 << 20, maximumSentences: Int = 1 << 20,
        trialSentences: Int = 16_384
    ) {
        self.maximumTokens = maximumTokens
        self.maximumBytes = maximumBytes
        self.maximumSentences = maximumSentences
        self.trialSentences = trialSentences
    }

    /// A memo stays open if at least one lookup in this many of its trial found a sentence met
    /// before (2 %).
    static let repeatsPerTrial = 50

    /// What the memo knows of a sentence: its tokens (their range in the memo), that it was met
    /// before and should be remembered once parsed (its item), or nothing.
    enum Lookup {
        case remembered(Range<Int>)
        case metBefore(item: Int)
        case new
    }

    /// Looks `sentence` up, and notes it as met if it is new.
    mutating func lookUp(_ sentence: Span<UInt8>) -> Lookup {
        guard !isClosed, !sentence.isEmpty, sentence.count <= Self.maximumSentenceBytes else { return .new }
        if lookups < trialSentences {
            lookups += 1
            if lookups == trialSentences, repeats * Self.repeatsPerTrial < lookups {
                close()
                return .new
            }
        }
        let hash = HashSlots.hash(sentence)
        // A sentence met once is known by its hash alone (the top 32 bits that its slot keeps,
        // `HashSlots`): the second sentence with that hash is remembered in its place, and from
        // then on its bytes decide, so a sentence of another's hash is never given its tokens.
        let bytes = self.bytes
        let memory = bytes.span
        let found = slots.find(hash) { item in
            let start = Int(byteStart[item])
            return tokenStart[item] < 0
                || memory.extracting(unchecked: start..<(start + Int(byteCount[item]))).hasSameBytes(as: sentence)
        }
        if let item = found.number {
            repeats += 1
            guard tokenStart[item] >= 0 else {
                return tokens.count < maximumTokens ? .metBefore(item: item) : .new
            }
            hits += 1
            let start = Int(tokenStart[item])
            return .remembered(start..<(start + Int(tokenCount[item])))
        }
        guard slots.count < maximumSentences else { return .new }
        _ = slots.insert(hash, at: found.slot)
        byteStart.append(0)
        byteCount.append(0)
        tokenStart.append(-1)
        tokenCount.append(0)
        return .new
    }

    /// Gives up remembering: the trial found too few repeats. Frees what was noted.
    private mutating func close() {
        isClosed = true
        slots = HashSlots()
        (byteStart, byteCount, tokenStart, tokenCount) = ([], [], [], [])
        (bytes, tokens) = ([], [])
    }

    /// Remembers `parsed`, the tokens of `sentence`, for `item` (`Lookup.metBefore`).
    mutating func remember(_ item: Int, sentence: Span<UInt8>, parsed: ArraySlice<Token>) {
        // Sentences of spaces alone have no tokens: their bytes are bounded apart.
        guard !isClosed, tokenStart[item] < 0, tokens.count + parsed.count <= maximumTokens,
            bytes.count + sentence.count <= maximumBytes
        else { return }
        byteStart[item] = Int32(bytes.count)
        byteCount[item] = Int32(sentence.count)
        bytes.append(copying: sentence)
        tokenStart[item] = Int32(tokens.count)
        tokenCount[item] = Int32(parsed.count)
        tokens.append(contentsOf: parsed)
    }

    /// Appends the remembered tokens `range` (`Lookup.remembered`) to `tokens`.
    func append(_ range: Range<Int>, to tokens: inout [Token]) {
        tokens.append(contentsOf: self.tokens[range])
    }
}
