import Corpus
import Foundation

/// Small files of the cache directory (the dictionary's digests), written whole or not at all
/// (`AtomicFile`): concurrent runs and killed runs leave either the old file or the new one (and
/// at worst a `.tmp`, which `kotoba cache` prunes). They are not flushed to the disk (`durable:
/// false`): a file lost to a power cut is made again by the next run, and the flush held up
/// every cold run's start by about 0.1 s. The analyses have segment files of their own
/// (`PackSegment`).
enum CacheFile {
    /// Writes `data` to `url`, making its folder; a failure comes back as a reason for the log,
    /// because the cache is an optimization and never stops a run.
    static func write(_ data: Data, to url: URL) -> String? {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return SystemError.reason(for: error)
        }
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(data, to: url.path, durable: false)
            return nil
        } catch {
            return error.reason
        }
    }
}
