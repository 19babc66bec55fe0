/// The open-addressing index of a table whose items are numbered 0, 1, … in the order they are
/// added, found by a 64-bit hash and the caller's own test of an item's bytes: what the record
/// encoder's string table (`RecordStringTable`) and a worker's cached terms (`CachedTerms`)
/// both look items up by. The caller keeps the items; this keeps their hashes and the slots.
///
/// Each slot holds an item's number + 1 (0 where there is none), in the slot its hash picks or
/// the next free one. The slots are a power of two, at most half full.
struct HashSlots {
    /// Per item, its hash.
    private(set) var hashes: [UInt64] = []
    private var slots: [UInt32] = Array(repeating: 0, count: HashSlots.initialSize)
    private static let initialSize = 1_024

    /// How many items there are.
    var count: Int { hashes.count }

    /// The number of the item with `hash` for which `matches` holds, or `nil` and the slot
    /// where a new item with that hash goes (`insert(_:at:)`, with nothing added between).
    func find(_ hash: UInt64, where matches: (Int) -> Bool) -> (number: Int?, slot: Int) {
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
    mutating func insert(_ hash: UInt64, at slot: Int) -> Int {
        hashes.append(hash)
        slots[slot] = UInt32(count)
        if count * 2 > slots.count { grow() }
        return count - 1
    }

    /// Forgets every item. After many items, a few should not pay for clearing their slots, so
    /// slots grown far beyond what they held start small again.
    mutating func removeAll() {
        if slots.count > 4 * Self.initialSize && count * 16 < slots.count {
            slots = Array(repeating: 0, count: Self.initialSize)
        } else {
            var all = slots.mutableSpan
            for slot in all.indices { all[unchecked: slot] = 0 }
        }
        hashes.removeAll(keepingCapacity: true)
    }

    /// Doubles the slots and puts every item back.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(number + 1)
        }
    }
}
