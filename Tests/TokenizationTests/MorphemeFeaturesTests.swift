import Testing

@testable import Tokenization

struct MorphemeFeaturesTests {
    @Test func ipadicFieldsAreSplit() {
        let features = MorphemeFeatures(raw: "動詞,自立,*,*,サ変・スル,基本形,する,スル,スル", layout: .ipadic)
        #expect(features.partOfSpeech == ["動詞", "自立"])
        #expect(features.baseForm == "する")
        #expect(features.reading == "スル")
    }

    @Test func unknownWordsHaveNoBaseForm() {
        let features = MorphemeFeatures(raw: "名詞,固有名詞,組織,*,*,*,*", layout: .ipadic)
        #expect(features.partOfSpeechPath == "名詞-固有名詞-組織")
        #expect(features.baseForm == nil)
        #expect(features.reading == nil)
    }

    @Test func quotedFieldsWithCommasStayWhole() {
        // A UniDic feature (docs/TEXT.md §7.2): quoted fields hold commas.
        let raw = #"助詞,係助詞,*,*,*,*,ハ,は,は,ワ,は,ワ,和,*,*,*,*,*,*,"動詞%F2@-1,形容詞%F4@-2",*,ハ,ハ,ハ,ハ,"1,0",*,"#
        let fields = MorphemeFeatures.splitCSV(raw)
        #expect(fields[19] == "動詞%F2@-1,形容詞%F4@-2")
        #expect(fields[25] == "1,0")
        #expect(fields.count == 28)
        #expect(MorphemeFeatures.splitCSV(#"a,"say ""hi""",b"#) == ["a", #"say "hi""#, "b"])
    }
}
