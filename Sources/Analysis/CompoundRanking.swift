import Bytes
import Foundation

/// Ranks compound candidates by FLR (Nakagawa & Mori; TermExtract's defaults, docs/TEXT.md
/// §8.3): for a candidate `N1 … NL` seen `f` times as a whole,
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

    /// The same for candidates keyed as the counts keep them.
    public static func rank(keyed candidates: [CompoundKey: Int]) -> [Ranked] {
        rankKeys(candidates).map { Ranked(nouns: $0.key.nouns, frequency: $0.frequency, lr: $0.lr, flr: $0.flr) }
    }

    /// A ranked candidate as its key.
    public struct RankedKey: Sendable, Equatable {
        public var key: CompoundKey
        public var frequency: Int
        public var lr: Double
        public var flr: Double
    }

    /// The candidates ranked as `rank(keyed:)` ranks them, as keys: the nouns are never split
    /// into strings. Each distinct noun is numbered once, under its bytes in the key
    /// (`NounKey`), and every candidate's nouns are kept as numbers.
    public static func rankKeys(_ candidates: [CompoundKey: Int]) -> [RankedKey] {
        let entries = Array(candidates)
        var nounIDs: [NounKey: Int32] = [:]
        var numeric: [Bool] = []
        // Every candidate's nouns, end to end: candidate `i` has `ids[starts[i]..<starts[i + 1]]`.
        var ids: [Int32] = []
        var starts: [Int] = [0]
        // Every candidate's text (its nouns joined), end to end, for the ties.
        var texts: [UInt8] = []
        var textEnds: [Int] = []
        starts.reserveCapacity(entries.count + 1)
        textEnds.reserveCapacity(entries.count)
        for (key, _) in entries {
            var joined = key.joined
            joined.withUTF8Span { utf8 in
                var nounStart = 0
                for end in 0...utf8.count where end == utf8.count || utf8[unchecked: end] == separator {
                    let noun = NounKey(key: key.joined, range: nounStart..<end)
                    if let id = nounIDs[noun] {
                        ids.append(id)
                    } else {
                        let id = Int32(numeric.count)
                        nounIDs[noun] = id
                        numeric.append(isNumber(utf8.extracting(unchecked: nounStart..<end)))
                        ids.append(id)
                    }
                    texts.append(copying: utf8.extracting(unchecked: nounStart..<end))
                    nounStart = end + 1
                }
            }
            starts.append(ids.count)
            textEnds.append(texts.count)
        }
        var left = [Int](repeating: 0, count: numeric.count)
        var right = [Int](repeating: 0, count: numeric.count)
        for (index, entry) in entries.enumerated() where starts[index + 1] - starts[index] > 1 {
            for position in starts[index]..<(starts[index + 1] - 1) {
                right[Int(ids[position])] += entry.value
                left[Int(ids[position + 1])] += entry.value
            }
        }
        var ranked: [RankedKey] = []
        ranked.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            var logProduct = 0.0
            var scored = 0
            for id in ids[starts[index]..<starts[index + 1]] where !numeric[Int(id)] {
                logProduct += log(Double(left[Int(id)] + 1)) + log(Double(right[Int(id)] + 1))
                scored += 1
            }
            let lr = scored == 0 ? 1 : exp(logProduct / Double(2 * scored))
            ranked.append(RankedKey(key: entry.key, frequency: entry.value, lr: lr, flr: Double(entry.value) * lr))
        }
        // Ties by the text, then by the nouns (["a", "b"] and ["ab"] read alike), so the order
        // never depends on the dictionary's.
        let flr = ranked.map(\.flr)
        func text(_ index: Int) -> Range<Int> { (index == 0 ? 0 : textEnds[index - 1])..<textEnds[index] }
        let order = ranked.indices.sorted { lhs, rhs in
            if flr[lhs] != flr[rhs] { return flr[lhs] > flr[rhs] }
            let all = texts.span
            let order = all.extracting(text(lhs)).compareBytes(with: all.extracting(text(rhs)))
            if order != 0 { return order < 0 }
            return ranked[lhs].key < ranked[rhs].key
        }
        // Put in that order in place, cycle by cycle, instead of mapped into a second list: the
        // candidates of a large corpus are hundreds of thousands, ranked while other tables are
        // made.
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // `order[i]` is the candidate that goes to place `i`: follow the cycle from `start`.
            let first = ranked[start]
            var place = start
            while true {
                placed[place] = true
                let source = order[place]
                if source == start {
                    ranked[place] = first
                    break
                }
                ranked[place] = ranked[source]
                place = source
            }
        }
        return ranked
    }

    /// The separator of nouns in a key (`CompoundKey.separator`), a byte.
    private static let separator: UInt8 = 0x1F

    /// One noun of a key, hashed and compared as its bytes, without a string of its own.
    private struct NounKey: Hashable {
        let key: String
        let range: Range<Int>

        func withBytes<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
            var key = key
            return key.withUTF8Span { body($0.extracting(range)) }
        }

        func hash(into hasher: inout Hasher) {
            withBytes { hasher.combine(bytes: $0) }
        }

        static func == (lhs: NounKey, rhs: NounKey) -> Bool {
            lhs.range.count == rhs.range.count && lhs.withBytes { left in rhs.withBytes { left.hasSameBytes(as: $0) } }
        }
    }

    static func isNumber(_ noun: Span<UInt8>) -> Bool {
        guard !noun.isEmpty else { return false }
        for index in noun.indices {
            let byte = noun[unchecked: index]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
            else { return false }
        }
        return true
    }

    static func isNumber(_ noun: String) -> Bool {
        !noun.isEmpty && noun.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
    }
}
