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
        var left: [String: Int] = [:]
        var right: [String: Int] = [:]
        for (nouns, frequency) in candidates where nouns.count > 1 {
            for index in 0..<(nouns.count - 1) {
                right[nouns[index], default: 0] += frequency
                left[nouns[index + 1], default: 0] += frequency
            }
        }
        var ranked: [Ranked] = []
        for (nouns, frequency) in candidates {
            let scored = nouns.filter { !isNumber($0) }
            var logProduct = 0.0
            for noun in scored {
                logProduct += log(Double(left[noun, default: 0] + 1)) + log(Double(right[noun, default: 0] + 1))
            }
            let lr = scored.isEmpty ? 1 : exp(logProduct / Double(2 * scored.count))
            ranked.append(Ranked(nouns: nouns, frequency: frequency, lr: lr, flr: Double(frequency) * lr))
        }
        // Ties by the text, then by the nouns (["a", "b"] and ["ab"] read alike), so the order
        // never depends on the dictionary's: the keys are made once, not once per comparison.
        let keys = ranked.map { (text: Array($0.nouns.joined().utf8), nouns: CompoundKey(nouns: $0.nouns)) }
        let order = ranked.indices.sorted { lhs, rhs in
            if ranked[lhs].flr != ranked[rhs].flr { return ranked[lhs].flr > ranked[rhs].flr }
            if keys[lhs].text != keys[rhs].text { return keys[lhs].text.lexicographicallyPrecedes(keys[rhs].text) }
            return keys[lhs].nouns < keys[rhs].nouns
        }
        return order.map { ranked[$0] }
    }

    static func isNumber(_ noun: String) -> Bool {
        !noun.isEmpty && noun.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
    }
}
