import Testing

@testable import Analysis

/// Compound keys: their nouns back, their order, and byte equality.
struct CompoundKeyTests {
    @Test func compoundKeysRoundTrip() {
        for nouns in [["地域"], ["地域", "活性", "化"], ["", "a"], ["a", ""], ["a", "\u{301}b"]] {
            let key = CompoundKey(nouns: nouns)
            #expect(key.nouns == nouns)
            #expect(key.joined == nouns.joined(separator: "\u{1F}"))
        }
        // Keys sort as their noun lists do.
        let lists = [["ab"], ["a", "b"], ["a"], ["a", "bc"], ["b"], ["地域"], ["地", "域"]]
        let byKey = lists.sorted { CompoundKey(nouns: $0) < CompoundKey(nouns: $1) }
        let byList = lists.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(byKey == byList)
        // Bytes, not canonical equivalence: NFC and NFD spellings are two keys.
        #expect(CompoundKey(nouns: ["\u{E9}"]) != CompoundKey(nouns: ["e\u{301}"]))
        #expect(Set([CompoundKey(nouns: ["a", "b"]), CompoundKey(nouns: ["a", "b"])]).count == 1)
    }
}
