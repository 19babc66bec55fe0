import Testing
import TestSupport

@testable import Analysis

/// The pair table against Swift's `Dictionary` doing the same additions.
struct PairTableTests {
    @Test(arguments: [50, 3_000, 200_000])
    func countsAsADictionaryDoes(additions: Int) {
        var random = SplitMix(state: UInt64(additions))
        var table = PairTable()
        var reference: [CorpusCounts.PairKey: Int] = [:]
        let ids = Int32(max(4, additions / 20))
        for _ in 0..<additions {
            let a = Int32.random(in: 0..<ids, using: &random)
            var b = Int32.random(in: 0..<ids, using: &random)
            if b == a { b = (a + 1) % ids }
            let amount = Int.random(in: 1...3, using: &random)
            table.add(CorpusCounts.PairKey(a, b), amount)
            reference[CorpusCounts.PairKey(a, b), default: 0] += amount
        }
        #expect(table.count == reference.count)
        var seen: [CorpusCounts.PairKey: Int] = [:]
        for (pair, value) in table { seen[pair] = value }
        #expect(seen == reference)
        for (pair, value) in reference { #expect(table[pair] == value) }
        #expect(table[CorpusCounts.PairKey(ids + 1, ids + 2)] == 0)
        let kept = table.filter { $0.first % 2 == 0 }
        #expect(kept.count == reference.keys.filter { $0.first % 2 == 0 }.count)
        for (pair, value) in kept { #expect(pair.first % 2 == 0 && reference[pair] == value) }
    }

    /// Ids beyond 2¹⁶ and pairs with id 0 (the packed key is 0 only for a term with itself).
    @Test func largeIdsAndIdZero() {
        var table = PairTable()
        table.add(CorpusCounts.PairKey(0, 1))
        table.add(CorpusCounts.PairKey(1, 0), 2)
        table.add(CorpusCounts.PairKey(70_000, 1_000_000), 5)
        #expect(table.count == 2)
        #expect(table[CorpusCounts.PairKey(0, 1)] == 3)
        #expect(table[CorpusCounts.PairKey(1_000_000, 70_000)] == 5)
    }
}
