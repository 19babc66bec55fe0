/// Sorting a short list of 64-bit items without an allocation.
///
/// A report that lists every document's terms in an order of its own sorts a few items for every
/// document; an array grown per document cost allocations for each (`DocumentTermLists`). The
/// items go to a temporary buffer instead, on the stack when small
/// (`withUnsafeTemporaryAllocation`): raw memory, so it lives here, beside the other pieces of
/// kotoba that touch it (`ByteSpan.swift`).
public enum TemporarySort {
    /// Calls `fill` with a function that adds an item (`capacity` items at most), then `body`
    /// with every item added, in ascending order.
    @inlinable
    public static func forEachAscending(
        capacity: Int, fill: (_ add: (UInt64) -> Void) -> Void, _ body: (UInt64) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { buffer in
            var filled = 0
            fill { item in
                precondition(filled < capacity, "more items than the room asked for")
                buffer.initializeElement(at: filled, to: item)
                filled += 1
            }
            var items = UnsafeMutableBufferPointer(rebasing: buffer[..<filled])
            items.sort()
            for item in items { body(item) }
        }
    }
}
