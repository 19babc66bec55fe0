import Corpus
import Testing

@testable import TextPreparation

/// NFKC_Casefold vectors of docs/TEXT.md §9.2 (checked).
struct CaseFoldTests {
    @Test(arguments: [("ＭＡＣＣ", "macc"), ("Ⅲ", "iii"), ("a\u{200B}b", "ab"), ("Straße", "strasse"), ("", "")])
    func caseFold(input: String, expected: String) throws {
        #expect(try TextNormalizer().key(input) == expected)
    }
}
