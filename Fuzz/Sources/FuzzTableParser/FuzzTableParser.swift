import Foundation
import LibFuzzerDriver

@testable import Corpus

/// The CSV/TSV parser on any text, with either delimiter, and a table made of what it parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTableParser(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for delimiter: Unicode.Scalar in [",", "\t"] {
        _ = try? TableParser(delimiter: delimiter).records(in: text)
        _ = try? Table(text: text, path: "fuzz.csv", delimiter: delimiter)
    }
    return 0
}

@main
enum FuzzTableParserMain {
    static func main() { LibFuzzer.run(fuzzTableParser) }
}
