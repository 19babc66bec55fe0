/// The open-addressing index of a table whose items are numbered 0, 1, … in the order they are
/// added, found by a 64-bit hash and the caller's own test of an item: what the record encoder's
/// string table and a worker's cached terms (Pipeline), and a worker's term entries, unknown
/// words and compound candidates and the counts' terms (Analysis), look items up by. The caller
/// keeps the items; this keeps the slots.
///
/// Why not a `Dictionary` keyed by the items: it would keep a second copy of every key (two or
/// three `String`s, 32–48 bytes) in buckets at most three quarters full, and hash through
/// `String`'s canonical equivalence. Here an item costs two to four slots of 8 bytes, and the
/// caller hashes bytes (`hash(_:)`).
///
/// Each slot holds an item's number + 1 (0 where there is none) and the top 32 bits of its hash
/// (its tag), in the slot the tag's top bits pick or the next free one; the slots are a power of
/// two, at most half full. A lookup reads the slots and then only the items whose tag is the
/// hash's, which the caller's test then reads: where the slots held numbers alone, each occupant
/// met cost a read of its hash from an array of their own first, and a hit cost a read from
/// memory more than the item itself (`perf annotate` of the unknown words' lookups,
/// docs/PERFORMANCE.md). Growing needs nothing but the tags, so no hash is kept beside them.
public struct HashSlots: Sendable {
    @usableFromInline var slots: [UInt64] = Array(repeating: 0, count: HashSlots.initialSize)
    /// 32 − log₂ of the slots' count: a tag shifted right by this is its first slot.
    @usableFromInline var shift = HashSlots.initialShift
    private static let initialSize = 1_024
    private static let initialShift = 32 - UInt32(initialSize.trailingZeroBitCount)

    public init() {}

    /// How many items there are.
    public var count: Int { items }
    /// The number of items, stored apart from `count` so that the inlinable insert can change it.
    @usableFromInline var items = 0

    /// The tag of `hash`, as its slot keeps it.
    @inlinable @inline(__always)
    static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }

    /// The number of the item with `hash` for which `matches` holds, or `nil` and the slot
    /// where a new item with that hash goes (`insert(_:at:)`, with nothing added between).
    /// `matches` is asked only of items whose hash has the same top 32 bits, and must test the
    /// item itself: items with equal hashes are not told apart here.
    @inlinable
    public func find(_ hash: UInt64, where matches: (Int) -> Bool) -> (number: Int?, slot: Int) {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = Int(tag >> shift)
        while true {
            let occupant = slots[slot]
            if occupant == 0 { return (nil, slot) }
            if Self.tag(occupant) == tag {
                let number = Int(UInt32(truncatingIfNeeded: occupant)) - 1
                if matches(number) { return (number, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the next item, with `hash`, at `slot` (as `find` gave it); returns its number.
    @inlinable
    public mutating func insert(_ hash: UInt64, at slot: Int) -> Int {
        items += 1
        slots[slot] = UInt64(Self.tag(hash)) << 32 | UInt64(UInt32(items))
        if items * 2 > slots.count { grow() }
        return items - 1
    }

    /// Forgets every item. After many items, a few should not pay for clearing their slots, so
    /// slots grown far beyond what they held start small again.
    public mutating func removeAll() {
        if slots.count > 4 * Self.initialSize && count * 16 < slots.count {
            slots = Array(repeating: 0, count: Self.initialSize)
            shift = Self.initialShift
        } else {
            var all = slots.mutableSpan
            for slot in all.indices { all[unchecked: slot] = 0 }
        }
        items = 0
    }

    /// Doubles the slots and puts every item back, each by its tag.
    @usableFromInline
    mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for occupant in old where occupant != 0 {
            var slot = Int(Self.tag(occupant) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = occupant
        }
    }

    /// A hash of short byte strings, a word at a time, whose low bits pick the slot.
    public static func hash(_ bytes: Span<UInt8>) -> UInt64 {
        var state = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            state = (state ^ bytes.littleEndianWord(at: offset)) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
            offset += 8
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for index in offset..<bytes.count { word |= UInt64(bytes[unchecked: index]) << (8 * UInt64(index - offset)) }
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
        }
        state ^= state >> 29
        state &*= 0xBF58_476D_1CE4_E5B9
        return state ^ (state >> 32)
    }

    /// One hash of two hashes (of the fields of one item), which depends on their order.
    @inlinable
    public static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        first &+ second &* 0x9E37_79B9_7F4A_7C15
    }
}
