import Testing

@testable import Analysis

/// The unknown-word table against Swift's `Dictionary` keyed by (ordinal, bytes).
struct SurfaceTableTests {
    private struct Key: Hashable {
        let ordinal: Int32
        let bytes: [UInt8]
    }

    @Test(arguments: [10, 5_000])
    func keepsWhatADictionaryKeeps(count: Int) {
        var random = PairTableTests.SplitMix(state: UInt64(count))
        var table = SurfaceTable<Int>()
        var reference: [Key: Int] = [:]
        // Surfaces of every length around the eight-byte steps of the hash, ASCII and Japanese.
        let alphabet = Array("abcxyz_0189地域活性化小規模事業者ｱｲ").map(String.init)
        for value in 0..<count {
            let length = Int.random(in: 0...12, using: &random)
            let surface = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
            let ordinal = Int32.random(in: 0..<4, using: &random)
            let key = Key(ordinal: ordinal, bytes: Array(surface.utf8))
            if let known = reference[key] {
                #expect(table.value(ordinal: ordinal, surface: surface) == known)
            } else {
                #expect(table.value(ordinal: ordinal, surface: surface) == nil)
                table.insert(value, ordinal: ordinal, surface: surface)
                reference[key] = value
            }
        }
        for (key, value) in reference {
            #expect(table.value(ordinal: key.ordinal, surface: String(decoding: key.bytes, as: UTF8.self)) == value)
        }
    }

    @Test func keysAreBytesAndEntries() {
        var table = SurfaceTable<String>()
        table.insert("precomposed", ordinal: 7, surface: "\u{E9}")
        // Canonically equivalent to é, but other bytes: an entry of its own (String's == says equal).
        #expect("\u{E9}" == "e\u{301}")
        #expect(table.value(ordinal: 7, surface: "e\u{301}") == nil)
        table.insert("decomposed", ordinal: 7, surface: "e\u{301}")
        #expect(table.value(ordinal: 7, surface: "\u{E9}") == "precomposed")
        #expect(table.value(ordinal: 7, surface: "e\u{301}") == "decomposed")
        // The same surface under another dictionary entry is another key.
        #expect(table.value(ordinal: 8, surface: "\u{E9}") == nil)
    }

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

/// Part-of-speech levels compared on bytes, as `==` and `hasPrefix` with a dash would.
struct PartOfSpeechPathTests {
    @Test func levelsAndTheirChildren() {
        #expect(PartOfSpeechPath.is("名詞-固有名詞-地域", under: "名詞"))
        #expect(PartOfSpeechPath.is("名詞-固有名詞-地域", under: "名詞-固有名詞"))
        #expect(PartOfSpeechPath.is("名詞-固有名詞-地域", under: "名詞-固有名詞-地域"))
        #expect(PartOfSpeechPath.is("名詞", under: "名詞"))
        #expect(!PartOfSpeechPath.is("名詞型", under: "名詞"))
        #expect(!PartOfSpeechPath.is("名詞", under: "名詞-一般"))
        #expect(!PartOfSpeechPath.is("動詞-自立", under: "名詞"))
        #expect(!PartOfSpeechPath.is("", under: "名詞"))
        #expect(!PartOfSpeechPath.is("名詞", under: ""))
    }
}
