import Bytes

/// Values kept by a dictionary entry (its features' ordinal) and a surface, compared as UTF-8
/// bytes: what a worker decided about an unknown word, looked up once per token.
///
/// A third of a technical text's tokens can be unknown words (identifiers, English), so this
/// lookup is hot. `Dictionary` would hash the surface with SipHash after normalizing it (String
/// hashing is canonical-equivalence aware); this table hashes the bytes with a multiply–xor hash
/// and probes linearly. Byte equality is the right key here: canonically equivalent surfaces
/// that differ in bytes get entries of their own, whose terms are made NFC when interned.
struct SurfaceTable<Value> {
    private struct Entry {
        let ordinal: Int32
        let surface: String
        let hash: UInt64
        let value: Value
    }

    private var entries: [Entry] = []
    /// Per slot, an index into `entries`, or -1 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = slots.count - 1
    }

    /// How many surfaces are kept.
    var count: Int { entries.count }

    /// The value kept for the surface whose UTF-8 is `surface`, of the entry `ordinal`, if any.
    func value(ordinal: Int32, surface: Span<UInt8>) -> Value? {
        let hash = Self.hash(surface, seed: UInt64(UInt32(bitPattern: ordinal)))
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] >= 0 {
            let entry = entries[Int(slots[index])]
            if entry.hash == hash, entry.ordinal == ordinal, entry.surface.utf8.count == surface.count {
                var known = entry.surface
                if known.withUTF8Span({ $0.hasSameBytes(as: surface) }) { return entry.value }
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Keeps `value` for `surface` of the entry `ordinal`, which has none yet.
    mutating func insert(_ value: Value, ordinal: Int32, surface: String) {
        var text = surface
        let hash = text.withUTF8Span { Self.hash($0, seed: UInt64(UInt32(bitPattern: ordinal))) }
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] >= 0 { index = (index + 1) & mask }
        slots[index] = Int32(entries.count)
        entries.append(Entry(ordinal: ordinal, surface: surface, hash: hash, value: value))
        if entries.count * 4 > slots.count * 3 { grow() }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (position, entry) in entries.enumerated() {
            var index = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(position)
        }
    }

    /// A 64-bit hash of the UTF-8 `bytes`, eight at a time: multiply, then fold the high half
    /// into the low, so that the low bits the table indexes by depend on every byte.
    static func hash(_ bytes: Span<UInt8>, seed: UInt64) -> UInt64 {
        do {
            var hash = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = mix(hash ^ bytes.littleEndianWord(at: offset))
                offset += 8
            }
            if offset < bytes.count {
                var tail: UInt64 = 0
                var index = bytes.count
                while index > offset {
                    index -= 1
                    tail = tail << 8 | UInt64(bytes[unchecked: index])
                }
                hash = mix(hash ^ tail)
            }
            return mix(hash)
        }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
        return product.high ^ product.low
    }
}
