import Testing

@testable import Tokenization

/// The tagger's table of parsed features by MeCab's feature pointer: every pointer kept finds its
/// features and their ordinal, through the table's growth, and a pointer never kept finds none.
struct FeatureCacheTests {
    @Test func everyPointerKeptIsFoundWithItsOrdinal() {
        let features = (0..<50).map { MorphemeFeatures(raw: "名詞,一般,*,*,*,*,語\($0),ゴ,ゴ", layout: .ipadic) }
        var cache = FeatureCache()
        // Feature strings lie end to end in the dictionary: pointers a few dozen bytes apart,
        // more than the table's first 4,096 slots hold.
        let base = 0x7F00_0000_0000
        let pointers = (0..<20_000).map { UnsafeRawPointer(bitPattern: base + 37 * $0 + ($0 % 7))! }
        for (index, pointer) in pointers.enumerated() {
            #expect(cache.features(at: pointer) == nil)
            cache.insert(Unmanaged.passUnretained(features[index % features.count]), at: pointer)
        }
        for (index, pointer) in pointers.enumerated() {
            let found = cache.features(at: pointer)
            #expect(found?.features.takeUnretainedValue() === features[index % features.count])
            #expect(found?.ordinal == features[index % features.count].ordinal)
        }
        #expect(cache.features(at: UnsafeRawPointer(bitPattern: base + 37 * 20_000 + 1)!) == nil)
    }
}
