import Bytes

/// Each document's terms and how often each occurs there, in the order the documents were
/// added: a record of varints a document (`VarintRecords`), how many terms, then for each its
/// id as the step up from the id before (ids ascending) and its count.
///
/// Why not an array of packed words a document: these lists grow with the corpus and were the
/// largest part of the analysis's state at the end of a large run. A term takes 2–4 bytes here,
/// where a packed word took 8, and each document's array 32 more and its own allocation.
struct DocumentTermLists: Sendable {
    private var records = VarintRecords()
    private var places: [VarintRecords.Place] = []

    /// The documents listed.
    var count: Int { places.count }

    /// Appends a document's terms, as `CorpusCounts.pack` words sorted (so by id).
    mutating func append(sorted packed: [UInt64]) {
        places.append(
            records.append(maximumBytes: 10 * (packed.count + 1)) { bytes in
                bytes.appendVarint(packed.count)
                var previous: UInt64 = 0
                for item in packed {
                    let (id, count) = CorpusCounts.unpack(item)
                    precondition(UInt64(id) >= previous, "a document's terms out of order")
                    bytes.appendVarint(UInt64(id) - previous)
                    bytes.appendVarint(count)
                    previous = UInt64(id)
                }
            })
    }

    /// Appends a document's terms, as `CorpusCounts.pack` words in any order.
    mutating func append(unsorted packed: [UInt64]) {
        append(sorted: packed.sorted())
    }

    /// The number of terms of document `index`.
    func termCount(ofDocument index: Int) -> Int {
        records.withRecord(at: places[index]) { span, offset in Int(span.trustedVarint(at: &offset)) }
    }

    /// Calls `body` with each term of document `index` and its count, by id.
    func forEach(ofDocument index: Int, _ body: (_ id: Int32, _ count: Int) -> Void) {
        records.withRecord(at: places[index]) { span, offset in
            let terms = Int(span.trustedVarint(at: &offset))
            var id: UInt64 = 0
            for _ in 0..<terms {
                id &+= span.trustedVarint(at: &offset)
                body(Int32(truncatingIfNeeded: id), Int(span.trustedVarint(at: &offset)))
            }
        }
    }

    /// Calls `body` with the terms of document `index` that `key` gives a key (the others are
    /// left out), in ascending order of their keys, with each one's key and count. Keys are
    /// distinct for distinct terms. The keyed terms are sorted in one buffer the size of the
    /// document, on the stack when small (`TemporarySort`): the reports that list every
    /// document's terms in an order of their own grew an array term by term, allocations for
    /// every document.
    func forEach(
        ofDocument index: Int, orderedBy key: (_ id: Int32) -> UInt32?, _ body: (_ key: UInt32, _ count: Int) -> Void
    ) {
        // Key above, count below (counts are kept below 2³², `CorpusCounts.pack`): sorted by key.
        TemporarySort.forEachAscending(capacity: termCount(ofDocument: index)) { add in
            forEach(ofDocument: index) { id, count in
                if let key = key(id) { add(UInt64(key) << 32 | UInt64(UInt32(truncatingIfNeeded: count))) }
            }
        } _: { item in
            body(UInt32(truncatingIfNeeded: item >> 32), Int(UInt32(truncatingIfNeeded: item)))
        }
    }
}
