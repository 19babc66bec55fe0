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
}
