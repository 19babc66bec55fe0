import Testing

@testable import Analysis

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
