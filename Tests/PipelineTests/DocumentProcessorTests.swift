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

/// The term key's ASCII shortcut against ICU's NFKC_Casefold.
struct KeyFunctionTests {
    @Test func asciiKeysAreICUs() throws {
        let normalizer = TextNormalizer()
        let key = Pipeline.keyFunction(normalizer)
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for text in ascii + ["MACC", "Macc", "getItimer", "SIGKILL_2", "A-Z a-z"] {
            #expect(key(text) == (try normalizer.key(text)), "\(text.unicodeScalars.map(\.value))")
        }
        // Not ASCII: ICU still decides.
        #expect(key("Ｍａｃｃ") == "macc")
        #expect(key("Straße") == (try normalizer.key("Straße")))
    }
}
