import Testing

@testable import Tokenization

/// The tagger's table of features ordinals by MeCab's feature pointer: every pointer kept finds
/// its ordinal, through the table's growth, and a pointer never kept finds none; and every
/// ordinal finds its features object in the process's registry, as a token finds its features.
struct FeatureCacheTests {
    @Test func everyPointerKeptIsFoundWithItsOrdinal() {
        let features = (0..<50).map { MorphemeFeatures(raw: "名詞,一般,*,*,*,*,語\($0),ゴ,ゴ", layout: .ipadic) }
        var cache = FeatureCache()
        // Feature strings lie end to end in the dictionary: pointers a few dozen bytes apart,
        // more than the table's first 4,096 slots hold.
        let base = 0x7F00_0000_0000
        let pointers = (0..<20_000).map { UnsafeRawPointer(bitPattern: base + 37 * $0 + ($0 % 7))! }
        for (index, pointer) in pointers.enumerated() {
            #expect(cache.ordinal(at: pointer) == nil)
            cache.insert(features[index % features.count].ordinal, at: pointer)
        }
        for (index, pointer) in pointers.enumerated() {
            let found = cache.ordinal(at: pointer)
            #expect(found == features[index % features.count].ordinal)
            #expect(found.map { FeatureRegistry.shared.features($0) } === features[index % features.count])
        }
        #expect(cache.ordinal(at: UnsafeRawPointer(bitPattern: base + 37 * 20_000 + 1)!) == nil)
    }

    /// A token keeps its entry's ordinal alone (16 bytes) and finds the features by it, for
    /// features made on any thread.
    @Test func aTokenFindsItsFeaturesByOrdinal() async {
        #expect(MemoryLayout<Token>.stride == 16)
        let made = await withTaskGroup(of: [MorphemeFeatures].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    (0..<2_000).map { MorphemeFeatures(raw: "名詞,固有名詞,*,*,*,*,語\(worker)-\($0),ゴ,ゴ", layout: .ipadic) }
                }
            }
            var all: [MorphemeFeatures] = []
            for await features in group { all += features }
            return all
        }
        #expect(Set(made.map(\.ordinal)).count == made.count)
        for features in made {
            let token = Token(features: features, isUnknown: false, byteRange: 0..<3)
            #expect(token.ordinal == features.ordinal)
            #expect(token.features === features)
            #expect(token.features.baseForm == features.baseForm)
        }
    }
}
