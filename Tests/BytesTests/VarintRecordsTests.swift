import Bytes
import Testing
import TestSupport

/// Records of varints against the values they were made of, on random records drawn from a
/// fixed sequence, with chunks small enough that records fill many of them.
struct VarintRecordsTests {
    /// Records of 0–40 values, small and large (up to `UInt64.max`), from `seed`.
    static func records(count: Int, seed: UInt64) -> [[UInt64]] {
        var random = SplitMix(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in
                switch Int.random(in: 0..<4, using: &random) {
                case 0: UInt64.random(in: 0..<0x80, using: &random)
                case 1: UInt64.random(in: 0x80..<0x4000, using: &random)
                case 2: UInt64.random(in: 0x4000..<(1 << 35), using: &random)
                default: UInt64.random(in: 0...UInt64.max, using: &random)
                }
            }
        }
    }

    /// Appends `values` as one record: their count, then each value.
    static func append(_ values: [UInt64], to records: inout VarintRecords) -> VarintRecords.Place {
        records.append(maximumBytes: 10 * (values.count + 1)) { bytes in
            bytes.appendVarint(values.count)
            for value in values { bytes.appendVarint(value) }
        }
    }

    /// The record at `offset` of `span`, read as `append` wrote it.
    static func read(_ span: Span<UInt8>, _ offset: inout Int) -> [UInt64] {
        let count = Int(span.trustedVarint(at: &offset))
        return (0..<count).map { _ in span.trustedVarint(at: &offset) }
    }

    @Test(arguments: [16, 64, 1 << 20])
    func everyRecordReadsBackWhereItBeganAndInOrder(chunkSize: Int) {
        let expected = Self.records(count: 300, seed: UInt64(chunkSize))
        var records = VarintRecords(chunkSize: chunkSize)
        #expect(records.isEmpty)
        let places = expected.map { Self.append($0, to: &records) }
        for (place, values) in zip(places, expected).reversed() {
            #expect(records.withRecord(at: place) { span, offset in Self.read(span, &offset) } == values)
        }
        var inOrder: [[UInt64]] = []
        records.forEachRecord { span, offset in inOrder.append(Self.read(span, &offset)) }
        #expect(inOrder == expected)
        var written: [UInt8] = []
        for values in expected {
            written.appendVarint(values.count)
            for value in values { written.appendVarint(value) }
        }
        #expect(records.byteCount == written.count)
    }

    /// A record larger than a chunk has a chunk of its own; the records after it start a new one.
    @Test func aRecordLargerThanAChunkIsKeptWhole() {
        var records = VarintRecords(chunkSize: 8)
        let small: [UInt64] = [1, 2]
        let large = Array(UInt64(1)...UInt64(50))
        let places = [small, large, small].map { Self.append($0, to: &records) }
        #expect(records.withRecord(at: places[1]) { span, offset in Self.read(span, &offset) } == large)
        #expect(records.withRecord(at: places[2]) { span, offset in Self.read(span, &offset) } == small)
        var counts: [Int] = []
        records.forEachRecord { span, offset in counts.append(Self.read(span, &offset).count) }
        #expect(counts == [2, 50, 2])
    }
}

/// The hash index against a dictionary of the same items, with hashes that collide on purpose.
struct HashSlotsTests {
    @Test func itemsAreFoundByHashAndTestThroughGrowthAndCollisions() {
        var slots = HashSlots()
        var items: [String] = []
        var expected: [String: Int] = [:]
        // Every fifth hash is the same, so probing passes over items whose hash matches and whose
        // test does not; 5,000 items make the slots double several times.
        func hash(_ item: String) -> UInt64 {
            var string = item
            let value = string.withUTF8Span { HashSlots.hash($0) }
            return value % 5 == 0 ? 42 : value
        }
        for number in 0..<5_000 {
            let item = "item \(number % 4_000)"
            let found = slots.find(hash(item)) { items[$0] == item }
            if let known = found.number {
                #expect(expected[item] == known)
            } else {
                #expect(expected[item] == nil)
                let index = slots.insert(hash(item), at: found.slot)
                #expect(index == items.count)
                items.append(item)
                expected[item] = index
            }
        }
        #expect(slots.count == 4_000)
        for (item, index) in expected { #expect(slots.find(hash(item)) { items[$0] == item }.number == index) }
        #expect(slots.find(hash("absent")) { items[$0] == "absent" }.number == nil)
        slots.removeAll()
        #expect(slots.count == 0)
        #expect(slots.find(hash("item 1")) { items[$0] == "item 1" }.number == nil)
    }

    /// Hashes that differ in their low 32 bits only share a slot's tag: the caller's test tells
    /// their items apart, and growth (which places items by their tags alone) keeps them found.
    @Test func itemsWhoseHashesShareTheirTopBitsAreToldApartByTheirTest() {
        var slots = HashSlots()
        let hashes = (0..<3_000).map { UInt64(0xABCD_1234) << 32 | UInt64($0 % 7) }
        for (number, hash) in hashes.enumerated() {
            let found = slots.find(hash) { $0 == number }
            #expect(found.number == nil)
            #expect(slots.insert(hash, at: found.slot) == number)
        }
        for (number, hash) in hashes.enumerated() { #expect(slots.find(hash) { $0 == number }.number == number) }
        #expect(slots.find(hashes[0]) { _ in false }.number == nil)
    }

    /// The hash reads every byte: strings that differ in one byte, anywhere, hash apart.
    @Test func hashesOfBytesThatDifferInOneByteDiffer() {
        let base = Array("a string longer than two words".utf8)
        let hash = HashSlots.hash(base.span)
        for index in base.indices {
            var changed = base
            changed[index] ^= 1
            #expect(HashSlots.hash(changed.span) != hash, "byte \(index)")
        }
        #expect(HashSlots.hash(Array(base.dropLast()).span) != hash)
    }
}
