import Testing
import TestSupport

@testable import Analysis

/// The unknown-word table against Swift's `Dictionary` keyed by (ordinal, bytes).
struct SurfaceTableTests {
    private struct Key: Hashable {
        let ordinal: Int32
        let bytes: [UInt8]
    }

    /// The table's value for `surface`, looked up by its bytes as the analyzer does.
    private static func value<Value>(in table: SurfaceTable<Value>, ordinal: Int32, surface: String) -> Value? {
        var surface = surface
        return surface.withUTF8Span { table.value(ordinal: ordinal, surface: $0) }
    }

    /// Keeps `value` for `surface`, given as its bytes as the analyzer gives it.
    private static func insert<Value>(_ value: Value, into table: inout SurfaceTable<Value>, ordinal: Int32, surface: String) {
        var surface = surface
        surface.withUTF8Span { table.insert(value, ordinal: ordinal, surface: $0) }
    }

    @Test(arguments: [10, 5_000])
    func keepsWhatADictionaryKeeps(count: Int) {
        var random = SplitMix(state: UInt64(count))
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
                #expect(Self.value(in: table, ordinal: ordinal, surface: surface) == known)
            } else {
                #expect(Self.value(in: table, ordinal: ordinal, surface: surface) == nil)
                Self.insert(value, into: &table, ordinal: ordinal, surface: surface)
                reference[key] = value
            }
        }
        for (key, value) in reference {
            #expect(Self.value(in: table, ordinal: key.ordinal, surface: String(decoding: key.bytes, as: UTF8.self)) == value)
        }
    }

    @Test func keysAreBytesAndEntries() {
        var table = SurfaceTable<String>()
        Self.insert("precomposed", into: &table, ordinal: 7, surface: "\u{E9}")
        // Canonically equivalent to é, but other bytes: an entry of its own (String's == says equal).
        #expect("\u{E9}" == "e\u{301}")
        #expect(Self.value(in: table, ordinal: 7, surface: "e\u{301}") == nil)
        Self.insert("decomposed", into: &table, ordinal: 7, surface: "e\u{301}")
        #expect(Self.value(in: table, ordinal: 7, surface: "\u{E9}") == "precomposed")
        #expect(Self.value(in: table, ordinal: 7, surface: "e\u{301}") == "decomposed")
        // The same surface under another dictionary entry is another key.
        #expect(Self.value(in: table, ordinal: 8, surface: "\u{E9}") == nil)
    }
}
