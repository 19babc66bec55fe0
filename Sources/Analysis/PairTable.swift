/// Counts per pair of term ids: the co-occurrence table, the hottest structure of a run (every
/// unit adds k(k − 1)/2 pairs for its k distinct terms).
///
/// Two parts. Pairs of two "dense" ids (`makeDense`, at most `denseCapacity` of them) are counted
/// in a triangular array, indexed directly: a run makes its first 1,024 terms dense, mostly the
/// frequent ones, so most additions land in 4 MB that stay in the caches; once the pairs are
/// restricted to a vocabulary, its terms are the dense ones, and the table is that array alone:
/// 16 MB for 2,000 terms, where a hash table of their pairs takes up to 64 MB. The other pairs go to an
/// open-addressing hash table with linear probing over `UInt64` keys (`CorpusCounts.PairKey` packs
/// the two ids) and a multiplicative hash. Swift's `Dictionary` hashes every key with a seeded
/// SipHash, which made the lookups themselves a tenth of a run's time; neither the standard
/// library nor swift-collections offers a hashed table with a caller-chosen hash, so this one is
/// written here. A slot holds its key and its count side by side, so an addition touches one
/// cache line. Keys are never removed one by one (only `filter` and `removeAll`), so no
/// tombstones are needed. Iteration order depends on the ids, never on a random seed, but
/// reports must still sort: ids differ between workers.
public struct PairTable: Sendable, Sequence {
    /// How many ids a run's tables make dense while every pair is counted.
    public static let defaultDenseCapacity = 1024
    /// The most ids a table makes dense: 2,048 take 16 MB (the default pair vocabulary, 2,000
    /// terms, fits); a larger vocabulary's other terms go to the hash table.
    public static let maximumDenseCapacity = 2048

    /// How many ids may be dense.
    public let denseCapacity: Int
    /// Per id, its place among the dense ids (-1: not dense).
    private var places: [Int32] = []
    /// Per place, its id.
    private var denseIDs: [Int32] = []
    /// Counts of pairs of places p < q at q(q − 1)/2 + p; empty until the first such pair.
    private var dense: [Int] = []
    /// Pairs with a count in `dense`.
    private var denseCount = 0

    /// A key and its count; a key of 0 marks an empty slot (a packed key is never 0, because a
    /// pair's two ids differ).
    fileprivate struct Slot {
        var key: UInt64
        var value: Int
    }

    private var slots: [Slot]
    /// Pairs in `slots`.
    private var sparseCount = 0
    private var mask: Int
    /// 64 − log₂ of the capacity: the hash is the top bits of the product.
    private var shift: UInt64

    public init(minimumCapacity: Int = 0, denseCapacity: Int = PairTable.defaultDenseCapacity) {
        self.denseCapacity = Swift.min(denseCapacity, Self.maximumDenseCapacity)
        var capacity = 16
        while capacity * 3 < minimumCapacity * 4 { capacity *= 2 }
        slots = Array(repeating: Slot(key: 0, value: 0), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Distinct pairs counted.
    public var count: Int { denseCount + sparseCount }

    public var isEmpty: Bool { count == 0 }

    /// Makes `id` dense, if there is room; `true` if it is (or was). Pairs already counted with it
    /// stay where they are, so ids are made dense before any of their pairs is added
    /// (`CorpusCounts` does it as it numbers a term).
    @discardableResult
    public mutating func makeDense(_ id: Int32) -> Bool {
        if place(of: id) >= 0 { return true }
        guard denseIDs.count < denseCapacity else { return false }
        assert(!hasSparsePairs(with: id), "an id made dense after its pairs were counted")
        if Int(id) >= places.count { places.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - places.count)) }
        places[Int(id)] = Int32(denseIDs.count)
        denseIDs.append(id)
        return true
    }

