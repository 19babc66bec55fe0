import Foundation
import Testing
import TestSupport

@testable import Analysis

/// `CompoundRanking.rankKeys`, which numbers the nouns by their bytes in the keys, ranks as the
/// ranking that split every key into strings did.
struct CompoundRankingTests {
    /// The ranking as it was written before keys were ranked without splitting them.
    static func rankAsBefore(_ candidates: [CompoundKey: Int]) -> [CompoundRanking.Ranked] {
        var nounIDs: [CompoundKey: Int] = [:]
        var numeric: [Bool] = []
        let entries = candidates.map { key, frequency in
            let nouns = key.nouns
            let ids = nouns.map { noun in
                let key = CompoundKey(nouns: [noun])
                if let id = nounIDs[key] { return id }
                nounIDs[key] = numeric.count
                numeric.append(!noun.isEmpty && noun.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," })
                return numeric.count - 1
            }
            return (nouns: nouns, ids: ids, frequency: frequency, key: key)
        }
        var left = [Int](repeating: 0, count: numeric.count)
        var right = [Int](repeating: 0, count: numeric.count)
        for entry in entries where entry.ids.count > 1 {
            for index in 0..<(entry.ids.count - 1) {
                right[entry.ids[index]] += entry.frequency
                left[entry.ids[index + 1]] += entry.frequency
            }
        }
        let ranked = entries.map { entry in
            var logProduct = 0.0
            var scored = 0
            for id in entry.ids where !numeric[id] {
                logProduct += log(Double(left[id] + 1)) + log(Double(right[id] + 1))
                scored += 1
            }
            let lr = scored == 0 ? 1 : exp(logProduct / Double(2 * scored))
            return CompoundRanking.Ranked(nouns: entry.nouns, frequency: entry.frequency, lr: lr, flr: Double(entry.frequency) * lr)
        }
        let texts = ranked.map { Array($0.nouns.joined().utf8) }
        let order = ranked.indices.sorted { lhs, rhs in
            if ranked[lhs].flr != ranked[rhs].flr { return ranked[lhs].flr > ranked[rhs].flr }
            if texts[lhs] != texts[rhs] { return texts[lhs].lexicographicallyPrecedes(texts[rhs]) }
            return entries[lhs].key < entries[rhs].key
        }
        return order.map { ranked[$0] }
    }

    /// Candidates from a few nouns (numbers, an empty noun, nouns that are prefixes of others,
    /// so that ["a", "b"] and ["ab"] read alike), with frequencies that make many ties.
    static func candidates(seed: UInt64) -> [CompoundKey: Int] {
        let nouns = ["システム", "ファイル", "ファイルシステム", "2", "3.5", "1,000", "", "a", "ab", "b", "é", "e\u{301}"]
        var random = SplitMix(state: seed)
        var candidates: [CompoundKey: Int] = [:]
        for _ in 0..<2_000 {
            let length = 1 + Int(random.next() % 4)
            let picked = (0..<length).map { _ in nouns[Int(random.next() % UInt64(nouns.count))] }
            candidates[CompoundKey(nouns: picked), default: 0] += 1 + Int(random.next() % 3)
        }
        return candidates
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func ranksAsBefore(seed: UInt64) {
        let candidates = Self.candidates(seed: seed)
        #expect(CompoundRanking.rank(keyed: candidates) == Self.rankAsBefore(candidates))
        #expect(CompoundRanking.rankKeys(candidates).map(\.key.nouns) == Self.rankAsBefore(candidates).map(\.nouns))
    }

    /// Candidates given as keys and counts in any order (the counts' arrays, in the order first
    /// met) are ranked as the table of them is.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func ranksTheSameInAnyOrder(seed: UInt64) {
        let candidates = Self.candidates(seed: seed)
        let sorted = candidates.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for order in [sorted, sorted.reversed()] {
            #expect(CompoundRanking.rankKeys(order, compoundsOnly: true) == CompoundRanking.rankKeys(candidates, compoundsOnly: true))
        }
    }

    /// Leaving out single nouns as the candidates are ranked ranks the others as the whole
    /// ranking does, with the single nouns filtered out of it afterwards.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func ranksCompoundsAlone(seed: UInt64) {
        let candidates = Self.candidates(seed: seed)
        let compounds = Self.rankAsBefore(candidates).filter { $0.nouns.count > 1 }
        let ranked = CompoundRanking.rankKeys(candidates, compoundsOnly: true)
        #expect(compounds.count > 100 && compounds.count < candidates.count)
        #expect(ranked.map(\.key.nouns) == compounds.map(\.nouns))
        #expect(ranked.map(\.flr) == compounds.map(\.flr))
        #expect(ranked.map(\.frequency) == compounds.map(\.frequency))
    }
}
