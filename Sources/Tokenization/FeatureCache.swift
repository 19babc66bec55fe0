/// A tagger's parsed features by MeCab's feature pointer: one lookup per token, so it is an
/// open-addressing table with linear probing and a multiplicative hash of the address, where
/// `Dictionary` would run SipHash over it (a third of the tagger's own work). Entries are never
/// removed; the table lives as long as its tagger, and holds at most one entry per dictionary
/// entry and unknown-word class. Values are held unmanaged: features objects are never freed
/// (`MorphemeFeatures`), and a lookup then costs no reference counting.
struct FeatureCache {
    /// 0 marks an empty slot: MeCab never hands out a null feature pointer.
    private var keys: [UInt]
    private var values: [Unmanaged<MorphemeFeatures>?]
    private var count = 0
    private var mask: Int
    /// 64 − log₂ of the capacity: the hash is the top bits of the product.
    private var shift: UInt64

    init() {
        let capacity = 4096
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The features at `pointer`, if the pointer was met before.
    @inline(__always)
    func features(at pointer: UnsafeRawPointer) -> Unmanaged<MorphemeFeatures>? {
        let key = UInt(bitPattern: pointer)
        let index = slot(of: key)
        return keys[index] == key ? values[index] : nil
    }

    /// Keeps `features` for `pointer`, which was not met before.
    mutating func insert(_ features: Unmanaged<MorphemeFeatures>, at pointer: UnsafeRawPointer) {
        let key = UInt(bitPattern: pointer)
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let index = slot(of: key)
        precondition(keys[index] == 0, "features kept twice for one pointer")
        keys[index] = key
        values[index] = features
        count += 1
    }

    /// The slot of `key`: where it is, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt) -> Int {
        // Fibonacci hashing: the top bits of key × 2⁶⁴/φ; the low bits of an address are aligned.
        var index = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        shift -= 1
        for index in oldKeys.indices where oldKeys[index] != 0 {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
