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
    /// (`NounKey`), and every candidate's nouns are kept as numbers. With `compoundsOnly`, the
    /// candidates of a single noun are left out from the start (they add nothing to any other
    /// candidate's score, and the order of the others is a total one, so it stays the same).
    ///
    /// The working lists are kept small: a large corpus has hundreds of thousands of candidates,
    /// ranked while other reports are made, where the ten-times benchmark corpus peaks. The
    /// candidates are read from the dictionary where they are, once, into the ranked list
    /// itself; a candidate's nouns are found by 32-bit offsets; and ties compare the keys'
    /// bytes without their separators instead of a copy of every candidate's text.
    public static func rankKeys(_ candidates: [CompoundKey: Int], compoundsOnly: Bool = false) -> [RankedKey] {
        rankKeys(candidates.lazy.map { ($0.key, $0.value) }, compoundsOnly: compoundsOnly)
    }

    /// The same for candidates given as keys, each once, with their frequencies (the counts'
    /// `compoundKeys` and `compoundCounts`); their order does not matter, and those that never
    /// occurred are left out.
    public static func rankKeys(_ candidates: some Sequence<(CompoundKey, Int)>, compoundsOnly: Bool = false) -> [RankedKey] {
        var nounIDs: [NounKey: Int32] = [:]
        var numeric: [Bool] = []
        // Every kept candidate's nouns, end to end: candidate `i` has `ids[starts[i]..<starts[i + 1]]`.
        var ids: [Int32] = []
        var starts: [UInt32] = [0]
        var ranked: [RankedKey] = []
        // A candidate with no occurrence (met in a document that was then dropped) is no candidate.
        for (key, frequency) in candidates where frequency > 0 {
            var joined = key.joined
            joined.withUTF8Span { utf8 in
                if compoundsOnly && utf8.firstIndex(of: separator) == nil { return }
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
                    nounStart = end + 1
                }
                precondition(ids.count <= UInt32.max, "more nouns in the candidates than 32-bit offsets reach")
                starts.append(UInt32(ids.count))
                ranked.append(RankedKey(key: key, frequency: frequency, lr: 1, flr: Double(frequency)))
            }
        }
        nounIDs = [:]
        func nouns(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(starts[index + 1]) }
        var left = [Int](repeating: 0, count: numeric.count)
        var right = [Int](repeating: 0, count: numeric.count)
        for index in ranked.indices where nouns(index).count > 1 {
            let frequency = ranked[index].frequency
            for position in nouns(index).dropLast() {
                right[Int(ids[position])] += frequency
                left[Int(ids[position + 1])] += frequency
            }
        }
        for index in ranked.indices {
            var logProduct = 0.0
            var scored = 0
            for id in ids[nouns(index)] where !numeric[Int(id)] {
                logProduct += log(Double(left[Int(id)] + 1)) + log(Double(right[Int(id)] + 1))
                scored += 1
            }
            let lr = scored == 0 ? 1 : exp(logProduct / Double(2 * scored))
            ranked[index].lr = lr
            ranked[index].flr = Double(ranked[index].frequency) * lr
        }
        (ids, starts, left, right) = ([], [], [], [])
        // Ties by the text, then by the nouns (["a", "b"] and ["ab"] read alike), so the order
        // never depends on the dictionary's.
        let flr = ranked.map(\.flr)
        var order = Array(0..<Int32(ranked.count))
        order.sort { lhs, rhs in
            let (lhs, rhs) = (Int(lhs), Int(rhs))
            if flr[lhs] != flr[rhs] { return flr[lhs] > flr[rhs] }
            let order = compareTexts(ranked[lhs].key, ranked[rhs].key)
            if order != 0 { return order < 0 }
            return ranked[lhs].key < ranked[rhs].key
        }
        // Put in that order in place, cycle by cycle, instead of mapped into a second list.
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // `order[i]` is the candidate that goes to place `i`: follow the cycle from `start`.
            let first = ranked[start]
            var place = start
            while true {
                placed[place] = true
                let source = Int(order[place])
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

    /// The order of two keys' texts, their nouns joined without the separator, byte by byte as
    /// `Span.compareBytes` orders bytes (negative, zero or positive).
    static func compareTexts(_ lhs: CompoundKey, _ rhs: CompoundKey) -> Int {
        var (left, right) = (lhs.joined, rhs.joined)
        return left.withUTF8Span { left in
            right.withUTF8Span { right in
                var (l, r) = (0, 0)
                while true {
                    while l < left.count, left[unchecked: l] == separator { l += 1 }
                    while r < right.count, right[unchecked: r] == separator { r += 1 }
                    guard l < left.count, r < right.count else {
                        return (l < left.count ? 1 : 0) - (r < right.count ? 1 : 0)
                    }
                    let (a, b) = (left[unchecked: l], right[unchecked: r])
                    if a != b { return Int(a) - Int(b) }
                    l += 1
                    r += 1
                }
            }
        }
    }

    /// The separator of nouns in a key, as a byte.
    private static let separator = CompoundKey.separatorByte

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