    /// Whether some pair with `id` is in the hash table (a debug check: it reads the whole table).
    private func hasSparsePairs(with id: Int32) -> Bool {
        slots.contains { slot in
            let pair = CorpusCounts.PairKey(packed: slot.key)
            return slot.key != 0 && (pair.first == id || pair.second == id)
        }
    }

    @inline(__always)
    private func place(of id: Int32) -> Int32 {
        Int(id) < places.count ? places[Int(id)] : -1
    }

    /// The index in `dense` of the pair of `a` and `b`, if both are dense and differ (a term with
    /// itself, which is never counted, has none).
    @inline(__always)
    private func denseIndex(_ a: Int32, _ b: Int32) -> Int? {
        let (p, q) = (place(of: a), place(of: b))
        guard p >= 0, q >= 0, p != q else { return nil }
        let (low, high) = p < q ? (Int(p), Int(q)) : (Int(q), Int(p))
        return high * (high - 1) / 2 + low
    }

    /// Where the probe for `key` starts. Fibonacci hashing: the top bits of key × 2⁶⁴/φ spread
    /// packed id pairs evenly.
    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot of `key`: where it is, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var index = home(of: key)
        while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    /// The count of `pair`, 0 if it was never added.
    public subscript(pair: CorpusCounts.PairKey) -> Int {
        if let index = denseIndex(pair.first, pair.second) { return dense.isEmpty ? 0 : dense[index] }
        let index = slot(of: pair.packed)
        return slots[index].key == 0 ? 0 : slots[index].value
    }

    /// Adds `amount` (positive) to the count of `pair`.
    @inline(__always)
    public mutating func add(_ pair: CorpusCounts.PairKey, _ amount: Int = 1) {
        assert(pair.packed != 0, "a pair of a term with itself")
        assert(amount > 0, "a count that does not grow")
        if let index = denseIndex(pair.first, pair.second) {
            if dense.isEmpty { dense = Array(repeating: 0, count: denseCapacity * (denseCapacity - 1) / 2) }
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
            for pair in pairs where denseIndex(pair.first, pair.second) == nil {
                touched ^= slots[home(of: pair.packed)].key
            }
            lastTouched = touched
        }
        for pair in pairs { add(pair, amount) }
    }

    /// Whether the dense ids are exactly the ids `allowed` marks (by id; ids past its end are
    /// not allowed): then every pair of two allowed ids has its cell in the array, and
    /// `addUnit(dense:times:places:)` may count a unit's pairs.
    func holdsDense(exactly allowed: [Bool]) -> Bool {
        guard denseIDs.count == allowed.count(where: \.self) else { return false }
        return denseIDs.allSatisfy { Int($0) < allowed.count && allowed[Int($0)] }
    }

    /// Counts `times` units holding the distinct `ids`: every pair of two dense ones, in the
    /// array (ids not dense are passed over), for a table restricted to a vocabulary whose
    /// terms are its dense ids (`holdsDense(exactly:)`). What `add(contentsOf:_:)` does with
    /// the unit's pairs, without a key per pair, the places of both ids found again for each
    /// pair, or a test of each cell as it fills: each id's place is found once, and the places
    /// sorted, so that an id's pairs with the ones before it are cells of one row of the
    /// triangle. `countDense()` must follow, before the table is read: the pairs filled are
    /// counted then, once. (At the end of a run, each worker's kept units are counted so, and
    /// this was a tenth of a `--force` run's time on the man pages.) `places` is scratch room,
    /// kept for its capacity.
    mutating func addUnit(dense ids: [Int32], times: Int, places: inout [Int32]) {
        places.removeAll(keepingCapacity: true)
        for id in ids {
            let place = place(of: id)
            if place >= 0 { places.append(place) }
        }
        guard places.count > 1 else { return }
        if dense.isEmpty { dense = Array(repeating: 0, count: denseCapacity * (denseCapacity - 1) / 2) }
        places.sort()
        let sorted = places.span
        var cells = dense.mutableSpan
        // A place is below `denseIDs.count`, at most `denseCapacity`: every cell is in the array.
        for later in 1..<sorted.count {
            let high = Int(sorted[unchecked: later])
            let row = high * (high - 1) / 2
            for earlier in 0..<later { cells[unchecked: row + Int(sorted[unchecked: earlier])] += times }
        }
    }

