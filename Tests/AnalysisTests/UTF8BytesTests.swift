import Testing

@testable import Analysis

/// Byte equality, against the bytes themselves.
struct UTF8BytesTests {
    @Test func equalMeansSameBytes() {
        let texts = ["", "a", "ab", "地域", "地域活性化", "\u{E9}", "e\u{301}", String(repeating: "ｱ", count: 40)]
        for a in texts {
            for b in texts {
                #expect(UTF8Bytes.equal(a, b) == Array(a.utf8).elementsEqual(Array(b.utf8)))
            }
        }
    }
}
