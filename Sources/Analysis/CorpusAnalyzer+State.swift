import Corpus
import Tokenization

/// The state a worker's analyzer keeps besides its entries: the document it is analyzing,
/// scratch arrays reused from sentence to sentence, and the growth of its per-entry arrays.
extension CorpusAnalyzer {
    /// Where the document begun starts in `analyzed`, and what it has besides.
    struct DocumentState {
        var variables: [DocumentVariable] = []
        /// Where it starts in `analyzed`, to drop it if it is never finished; `nil` between documents.
        var mark: DocumentBatch.Mark?
        var isOpen: Bool { mark != nil }
        /// Where its entries and sentences start in `analyzed`.
        var entryStart: Int { mark?.entries ?? 0 }
        var sentenceStart: Int { mark?.sentences ?? 0 }
        /// The compound candidates the document has (by their ids in the counts), in the order
        /// they first occur, and per candidate its occurrences in the document (0 for most).
        var candidates: [Int32] = []
        var candidateCounts: [Int] = []

        mutating func forgetCandidates() {
            for candidate in candidates { candidateCounts[Int(candidate)] = 0 }
            candidates.removeAll(keepingCapacity: true)
        }
    }

    /// Per-sentence working arrays, kept for their capacity.
    struct Scratch {
        var spans: [(start: Int, end: Int, term: String, category: String)] = []
        var covered: [Bool] = []
        var roles: [CompoundExtractor.Role] = []
        var workers: [Int32] = []
        var matching = ThemeMatcher.Scratch()
        /// The sentence keyed for force-picked words and synonyms.
        var phrases = KeyedSentence()
        /// A compound candidate's surfaces, joined as `CompoundKey` joins nouns.
        var candidate: [UInt8] = []
    }

    /// The terms of the entries of `analyzed`, by the entry's index there; entries of one worker
    /// entry (one term, one written form) share its number.
    package struct AnalyzedTerms: BatchTerms {
        let entries: [DocumentAnalysis.Entry]
        let workers: [Int32]

        package subscript(entry: Int) -> Term { entries[Int(workers[entry])].term }

        package func number(of entry: Int) -> Int { Int(workers[entry]) }

        package var numbersLast: Bool { true }
    }

    /// `ordinal` as an index of `array`, grown with `filler` to hold it: ordinals are dense, so
    /// the arrays grow to the number of dictionary entries the process has met.
    @inline(__always)
    static func room<Element>(for ordinal: Int32, in array: inout [Element], filler: Element) -> Int {
        let index = Int(ordinal)
        if index >= array.count {
            array.append(contentsOf: repeatElement(filler, count: max(index + 1, array.count * 2) - array.count))
        }
        return index
    }
}