    /// Counts the cells of the dense array that hold a pair, after `addUnit(dense:times:places:)`.
    mutating func countDense() {
        var filled = 0
        do {
            let cells = dense.span
            for index in cells.indices where cells[unchecked: index] != 0 { filled += 1 }
        }
        denseCount = filled
    }

    /// Adds every pair `other` counted, its ids renamed by `mapping` (another worker's or pass's
    /// table). The hash table is first given room for the pairs that will be hashed and no more:
    /// a pair of two dense ids goes to the array (after a second pass every pair does), and room
    /// reserved for those too held 40 MB of empty slots at the peak of the ten-times man pages.
    /// `other`'s dense array is added whole where it can be (`addDense`); then only its hashed
    /// pairs are left to add one by one.
    public mutating func add(contentsOf other: PairTable, mapping: [Int32]) {
        let denseAdded = addDense(of: other, mapping: mapping)
        let rest = IteratorSequence(Iterator(dense: denseAdded ? [] : other.dense, denseIDs: other.denseIDs, slots: other.slots))
        var hashed = 0
        for (pair, _) in rest where denseIndex(mapping[Int(pair.first)], mapping[Int(pair.second)]) == nil {
            hashed += 1
        }
        reserveCapacity(sparseCount + hashed)
        for (pair, count) in rest {
            add(CorpusCounts.PairKey(mapping[Int(pair.first)], mapping[Int(pair.second)]), count)
        }
    }

    /// Adds `other`'s dense array to this one by places, when every dense id of `other` is dense
    /// here too (after `mapping`): the tables of a run's workers once restricted to its pair
    /// vocabulary. Where the two have the same ids in the same places (their places follow the
    /// terms' order, `CorpusCounts.countPairs`), the arrays add cell by cell; otherwise each cell
    /// goes to its places here. Either way no pair is looked up: two million cells add in a few
    /// milliseconds, where finding each pair's place again took tens. `false`, and nothing done,
    /// when some dense id of `other` is not dense here.
    private mutating func addDense(of other: PairTable, mapping: [Int32]) -> Bool {
        guard !other.dense.isEmpty else { return false }
        let places = other.denseIDs.map { place(of: mapping[Int($0)]) }
        guard !places.contains(where: { $0 < 0 }) else { return false }
        if dense.isEmpty { dense = Array(repeating: 0, count: denseCapacity * (denseCapacity - 1) / 2) }
        if places.indices.allSatisfy({ places[$0] == Int32($0) }) {
            // The cells of pairs of `other`'s dense ids, counted as they add up (one pass over
            // the array, not a second to count them); the arrays may be longer, each as its
            // capacity allows, and this one's cells past `other`'s are counted as they are.
            var filled = 0
            do {  // the cells borrowed while they add up, and no longer
                let added = other.dense.span
                var cells = dense.mutableSpan
                let end = places.count * (places.count - 1) / 2
                for index in 0..<end {
                    let sum = cells[unchecked: index] + added[unchecked: index]
                    cells[unchecked: index] = sum
                    filled += sum != 0 ? 1 : 0
                }
                for index in end..<cells.count where cells[unchecked: index] != 0 { filled += 1 }
            }
            denseCount = filled
            return true
        }
        do {  // each cell to its places here
            let added = other.dense.span
            var cells = dense.mutableSpan
            for high in 1..<Swift.max(1, places.count) {
                let row = high * (high - 1) / 2
                let q = Int(places[high])
                for low in 0..<high {
                    let count = added[unchecked: row + low]
                    guard count != 0 else { continue }
                    let p = Int(places[low])
                    let (a, b) = p < q ? (p, q) : (q, p)
                    cells[unchecked: b * (b - 1) / 2 + a] += count
                }
            }
        }
        countDense()
        return true
    }

