import Corpus
import TextPreparation
import Tokenization

/// A few documents structured and their sentences parsed ahead of their analysis: one worker's
/// group, the sentences' tokens end to end in one array, reused from group to group.
///
/// MeCab's parse is bound by memory: the dictionary's trie and the connection matrix are read
/// all over for every sentence, and its code is read with them. Structuring and analyzing
/// documents between sentences (their text, terms and summaries, the counts' arrays, and the
/// code of all that) pushes those out of the CPU's caches: on the survey's short answers, MeCab
/// took about a fifth longer inside a run than alone on the same sentences, and under
/// callgrind's model of the caches (32 KB first level, 1 MB second) it missed the second level
/// twice as often (`docs/PERFORMANCE.md`). A worker therefore structures a group's documents in
/// a row, then parses their sentences in a row, then analyzes them in a row
/// (`DocumentProcessor.analyze(_:of:into:)`).
struct TokenizedDocuments {
    /// Documents join a group until their sentences hold this many bytes, about a thousand of the
    /// survey's answers: each group costs MeCab a refill of the caches, so fewer groups cost
    /// less (the same as the largest chunk of an input, `Pipeline.chunkBytes`, which bounds a
    /// group). A document with more is parsed a group's bytes at a time as it is analyzed instead
    /// (`DocumentProcessor.analyzeLong`), so that the tokens held (16 bytes each, one for every
    /// three to five bytes of text) stay bounded.
    static let groupBytes = 128 << 10

    /// The group's documents in order: each by its index among the documents analyzed (which the
    /// caller keeps: a copy here would retain their strings and arrays), with its structure.
    private(set) var documents: [(index: Int, structure: DocumentStructure)] = []
    /// The bytes of the group's sentences so far.
    private(set) var sentenceBytes = 0
    /// Every sentence's tokens, sentence after sentence.
    private var tokens: [Token] = []
    /// Where each sentence's tokens end in `tokens`.
    private var sentenceEnds: [Int] = []

    /// Empties the group for the next documents, keeping its arrays' room.
    mutating func removeAll() {
        documents.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        sentenceEnds.removeAll(keepingCapacity: true)
        sentenceBytes = 0
    }

    /// Adds the document at `index` (of the caller's), structured: its sentences are parsed with
    /// the rest of the group's (`parse(_:)`).
    mutating func append(_ index: Int, structure: consuming DocumentStructure) {
        sentenceBytes += structure.sentenceBytes
        documents.append((index, structure))
    }

    /// Whether the group's sentences hold `groupBytes` bytes or more: time to parse and analyze.
    var isFull: Bool { sentenceBytes >= Self.groupBytes }

    /// Parses the sentences of the group's documents in order: `tokenize` appends the tokens of
    /// the sentence `range` of `paragraph`, of the document at `index`, to the array it is given.
    mutating func parse<Failure: Error>(
        _ tokenize: (_ index: Int, _ paragraph: TracedText, _ range: Range<Int>, _ tokens: inout [Token])
            throws(Failure) -> Void
    ) throws(Failure) {
        // Taken out while the documents are read, so that the closures touch no other part of
        // the group; put back with their room, whatever happens.
        var (tokens, ends) = ([Token](), [Int]())
        swap(&tokens, &self.tokens)
        swap(&ends, &sentenceEnds)
        defer {
            swap(&tokens, &self.tokens)
            swap(&ends, &sentenceEnds)
        }
        let documents = self.documents.span
        for document in documents.indices {
            let index = documents[document].index
            try documents[document].structure.forEachPlacedSentence { (paragraph, range, _) throws(Failure) in
                try tokenize(index, paragraph, range, &tokens)
                ends.append(tokens.count)
            }
        }
    }

    /// Puts sentence `number`'s tokens (numbered from 0 across the group's documents) in
    /// `tokens`, emptied first.
    func tokens(ofSentence number: Int, into tokens: inout [Token]) {
        let start = number > 0 ? sentenceEnds[number - 1] : 0
        tokens.removeAll(keepingCapacity: true)
        tokens.append(contentsOf: self.tokens[start..<sentenceEnds[number]])
    }
}
