import Foundation

/// A file written whole or not at all: first into a temporary file in the same folder (so that
/// the rename never crosses file systems), then renamed over its name, so that a reader sees the
/// old file or the new one, never half of one. A process killed in between leaves at worst a
/// hidden `.NAME.UUID.tmp` beside it, which the cache's pruning removes where it is in the cache.
///
/// Every file kotoba writes on its own goes through here: the cache's small files (`CacheFile`),
/// compiled user dictionaries, partial counts. Writers that stream a large file (the cache's
/// segments) write their temporary file themselves and `commit` it. The reports are written
/// into a staging folder that replaces the output as a whole (`ReportPublisher`), not file by file.
public enum AtomicFile {
    /// A write that failed: the file meant (not the temporary one), and why, as the C library
    /// says it (`permission denied`).
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `data` to `path`, replacing the file there (never a folder).
    public static func write(_ data: Data, to path: String) throws(Failure) {
        let temporary = temporaryPath(for: path)
        do {
            try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
        } catch {
            discard(temporary)
            throw Failure(path: path, reason: SystemError.reason(for: error))
        }
        try commit(temporary, to: path)
    }

    /// A new temporary name for a file to become `path`: hidden, beside it, ending in `.tmp`.
    public static func temporaryPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Renames the finished `temporary` file to `path`, replacing what was there; on failure the
    /// temporary file is removed and the error names `path` with the C library's reason.
    public static func commit(_ temporary: String, to path: String) throws(Failure) {
        guard rename(temporary, path) == 0 else {
            let reason = SystemError.message(errno: errno)  // before the clean-up can change errno
            discard(temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    /// Removes a temporary file that will not be committed (a failed write).
    public static func discard(_ temporary: String) {
        unlink(temporary)
    }
}