    /// Keeps the reads of `add(contentsOf:_:)` from being optimized away.
    private var lastTouched: UInt64 = 0

    /// Room for `capacity` pairs without growing.
    public mutating func reserveCapacity(_ capacity: Int) {
        while capacity * 4 > slots.count * 3 { grow() }
    }

    /// The pairs for which `keep` is true, in a table whose dense ids are `denseIDs` (at most
    /// `denseCapacity` of them).
    public func filter(
        denseIDs: [Int32] = [], denseCapacity: Int = PairTable.defaultDenseCapacity, _ keep: (CorpusCounts.PairKey) -> Bool
    ) -> PairTable {
        var kept = PairTable(denseCapacity: denseCapacity)
        for id in denseIDs { kept.makeDense(id) }
        // Sized before it is filled: the pairs arrive in this table's slot order, that is by
        // hash, so a table growing as they came would pile the first ones into a few slots and
        // linear probing would crawl.
        var hashed = 0
        for (pair, _) in self where keep(pair) && kept.denseIndex(pair.first, pair.second) == nil { hashed += 1 }
        kept.reserveCapacity(hashed)
        for (pair, value) in self where keep(pair) { kept.add(pair, value) }
        return kept
    }

    /// No pairs, and no dense ids (up to `denseCapacity` may be made dense again).
    public mutating func removeAll(denseCapacity: Int = PairTable.defaultDenseCapacity) {
        self = PairTable(denseCapacity: denseCapacity)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: 0), count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for entry in old where entry.key != 0 { slots[slot(of: entry.key)] = entry }
    }

    /// The dense pairs in index order (by the later place, then the earlier), then the others.
    public struct Iterator: IteratorProtocol {
        // The arrays, not the table: a copy of the table per element (as debug builds make for
        // each access to a stored table) would retain all of them.
        fileprivate let dense: [Int]
        fileprivate let denseIDs: [Int32]
        fileprivate let slots: [Slot]
        var denseIndex = 0
        var low = 0
        var high = 1
        var slotIndex = 0

        public mutating func next() -> (key: CorpusCounts.PairKey, value: Int)? {
            // Cells past the pairs of the dense ids made so far hold nothing. Most cells of the
            // rest are zero too (a survey's 2,000 terms make 2 million cells and 140,000 pairs),
            // so a run of zeros is skipped in a loop of its own, and the place moved on by rows.
            let end = Swift.min(dense.count, denseIDs.count * (denseIDs.count - 1) / 2)
            // A local copy (the same storage): a span of `self`'s array would hold `self` borrowed.
            let dense = self.dense
            let cells = dense.span
            while denseIndex < end {
                var index = denseIndex
                // Four cells a step while all four are zero: the scan is read again by every
                // report that lists the pairs, over every cell of the triangle.
                while index &+ 4 <= end,
                    cells[unchecked: index] | cells[unchecked: index &+ 1] | cells[unchecked: index &+ 2]
                        | cells[unchecked: index &+ 3] == 0
                {
                    index &+= 4
                }
                while index < end, cells[unchecked: index] == 0 { index += 1 }
                low += index - denseIndex
                while low >= high { (low, high) = (low - high, high + 1) }
                guard index < end else { break }
                let key = CorpusCounts.PairKey(denseIDs[low], denseIDs[high])
                denseIndex = index + 1
                low += 1
                if low == high { (low, high) = (0, high + 1) }
                return (key, cells[unchecked: index])
            }
            denseIndex = dense.count
            while slotIndex < slots.count {
                defer { slotIndex += 1 }
                let slot = slots[slotIndex]
                if slot.key != 0 { return (CorpusCounts.PairKey(packed: slot.key), slot.value) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(dense: dense, denseIDs: denseIDs, slots: slots) }

    public var underestimatedCount: Int { count }
}
