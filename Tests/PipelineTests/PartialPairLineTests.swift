import Analysis
import Foundation
import Reporting
import Testing

@testable import Pipeline

/// The pair-record shortcut against the writer's lines and a JSON parser's reading of them.
struct PartialPairLineTests {
    static func line(_ a: Term, _ b: Term, _ count: Int) -> String {
        "{\"k\":\"pair\",\"a\":[\(JSONText.string(a.text)),\(JSONText.string(a.partOfSpeech))],"
            + "\"b\":[\(JSONText.string(b.text)),\(JSONText.string(b.partOfSpeech))],\"n\":\(count)}"
    }

    @Test func readsWhatTheWriterWritesOrLeavesIt() throws {
        let texts = ["地域", "a", "", "MACC", "e\u{301}", "😀x", "say \"hi\"", "back\\slash", "tab\there", "ｶﾞ", "/"]
        for (index, text) in texts.enumerated() {
            let a = Term(text: text, partOfSpeech: "名詞")
            let b = Term(text: texts[(index + 3) % texts.count] + "b", partOfSpeech: "未知語")
            let line = Self.line(a, b, index * 1000 + 7)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let parsed = PartialPairLine.parse(Substring(line).utf8)
            if line.contains("\\") {
                #expect(parsed == nil, "escapes are left to the JSON parser: \(line)")
            } else {
                let read = try #require(parsed)
                #expect(read.a == a && read.b == b && read.count == index * 1000 + 7)
                #expect((object["a"] as? [String]) == [a.text, a.partOfSpeech])
                #expect((object["n"] as? Int) == read.count)
            }
        }
    }

    @Test(arguments: [
        #"{"k":"pair","a":["a","名詞"],"b":["b","名詞"],"n":3} "#, #"{"k":"pair","a":["a","名詞"],"b":["b","名詞"]}"#,
        #"{"k":"pair","a":["a","名詞","x"],"b":["b","名詞"],"n":3}"#, #"{"k":"pair","a":["a","名詞"],"b":["b","名詞"],"n":-3}"#,
        #"{"k":"pair","a":["a","名詞"],"b":["b","名詞"],"n":99999999999999999999}"#, #"{"n":3,"k":"pair","a":["a","名詞"],"b":["b","名詞"]}"#,
        #"{"k":"pair","a":["a,"名詞"],"b":["b","名詞"],"n":3}"#, "",
    ])
    func otherShapesAreLeftToTheJSONReader(line: String) {
        #expect(PartialPairLine.parse(Substring(line).utf8) == nil)
    }
}
