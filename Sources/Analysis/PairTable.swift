/// Counts per pair of term ids: the co-occurrence table, the hottest structure of a run (every
/// unit adds k(k − 1)/2 pairs for its k distinct terms).
///
/// Two parts. Pairs of two ids below `denseLimit` are counted in a triangular array, indexed
/// directly: ids are handed out as terms are first met, so the small ids are mostly the frequent
/// terms, and most additions land here, in 4 MB that stay in the caches. The other pairs go to an
/// open-addressing hash table with linear probing over `UInt64` keys (`CorpusCounts.PairKey` packs
/// the two ids) and a multiplicative hash. Swift's `Dictionary` hashes every key with a seeded
/// SipHash, which made the lookups themselves a tenth of a run's time; neither the standard
/// library nor swift-collections offers a hashed table with a caller-chosen hash, so this one is
/// written here. A slot holds its key and its count side by side, so an addition touches one
/// cache line. Keys are never removed one by one (only `filter` and `removeAll`), so no tombstones
/// are needed. Iteration order depends on the ids, never on a random seed, but reports must still
/// sort: ids differ between workers.
public struct PairTable: Sendable, Sequence {
    /// Ids below this are counted in the triangular array.
    static let denseLimit: Int32 = 1024

    /// Counts of pairs a < b < `denseLimit` at b(b − 1)/2 + a; empty until the first such pair.
    private var dense: [Int] = []
    /// Pairs with a count in `dense`.
    private var denseCount = 0

    /// A key and its count; a key of 0 marks an empty slot (a packed key is never 0, because a
    /// pair's two ids differ).
    private struct Slot {
        var key: UInt64
        var value: Int
    }

    private var slots: [Slot]
    /// Pairs in `slots`.
    private var sparseCount = 0
    private var mask: Int
    /// 64 − log₂ of the capacity: the hash is the top bits of the product.
    private var shift: UInt64

    public init(minimumCapacity: Int = 0) {
        var capacity = 16
        while capacity * 3 < minimumCapacity * 4 { capacity *= 2 }
        slots = Array(repeating: Slot(key: 0, value: 0), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Distinct pairs counted.
    public var count: Int { denseCount + sparseCount }

    public var isEmpty: Bool { count == 0 }

    /// The index in `dense` of the pair `low` < `high`, if both are below `denseLimit` (a term
    /// with itself, which is never counted, has none).
    @inline(__always)
    private static func denseIndex(_ low: Int32, _ high: Int32) -> Int? {
        guard high < denseLimit, low < high else { return nil }
        return Int(high) * (Int(high) - 1) / 2 + Int(low)
    }

    /// The slot of `key`: where it is, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        // Fibonacci hashing: the top bits of key × 2⁶⁴/φ spread packed id pairs evenly.
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    /// The count of `pair`, 0 if it was never added.
    public subscript(pair: CorpusCounts.PairKey) -> Int {
        if let index = Self.denseIndex(pair.first, pair.second) { return dense.isEmpty ? 0 : dense[index] }
        let index = slot(of: pair.packed)
        return slots[index].key == 0 ? 0 : slots[index].value
    }

    /// Adds `amount` (positive) to the count of `pair`.
    @inline(__always)
    public mutating func add(_ pair: CorpusCounts.PairKey, _ amount: Int = 1) {
        assert(pair.packed != 0, "a pair of a term with itself")
        assert(amount > 0, "a count that does not grow")
        if let index = Self.denseIndex(pair.first, pair.second) {
            if dense.isEmpty {
                let limit = Int(Self.denseLimit)
                dense = Array(repeating: 0, count: limit * (limit - 1) / 2)
            }
            if dense[index] == 0 { denseCount += 1 }
            dense[index] += amount
            return
        }
        var index = slot(of: pair.packed)
        if slots[index].key == 0 {
            if (sparseCount + 1) * 4 > slots.count * 3 {
                grow()
                index = slot(of: pair.packed)
            }
            slots[index].key = pair.packed
            sparseCount += 1
        }
        slots[index].value += amount
    }

    /// Adds `amount` (positive) to the count of each of `pairs` (a unit's pairs, each once).
    ///
    /// First every pair's home slot in the hash table is read, then the pairs are added: the
    /// reads do not depend on each other, so their cache misses (the table is far larger than
    /// the caches) overlap instead of coming one after another, each behind its own probe.
    public mutating func add(contentsOf pairs: [CorpusCounts.PairKey], _ amount: Int) {
        if pairs.count > 4 {
            var touched: UInt64 = 0
            for pair in pairs where Self.denseIndex(pair.first, pair.second) == nil {
                touched ^= slots[Int(truncatingIfNeeded: (pair.packed &* 0x9E37_79B9_7F4A_7C15) >> shift)].key
            }
            lastTouched = touched
        }
        for pair in pairs { add(pair, amount) }
    }

    /// Keeps the reads of `add(contentsOf:_:)` from being optimized away.
    private var lastTouched: UInt64 = 0

    /// Room for `capacity` pairs without growing.
    public mutating func reserveCapacity(_ capacity: Int) {
        while capacity * 4 > slots.count * 3 { grow() }
    }

    /// The pairs for which `keep` is true.
    public func filter(_ keep: (CorpusCounts.PairKey) -> Bool) -> PairTable {
        var kept = PairTable(minimumCapacity: sparseCount)
        for (pair, value) in self where keep(pair) { kept.add(pair, value) }
        return kept
    }

    public mutating func removeAll() {
        self = PairTable()
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: 0), count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for entry in old where entry.key != 0 { slots[slot(of: entry.key)] = entry }
    }

    /// The dense pairs in index order (by the larger id, then the smaller), then the others.
    public struct Iterator: IteratorProtocol {
        let table: PairTable
        var denseIndex = 0
        var low: Int32 = 0
        var high: Int32 = 1
        var slotIndex = 0

        public mutating func next() -> (key: CorpusCounts.PairKey, value: Int)? {
            while denseIndex < table.dense.count {
                let (index, pair) = (denseIndex, CorpusCounts.PairKey(low, high))
                denseIndex += 1
                low += 1
                if low == high { (low, high) = (0, high + 1) }
                if table.dense[index] != 0 { return (pair, table.dense[index]) }
            }
            while slotIndex < table.slots.count {
                defer { slotIndex += 1 }
                let slot = table.slots[slotIndex]
                if slot.key != 0 { return (CorpusCounts.PairKey(packed: slot.key), slot.value) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(table: self) }

    public var underestimatedCount: Int { count }
}
