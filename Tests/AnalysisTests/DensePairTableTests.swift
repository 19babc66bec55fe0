import Testing
import TestSupport

@testable import Analysis

/// The triangular part of the table: dense ids and the others side by side, a term with itself,
/// and filtering into a table whose dense ids are a vocabulary.
struct DensePairTableTests {
    @Test func denseAndSparseMeet() {
        var table = PairTable(denseCapacity: 4)
        // Dense ids in no particular order; the fifth finds no room.
        for id: Int32 in [7, 2, 900, 0] {
            let made = table.makeDense(id)
            #expect(made)
        }
        let noRoom = table.makeDense(5)
        let again = table.makeDense(7)
        #expect(!noRoom && again)
        var reference: [CorpusCounts.PairKey: Int] = [:]
        let pairs: [(Int32, Int32)] = [(7, 2), (2, 7), (0, 900), (900, 7), (5, 7), (5, 6), (0, 70_000), (2, 0)]
        for (index, (a, b)) in pairs.enumerated() {
            let pair = CorpusCounts.PairKey(a, b)
            table.add(pair, index + 1)
            reference[pair, default: 0] += index + 1
        }
        #expect(table.count == reference.count)
        var seen: [CorpusCounts.PairKey: Int] = [:]
        for (pair, value) in table { seen[pair, default: 0] += value }
        #expect(seen == reference)
        for (pair, value) in reference { #expect(table[pair] == value) }
        // A term with itself is never a pair, whatever is stored next to it.
        for id: Int32 in [0, 2, 5, 7, 900] { #expect(table[CorpusCounts.PairKey(id, id)] == 0) }

        // Filtered into a table whose dense ids are 5 and 7 only.
        let kept = table.filter(denseIDs: [5, 7], denseCapacity: 2) { $0.first == 5 || $0.second == 7 }
        let expected = reference.filter { $0.key.first == 5 || $0.key.second == 7 }
        #expect(kept.count == expected.count)
        for (pair, value) in expected { #expect(kept[pair] == value) }
    }

    /// The table lists its dense pairs by place (the later place, then the earlier), as a walk of
    /// every cell of the triangle finds them, then its other pairs once each: with runs of empty
    /// cells of every length, none at all, and room for more dense ids than were made.
    @Test(arguments: [0, 1, 2, 25, 60])
    func listsItsDensePairsInPlaceOrder(denseMade: Int) {
        var random = SplitMix(state: UInt64(denseMade) + 11)
        var table = PairTable(denseCapacity: 64)
        let ids = (0..<denseMade).map { _ in Int32(random.next() % 10_000) * 2 + 1 }
        var places: [Int32] = []
        for id in ids where !places.contains(id) {
            _ = table.makeDense(id)
            places.append(id)
        }
        var reference: [CorpusCounts.PairKey: Int] = [:]
        for _ in 0..<300 {
            // Mostly dense pairs, some with an id never made dense (even ids).
            func any() -> Int32 { Int32(random.next() % 50) * 2 }
            func dense() -> Int32 { places.isEmpty ? any() : places[Int(random.next() % UInt64(places.count))] }
            let (a, b) = (random.next() % 5 == 0 ? any() : dense(), dense())
            guard a != b else { continue }
            let pair = CorpusCounts.PairKey(a, b)
            table.add(pair, 1 + Int(random.next() % 3))
            reference[pair, default: 0] = table[pair]
        }
        var walked: [(CorpusCounts.PairKey, Int)] = []
        for high in places.indices.dropFirst() {
            for low in 0..<high {
                let pair = CorpusCounts.PairKey(places[low], places[high])
                if table[pair] != 0 { walked.append((pair, table[pair])) }
            }
        }
        let listed = Array(table)
        #expect(listed.count == reference.count)
        #expect(listed.prefix(walked.count).map(\.key) == walked.map(\.0))
        #expect(listed.prefix(walked.count).map(\.value) == walked.map(\.1))
        var seen: [CorpusCounts.PairKey: Int] = [:]
        for (pair, value) in listed { seen[pair, default: 0] += value }
        #expect(seen == reference)
    }

    /// Counts restricted to a vocabulary keep its terms' pairs in the array, and say the same as
    /// before the restriction.
    @Test func restrictedCountsAreTheSame() {
        var counts = CorpusCounts(themeNames: [])
        let terms = (0..<40).map { Term(text: "t\($0)", partOfSpeech: "名詞") }
        var random = SplitMix(state: 7)
        for document in 0..<30 {
            let sentences = (0..<5).map { _ in
                SentenceAnalysis(terms: (0..<6).map { _ in terms[Int.random(in: 0..<40, using: &random)] }, themeOccurrences: [])
            }
            counts.add(
                DocumentSummary(path: "\(document).txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0),
                sentences: sentences)
        }
        let before = counts.pairUnits
        let vocabulary = counts.pairVocabulary(size: 10)
        counts.countPairs(.terms(vocabulary))
        var expected = 0
        for (pair, value) in before where vocabulary.contains(counts.terms[Int(pair.first)]) && vocabulary.contains(counts.terms[Int(pair.second)]) {
            #expect(counts.pairUnits[pair] == value)
            expected += 1
        }
        #expect(counts.pairUnits.count == expected)
    }

    /// A vocabulary larger than the array holds: the first 2,048 ids are dense, the rest hashed,
    /// and every count is where it is asked for.
    @Test func largeVocabulariesOverflowIntoTheHashTable() {
        var table = PairTable(denseCapacity: 3000)
        #expect(table.denseCapacity == PairTable.maximumDenseCapacity)
        var made = 0
        for id in 0..<Int32(2100) where table.makeDense(id) { made += 1 }
        #expect(made == PairTable.maximumDenseCapacity)
        let pairs: [(Int32, Int32)] = [(0, 1), (2046, 2047), (2047, 2048), (2048, 2099), (1, 2099)]
        for (index, (a, b)) in pairs.enumerated() { table.add(CorpusCounts.PairKey(a, b), index + 1) }
        for (index, (a, b)) in pairs.enumerated() { #expect(table[CorpusCounts.PairKey(b, a)] == index + 1) }
        #expect(table.count == pairs.count)
        #expect(Set(table.map { "\($0.key.first)-\($0.key.second):\($0.value)" }).count == pairs.count)
    }

    /// Merging tables whose dense ids are all dense in the target adds their arrays by places:
    /// cell by cell where the places agree, place by place where they do not (a target with its
    /// own order, and an id the source lacks), and through the hash table where a source's dense
    /// id has no place in the target. Each merge says what adding every pair one by one says.
    @Test func mergingDenseTablesAddsTheirCells() {
        func table(dense ids: [Int32], capacity: Int, pairs: [(Int32, Int32, Int)]) -> PairTable {
            var table = PairTable(denseCapacity: capacity)
            for id in ids { table.makeDense(id) }
            for (a, b, count) in pairs { table.add(CorpusCounts.PairKey(a, b), count) }
            return table
        }
        func contents(_ table: PairTable) -> [CorpusCounts.PairKey: Int] {
            var seen: [CorpusCounts.PairKey: Int] = [:]
            for (pair, value) in table { seen[pair, default: 0] += value }
            return seen
        }
        // The source: ids 0, 1, 2 dense, a hashed pair with 9; mapped to ids 10, 11, 12 and 19.
        let source = table(dense: [0, 1, 2], capacity: 3, pairs: [(0, 1, 2), (1, 2, 3), (0, 2, 1), (2, 9, 4)])
        var mapping = [Int32](repeating: -1, count: 10)
        (mapping[0], mapping[1], mapping[2], mapping[9]) = (10, 11, 12, 19)
        let targetPairs: [(Int32, Int32, Int)] = [(10, 11, 5), (11, 13, 1), (13, 19, 7)]
        for targetIDs: [Int32] in [[10, 11, 12, 13], [13, 12, 10, 11], [12, 10], [10]] {
            var merged = table(dense: targetIDs, capacity: 4, pairs: targetPairs)
            var expected = contents(merged)
            for (pair, value) in source {
                expected[CorpusCounts.PairKey(mapping[Int(pair.first)], mapping[Int(pair.second)]), default: 0] += value
            }
            merged.add(contentsOf: source, mapping: mapping)
            #expect(contents(merged) == expected, "\(targetIDs)")
            #expect(merged.count == expected.count, "\(targetIDs)")
            #expect(merged[CorpusCounts.PairKey(10, 11)] == 7 && merged[CorpusCounts.PairKey(12, 19)] == 4)
        }
    }
}
