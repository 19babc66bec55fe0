import Analysis
import Foundation
import LibFuzzerDriver

/// KH Coder coding rules on any text: a whole rule file, and the text as one rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodingRuleParser(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = CodingRuleParser.parseFile(text)
    _ = CodingRuleParser.parseRule(text)
    return 0
}

@main
enum FuzzCodingRuleParserMain {
    static func main() { LibFuzzer.run(fuzzCodingRuleParser) }
}
