import Bytes
import Testing

/// `TemporarySort` against the standard library's sort of the same items.
struct TemporarySortTests {
    @Test(arguments: [0, 1, 2, 17, 1_000, 20_000])
    func givesTheItemsInAscendingOrder(count: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count + 1)
        let items = (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Few distinct high halves: ties of key with differing counts, as the reports have.
            return (state >> 61) << 32 | (state & 0xFFFF)
        }
        var sorted: [UInt64] = []
        TemporarySort.forEachAscending(capacity: count + 3) { add in
            for item in items { add(item) }
        } _: { sorted.append($0) }
        #expect(sorted == items.sorted())
    }
}
