import Bytes

/// Values kept by a dictionary entry (its features' ordinal) and a surface, compared as UTF-8
/// bytes: what a worker decided about an unknown word, looked up once per token (also a
/// worker's compound candidates by their nouns, and the keyed forms of surfaces).
///
/// A third of a technical text's tokens can be unknown words (identifiers, English), so this
/// lookup is hot. `Dictionary` would hash the surface with SipHash after normalizing it (String
/// hashing is canonical-equivalence aware); this table hashes the bytes (`HashSlots.hash`) and
/// finds them through `HashSlots`. Byte equality is the right key here: canonically equivalent
/// surfaces that differ in bytes get entries of their own, whose terms are made NFC when
/// interned.
///
/// The surfaces are kept end to end as records (their byte count, then their bytes) in chunks
/// (`VarintRecords`), not as a `String` each: these tables grow with a corpus's vocabulary (the
/// ten-times benchmark corpus's workers keep hundreds of thousands of surfaces and candidates),
/// and a string costs a heap object of its own, its header and its rounding, for a dozen bytes.
struct SurfaceTable<Value> {
    /// A surface kept: its entry's ordinal, where its bytes are, its value. One element, so that
    /// a lookup reads one place for all three (three arrays cost a read from memory each, the
    /// most of a lookup's time with the slots' and the bytes': `perf annotate`).
    private struct Kept {
        var ordinal: Int32
        var place: VarintRecords.Place
        var value: Value
    }

    private var slots = HashSlots()
    private var kept: [Kept] = []
    private var surfaces = VarintRecords(chunkSize: 1 << 18)

    init() {}

    /// How many surfaces are kept.
    var count: Int { kept.count }

    /// The value kept for the surface whose UTF-8 is `surface`, of the entry `ordinal`, if any.
    func value(ordinal: Int32, surface: Span<UInt8>) -> Value? {
        find(ordinal: ordinal, surface: surface).number.map { kept[$0].value }
    }

    /// Keeps `value` for the UTF-8 `surface` of the entry `ordinal`, which has none yet.
    mutating func insert(_ value: Value, ordinal: Int32, surface: Span<UInt8>) {
        let found = find(ordinal: ordinal, surface: surface)
        precondition(found.number == nil, "a surface kept twice")
        _ = slots.insert(found.hash, at: found.slot)
        let place = surfaces.append(maximumBytes: 10 + surface.count) { bytes in
            bytes.appendVarint(surface.count)
            bytes.append(copying: surface)
        }
        kept.append(Kept(ordinal: ordinal, place: place, value: value))
    }

    /// The number of the surface kept for `ordinal` and `surface`, or where it would go.
    private func find(ordinal: Int32, surface: Span<UInt8>) -> (number: Int?, slot: Int, hash: UInt64) {
        let hash = HashSlots.combine(HashSlots.hash(surface), UInt64(UInt32(bitPattern: ordinal)))
        let found = slots.find(hash) { number in
            let item = kept[number]
            return item.ordinal == ordinal
                && surfaces.withRecord(at: item.place) { bytes, offset in
                    let count = Int(bytes.trustedVarint(at: &offset))
                    return count == surface.count && bytes.extracting(offset..<offset + count).hasSameBytes(as: surface)
                }
        }
        return (found.number, found.slot, hash)
    }
}
