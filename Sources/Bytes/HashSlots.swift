/// The open-addressing index of a table whose items are numbered 0, 1, … in the order they are
/// added, found by a 64-bit hash and the caller's own test of an item: what the record encoder's
/// string table and a worker's cached terms (Pipeline), and a worker's term entries, unknown
/// words and compound candidates and the counts' terms (Analysis), look items up by. The caller keeps the items; this keeps their
/// hashes and the slots.
///
/// Why not a `Dictionary` keyed by the items: it would keep a second copy of every key (two or
/// three `String`s, 32–48 bytes) in buckets at most three quarters full, and hash through
/// `String`'s canonical equivalence. Here an item costs its hash and two to four slots (16–24
/// bytes), and the caller hashes bytes (`hash(_:)`).
///
/// Each slot holds an item's number + 1 (0 where there is none), in the slot its hash picks or
/// the next free one. The slots are a power of two, at most half full.
public struct HashSlots: Sendable {
    /// Per item, its hash.
    @usableFromInline var hashes: [UInt64] = []
    @usableFromInline var slots: [UInt32] = Array(repeating: 0, count: HashSlots.initialSize)
    private static let initialSize = 1_024

    public init() {}

    /// How many items there are.
    public var count: Int { hashes.count }

    /// The number of the item with `hash` for which `matches` holds, or `nil` and the slot
    /// where a new item with that hash goes (`insert(_:at:)`, with nothing added between).
    @inlinable
    public func find(_ hash: UInt64, where matches: (Int) -> Bool) -> (number: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = Int(slots[slot])
            if occupant == 0 { return (nil, slot) }
            let number = occupant - 1
            if hashes[number] == hash, matches(number) { return (number, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the next item, with `hash`, at `slot` (as `find` gave it); returns its number.
    @inlinable
    public mutating func insert(_ hash: UInt64, at slot: Int) -> Int {
        hashes.append(hash)
        slots[slot] = UInt32(count)
        if count * 2 > slots.count { grow() }
        return count - 1
    }

    /// Forgets every item. After many items, a few should not pay for clearing their slots, so
    /// slots grown far beyond what they held start small again.
    public mutating func removeAll() {
        if slots.count > 4 * Self.initialSize && count * 16 < slots.count {
            slots = Array(repeating: 0, count: Self.initialSize)
        } else {
            var all = slots.mutableSpan
            for slot in all.indices { all[unchecked: slot] = 0 }
        }
        hashes.removeAll(keepingCapacity: true)
    }

    /// Doubles the slots and puts every item back.
    @usableFromInline
    mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(number + 1)
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
