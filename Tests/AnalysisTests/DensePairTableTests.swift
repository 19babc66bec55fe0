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

    /// Units kept while deferring, counted at the end by the vocabulary's ranks (each unit's
    /// pairs straight into the array, `PairTable.addUnit(dense:times:places:)`): the same pairs
    /// and counts as a hand count of every sentence's distinct vocabulary terms, and as counts
    /// that counted every pair as it came and were restricted afterwards.
    @Test func deferredUnitsCountedByRanksAreTheHandCount() {
        let terms = (0..<40).map { Term(text: "t\($0)", partOfSpeech: "名詞") }
        var random = SplitMix(state: 19)
        var deferred = CorpusCounts(themeNames: [])
        deferred.deferPairs()
        var direct = CorpusCounts(themeNames: [])
        var sentences: [[Term]] = []
        for document in 0..<40 {
            let analyses = (0..<4).map { _ in
                // Skewed, so that frequencies differ, with repeats inside a sentence.
                SentenceAnalysis(
                    terms: (0..<7).map { _ in terms[min(Int.random(in: 0..<40, using: &random), Int.random(in: 0..<40, using: &random))] },
                    themeOccurrences: [])
            }
            sentences += analyses.map(\.terms)
            let summary = DocumentSummary(
                path: "\(document).txt", byteCount: 0, sha256: "", characterCount: 0, paragraphCount: 1, tokenCount: 0)
            deferred.add(summary, sentences: analyses)
            direct.add(summary, sentences: analyses)
        }
        let (vocabulary, ranks) = deferred.pairVocabularyRanks(size: 12)
        #expect(vocabulary.count == 12)
        deferred.countPairs(.terms(vocabulary), ranks: ranks)
        direct.countPairs(.terms(vocabulary))

        var hand: [Set<Term>: Int] = [:]
        for sentence in sentences {
            let present = Array(Set(sentence.filter(vocabulary.contains)))
            for i in present.indices { for j in present.indices where j > i { hand[[present[i], present[j]], default: 0] += 1 } }
        }
        #expect(!hand.isEmpty)
        #expect(deferred.pairUnits.count == hand.count)
        for (pair, count) in hand {
            let ids = pair.map { deferred.id(of: $0)! }
            #expect(deferred.pairUnits[CorpusCounts.PairKey(ids[0], ids[1])] == count, "\(pair)")
        }
        var listed: [Set<Term>: Int] = [:]
        for (pair, count) in deferred.pairUnits { listed[[deferred.terms[Int(pair.first)], deferred.terms[Int(pair.second)]]] = count }
        #expect(listed == hand)
        var counted: [Set<Term>: Int] = [:]
        for (pair, count) in direct.pairUnits { counted[[direct.terms[Int(pair.first)], direct.terms[Int(pair.second)]]] = count }
        #expect(counted == hand)
    }

    /// A unit's pairs added by places: pairs of two dense ids only, ids not dense passed over, the
    /// cells filled counted by `countDense()`; and `holdsDense(exactly:)` tells a table whose
    /// dense ids are the allowed ones from one that has more or fewer.
    @Test func unitsAddTheirDensePairs() {
        var table = PairTable(denseCapacity: 8)
        for id: Int32 in [9, 4, 30, 2] { table.makeDense(id) }
        var allowed = Array(repeating: false, count: 40)
        for id in [9, 4, 30, 2] { allowed[id] = true }
        #expect(table.holdsDense(exactly: allowed))
        allowed[5] = true
        #expect(!table.holdsDense(exactly: allowed))
        allowed[5] = false
        allowed[30] = false
        #expect(!table.holdsDense(exactly: allowed))
        #expect(!table.holdsDense(exactly: Array(allowed.prefix(10))))

        var places: [Int32] = []
        let units: [([Int32], Int)] = [([30, 9, 4], 1), ([2, 7, 9], 3), ([4], 5), ([7, 8], 2), ([2, 30, 9, 4], 1)]
        var reference: [CorpusCounts.PairKey: Int] = [:]
        for (ids, times) in units {
            table.addUnit(dense: ids, times: times, places: &places)
            let dense = ids.filter { [9, 4, 30, 2].contains($0) }
            for i in dense.indices { for j in dense.indices where j > i { reference[CorpusCounts.PairKey(dense[i], dense[j]), default: 0] += times } }
        }
        table.countDense()
        #expect(table.count == reference.count)
        for (pair, count) in reference { #expect(table[pair] == count) }
        #expect(table[CorpusCounts.PairKey(7, 9)] == 0 && table[CorpusCounts.PairKey(7, 8)] == 0)
        var seen: [CorpusCounts.PairKey: Int] = [:]
        for (pair, count) in table { seen[pair] = count }
        #expect(seen == reference)
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
