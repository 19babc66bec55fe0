import Foundation
import LibFuzzerDriver

@testable import Pipeline

/// The cache's readers on any bytes: a record decoded as it is on a hit (under the key of the
/// seeds, which the mutations keep), and the bytes as a segment file, opened and every record
/// it indexes read and decoded. Damage is a miss, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCacheReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    _ = AnalysisRecord.decode(bytes, key: CacheFuzzing.key, themeCount: 3)
    CacheFuzzing.segment(bytes)
    return 0
}

enum CacheFuzzing {
    /// The key of the seed records (`Tests/Fuzz/CacheReader`): a plain-text input whose SHA-256
    /// is 32 bytes of 0x1a.
    static let key = CacheKey(sha256: String(repeating: "1a", count: 32), format: .plain)
    static let identity = CacheKey(digestOf: "fuzz")
    nonisolated(unsafe) static let path = NSTemporaryDirectory() + "kotoba-fuzz-\(getpid()).pack"

    /// Writes `bytes` as a segment and reads it as a run would. Bytes without the segment's
    /// magic words at both ends are not written: opening them stops at those words, and writing a
    /// file for each of them would slow the target tenfold.
    static func segment(_ bytes: [UInt8]) {
        guard bytes.count >= PackSegment.headerSize + PackSegment.trailerSize,
            bytes.prefix(8).elementsEqual(PackSegment.headerMagic), bytes.suffix(8).elementsEqual(PackSegment.trailerMagic)
        else { return }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard let (segment, index) = PackSegment.open(path: path, identity: identity) else { return }
        for entry in index {
            guard let record = segment.record(at: entry.location) else { continue }
            _ = AnalysisRecord.decode(record, key: entry.key, themeCount: 3)
        }
    }
}

@main
enum FuzzCacheReaderMain {
    static func main() { LibFuzzer.run(fuzzCacheReader) }
}
