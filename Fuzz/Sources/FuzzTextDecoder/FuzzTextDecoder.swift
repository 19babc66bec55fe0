import Corpus
import Foundation
import LibFuzzerDriver

/// The decoder on any bytes: detection (byte-order marks, UTF-8, UTF-16 by ICU's detector,
/// Shift_JIS and EUC-JP), and each encoding named outright. It may refuse, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextDecoder(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    _ = try? TextDecoder().decode(data, path: "fuzz")
    let named = TextEncoding.allCases[Int(data.first ?? 0) % TextEncoding.allCases.count]
    _ = try? TextDecoder(encoding: named).decode(data.dropFirst(), path: "fuzz")
    return 0
}

@main
enum FuzzTextDecoderMain {
    static func main() { LibFuzzer.run(fuzzTextDecoder) }
}
