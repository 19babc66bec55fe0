/// The documents counted, in run order, and the terms of each (packed id and count).
extension CorpusCounts {
    /// Document summaries in run order (input, then row).
    public var sortedDocuments: [DocumentSummary] { sortedDocumentIndices.map { documents[$0] } }

    /// Indices of `documents` in run order (input, then row).
    public var sortedDocumentIndices: [Int] {
        documents.indices.sorted { DocumentSummary.inRunOrder(documents[$0], documents[$1]) }
    }

    /// The terms of document `index` (of `documents`) and how often each occurs there, in no order.
    public func terms(ofDocument index: Int) -> [(id: Int32, count: Int)] {
        var terms: [(id: Int32, count: Int)] = []
        documentTerms.forEach(ofDocument: index) { terms.append(($0, $1)) }
        return terms
    }

    /// How many distinct terms document `index` has (one varint read, not its list).
    public func distinctTermCount(ofDocument index: Int) -> Int {
        documentTerms.termCount(ofDocument: index)
    }

    /// Calls `body` with each term of document `index` and its count, as `terms(ofDocument:)`
    /// lists them, without making the list.
    public func forEachTerm(ofDocument index: Int, _ body: (_ id: Int32, _ count: Int) -> Void) {
        documentTerms.forEach(ofDocument: index, body)
    }

    /// Calls `body` with the terms of document `index` that `key` gives a key, by key, with each
    /// one's key and count (`DocumentTermLists.forEach(ofDocument:orderedBy:_:)`): a report that
    /// lists each document's terms in its own order (display rank, matrix column).
    public func forEachTerm(
        ofDocument index: Int, orderedBy key: (_ id: Int32) -> UInt32?, _ body: (_ key: UInt32, _ count: Int) -> Void
    ) {
        documentTerms.forEach(ofDocument: index, orderedBy: key, body)
    }

    static func pack(_ id: Int32, _ count: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: id)) << 32 | UInt64(UInt32(truncatingIfNeeded: min(count, Int(UInt32.max))))
    }

    static func unpack(_ packed: UInt64) -> (id: Int32, count: Int) {
        (Int32(bitPattern: UInt32(truncatingIfNeeded: packed >> 32)), Int(UInt32(truncatingIfNeeded: packed)))
    }
}
