import Testing
import TextPreparation

@testable import Pipeline

/// The processor's byte-level shortcuts against the standard library's answers.
struct DocumentProcessorTests {
    @Test(arguments: [
        "", "a", "abcdefgh", "abcdefghi", "地域活性化", "○西川区長　地域の活性化を支援する。", "e\u{301}", "🇯🇵👩‍👩‍👧",
        String(repeating: "aé地😀", count: 37), "ｱｲｳ\r\n\t€",
    ])
    func scalarCountIsTheStandardLibrarys(text: String) {
        #expect(DocumentProcessor.scalarCount(text) == text.unicodeScalars.count)
        // Every offset of the tail loop, after the eight-byte words.
        for cut in 0...min(text.utf8.count, 20) {
            let prefix = String(decoding: text.utf8.prefix(cut), as: UTF8.self)
            #expect(DocumentProcessor.scalarCount(prefix) == prefix.unicodeScalars.count)
        }
    }
}
