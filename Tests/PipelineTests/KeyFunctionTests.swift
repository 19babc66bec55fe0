import Testing
import TextPreparation

@testable import Pipeline

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
