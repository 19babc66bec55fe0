import Foundation
import LibFuzzerDriver

@testable import Pipeline

/// The partial-counts reader on any bytes, as `kotoba merge` reads a file: both passes of the
/// streaming merge (settings, then every record through `PartialRecord.parse` and added up), the
/// checks, the documents and the shards. Bytes of even length are read as `kotoba merge` reads
/// them for reports (every shard present, pairs among the most frequent terms, which reads the
/// term records in the first pass too), of odd length as a combiner's `merge --partial` (any
/// shards, the units kept): one merge an execution, since a merge costs some JSON decoding, and a
/// byte more or less is a common mutation. Damage is a thrown error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartialReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = [UInt8](UnsafeBufferPointer(start: start, count: count))
    if count % 2 == 0 {
        _ = try? PartialMerge.merge([.bytes(name: "fuzz.partial", bytes)], pairTerms: 3)
    } else {
        _ = try? PartialMerge.merge([.bytes(name: "fuzz.partial", bytes)], complete: false)
    }
    return 0
}

@main
enum FuzzPartialReaderMain {
    static func main() { LibFuzzer.run(fuzzPartialReader) }
}
