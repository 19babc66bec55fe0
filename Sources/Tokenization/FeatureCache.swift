/// A tagger's features ordinals by MeCab's feature pointer: one lookup per token, so it is an
/// open-addressing table with linear probing and a multiplicative hash of the address, where
/// `Dictionary` would run SipHash over it (a third of the tagger's own work). Entries are never
/// removed; the table lives as long as its tagger, and holds at most one entry per dictionary
/// entry and unknown-word class.
///
/// A slot holds the pointer and the ordinal side by side, 16 bytes, so a lookup reads one place
/// in memory: with the pointers, the features and the ordinals in three places (two arrays and
/// the features object itself), most of the tagger's own time went to waiting for those reads
/// (`perf annotate`, `docs/PERFORMANCE.md`); a token keeps the ordinal alone, and its features
/// are found by it where a rule needs them (`FeatureRegistry`).
struct FeatureCache {
    /// One entry: 0 as the pointer marks an empty slot (MeCab never hands out a null feature
    /// pointer).
    struct Slot {
        var pointer: UInt = 0
        var ordinal: Int32 = 0
    }

    private var slots: [Slot]
    private var count = 0
    private var mask: Int
    /// 64 − log₂ of the capacity: the hash is the top bits of the product.
    private var shift: UInt64

    init() {
        let capacity = 4096
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The ordinal of the features at `pointer`, if the pointer was met before.
    @inline(__always)
    func ordinal(at pointer: UnsafeRawPointer) -> Int32? {
        let key = UInt(bitPattern: pointer)
        let slot = slots[index(of: key)]
        return slot.pointer == key ? slot.ordinal : nil
    }

    /// Keeps `ordinal`, of the features at `pointer`, which was not met before.
    mutating func insert(_ ordinal: Int32, at pointer: UnsafeRawPointer) {
        let key = UInt(bitPattern: pointer)
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let index = index(of: key)
        precondition(slots[index].pointer == 0, "features kept twice for one pointer")
        slots[index] = Slot(pointer: key, ordinal: ordinal)
        count += 1
    }

    /// The slot of `key`: where it is, or the empty slot where it would go.
    @inline(__always)
    private func index(of key: UInt) -> Int {
        // Fibonacci hashing: the top bits of key × 2⁶⁴/φ; the low bits of an address are aligned.
        var index = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[index].pointer != 0 && slots[index].pointer != key { index = (index + 1) & mask }
        return index
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for slot in old where slot.pointer != 0 { slots[index(of: slot.pointer)] = slot }
    }
}
