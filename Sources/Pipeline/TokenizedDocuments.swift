import Corpus
import TextPreparation
import Tokenization

/// A few documents structured and their sentences parsed ahead of their analysis: one worker's
/// group, the sentences' tokens end to end in one array, reused from group to group.
///
/// MeCab's parse is bound by memory: the dictionary's trie and the connection matrix are read
/// all over for every sentence. Analyzing and counting documents between sentences (their terms,
/// their summaries, the counts' arrays) pushes those out of the CPU's caches: on the survey's
/// short answers, MeCab took about a fifth longer inside a run than alone on the same sentences
/// (`docs/PERFORMANCE.md`). A worker therefore parses a group's sentences in a row, then analyzes
/// its documents in a row.
struct TokenizedDocuments {
    /// Documents join a group until their sentences hold this many bytes, about 250 of the
    /// survey's answers (measured against groups of 2 and 8 KB and of one document,
    /// `BENCHMARKS.md`). A document with more is parsed and analyzed a sentence at a time
    /// instead, so that a group's tokens (24 bytes each, one for every three to five bytes of
    /// text) stay bounded.
    static let groupBytes = 32 << 10

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

    /// Adds the document at `index` (of the caller's), whose sentences were added last
    /// (`appendSentence(bytes:_:)`), in order.
    mutating func append(_ index: Int, structure: consuming DocumentStructure) {
        documents.append((index, structure))
    }

    /// Adds the next sentence of the last document, of `bytes` bytes: `tokenize` appends its
    /// tokens to the array it is given.
    mutating func appendSentence<Failure: Error>(bytes: Int, _ tokenize: (inout [Token]) throws(Failure) -> Void)
        throws(Failure)
    {
        try tokenize(&tokens)
        sentenceEnds.append(tokens.count)
        sentenceBytes += bytes
    }

    /// Puts sentence `number`'s tokens (numbered from 0 across the group's documents) in
    /// `tokens`, emptied first.
    func tokens(ofSentence number: Int, into tokens: inout [Token]) {
        let start = number > 0 ? sentenceEnds[number - 1] : 0
        tokens.removeAll(keepingCapacity: true)
        tokens.append(contentsOf: self.tokens[start..<sentenceEnds[number]])
    }
}
