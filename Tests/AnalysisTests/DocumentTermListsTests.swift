@testable import Analysis
import Testing
import TestSupport

/// Each document's terms as `DocumentTermLists` keeps them, against the lists they were made of.
struct DocumentTermListsTests {
    @Test func everyDocumentGivesBackItsTermsByID() {
        var random = SplitMix(state: 13)
        var lists = DocumentTermLists()
        var expected: [[(id: Int32, count: Int)]] = []
        for document in 0..<2_000 {
            // Distinct ids, small and large (the largest id and count a packed word holds among
            // them), in no order; some documents have no terms.
            var byID: [Int32: Int] = [:]
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                let id = document % 97 == 0 ? Int32.max : Int32.random(in: 0...(document % 2 == 0 ? 200 : 3_000_000), using: &random)
                byID[id] = document % 89 == 0 ? Int(UInt32.max) : Int.random(in: 1...5_000, using: &random)
            }
            let terms = byID.map { (id: $0.key, count: $0.value) }
            lists.append(unsorted: terms.map { CorpusCounts.pack($0.id, $0.count) })
            expected.append(terms.sorted { $0.id < $1.id })
        }
        #expect(lists.count == expected.count)
        for (index, terms) in expected.enumerated().reversed() {
            var read: [(id: Int32, count: Int)] = []
            lists.forEach(ofDocument: index) { read.append(($0, $1)) }
            #expect(read.map(\.id) == terms.map(\.id), "document \(index)")
            #expect(read.map(\.count) == terms.map(\.count), "document \(index)")
        }
    }

    /// A document's terms in an order of their own: those a key table gives a key, by key, with
    /// their counts; documents of a few terms and of thousands (past the stack's buffer).
    @Test func givesTermsInTheOrderOfTheirKeys() {
        var random = SplitMix(state: 29)
        var lists = DocumentTermLists()
        var documents: [[Int32: Int]] = []
        for size in [0, 1, 3, 40, 5_000] {
            var byID: [Int32: Int] = [:]
            while byID.count < size { byID[Int32.random(in: 0..<20_000, using: &random)] = Int.random(in: 1...1_000, using: &random) }
            lists.append(unsorted: byID.map { CorpusCounts.pack($0.key, $0.value) })
            documents.append(byID)
        }
        // Every third id is left out; the others are keyed in an order unlike their ids'.
        let keys = (0..<Int32(20_000)).map { id in id % 3 == 0 ? nil : UInt32((Int(id) * 7_919) % 20_011) }
        for (index, byID) in documents.enumerated() {
            var read: [(key: UInt32, count: Int)] = []
            lists.forEach(ofDocument: index, orderedBy: { keys[Int($0)] }) { read.append(($0, $1)) }
            let expected = byID.compactMap { id, count in keys[Int(id)].map { (key: $0, count: count) } }.sorted { $0.key < $1.key }
            #expect(lists.termCount(ofDocument: index) == byID.count)
            #expect(read.map(\.key) == expected.map(\.key), "document \(index)")
            #expect(read.map(\.count) == expected.map(\.count), "document \(index)")
        }
    }
}
