import Foundation

/// Ranks compound candidates by FLR (Nakagawa & Mori; TermExtract's defaults, reference/
/// normtok.md §7.3): for a candidate `N1 … NL` seen `f` times as a whole,
///
///     LR  = ( Π (FL(Ni) + 1)(FR(Ni) + 1) ) ^ (1 / 2L)
///     FLR = f · LR
///
/// where `FL(N)` (`FR(N)`) counts how often some noun stands right before (after) `N` inside all
/// candidates, each candidate weighted by its frequency. Numbers (`^[0-9.,]+$`) are left out of
/// the product.
public enum CompoundRanking {
    public struct Ranked: Sendable, Equatable {
        public var nouns: [String]
        public var frequency: Int
        public var lr: Double
        public var flr: Double
    }

    /// Every candidate with its LR and FLR, by descending FLR, ties by text.
    public static func rank(_ candidates: [[String]: Int]) -> [Ranked] {
        rank(keyed: Dictionary(candidates.map { (CompoundKey(nouns: $0.key), $0.value) }, uniquingKeysWith: +))
    }

    /// The same for candidates keyed as the counts keep them. Each distinct noun is looked up
    /// once per candidate it is in, under a key that hashes its bytes (`CompoundKey` of one
    /// noun; a `String` key would be normalized for every lookup), and counted by number.
    public static func rank(keyed candidates: [CompoundKey: Int]) -> [Ranked] {
        var nounIDs: [CompoundKey: Int] = [:]
        var numeric: [Bool] = []
        let entries = candidates.map { key, frequency in
            let nouns = key.nouns
            let ids = nouns.map { noun in
                let key = CompoundKey(nouns: [noun])
                if let id = nounIDs[key] { return id }
                nounIDs[key] = numeric.count
                numeric.append(isNumber(noun))
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
        var ranked: [Ranked] = []
        ranked.reserveCapacity(entries.count)
        for entry in entries {
            var logProduct = 0.0
            var scored = 0
            for id in entry.ids where !numeric[id] {
                logProduct += log(Double(left[id] + 1)) + log(Double(right[id] + 1))
                scored += 1
            }
            let lr = scored == 0 ? 1 : exp(logProduct / Double(2 * scored))
            ranked.append(Ranked(nouns: entry.nouns, frequency: entry.frequency, lr: lr, flr: Double(entry.frequency) * lr))
        }
        // Ties by the text, then by the nouns (["a", "b"] and ["ab"] read alike), so the order
        // never depends on the dictionary's: the keys are made once, not once per comparison.
        let texts = ranked.map { Array($0.nouns.joined().utf8) }
        let order = ranked.indices.sorted { lhs, rhs in
            if ranked[lhs].flr != ranked[rhs].flr { return ranked[lhs].flr > ranked[rhs].flr }
            if texts[lhs] != texts[rhs] { return texts[lhs].lexicographicallyPrecedes(texts[rhs]) }
            return entries[lhs].key < entries[rhs].key
        }
        return order.map { ranked[$0] }
    }

    static func isNumber(_ noun: String) -> Bool {
        !noun.isEmpty && noun.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
    }
}
