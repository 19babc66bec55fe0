import Corpus
import Foundation

/// Small files of the cache directory (the dictionary's digests), written so that a reader
/// never sees half of one: into a temporary file beside it, then renamed into place. Concurrent
/// runs and killed runs leave either the old file or the new one (and at worst a `.tmp`, which
/// `kotoba cache` prunes). The analyses have segment files of their own (`PackSegment`).
enum CacheFile {
    /// Writes `data` to `url`, making its folder; a failure comes back as a reason for the log,
    /// because the cache is an optimization and never stops a run.
    static func write(_ data: Data, to url: URL) -> String? {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                let reason = SystemError.message(errno: errno)  // before the clean-up can change errno
                try? FileManager.default.removeItem(at: temporary)
                return reason
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return SystemError.reason(for: error)
        }
    }
}
