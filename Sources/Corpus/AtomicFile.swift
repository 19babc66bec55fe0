import Bytes
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
    ///
    /// With `durable`, the bytes reach the disk (`fsync(2)`) before the rename, so that a crash
    /// of the machine right after cannot leave an empty file under the name: for what a user
    /// keeps (partial counts). Without it the write is still whole or nothing for every reader,
    /// but a power cut may lose it: for the cache's small files, which a later run makes again.
    /// An `fsync` costs what the disk takes to flush, 0.1 s on a busy one, and a cold run wrote
    /// its dictionary memo before any worker started.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws(Failure) {
        let temporary = temporaryPath(for: path)
        let descriptor = ByteFile.open(
            rawPath: Array(temporary.utf8), flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o666)
        guard descriptor >= 0 else { throw Failure(path: path, reason: SystemError.message(errno: errno)) }
        var failure = ByteFile.write(descriptor, [UInt8](data))
        if failure == nil, durable, fsync(descriptor) != 0 { failure = ByteFile.Errno(errno) }
        if close(descriptor) != 0, failure == nil { failure = ByteFile.Errno(errno) }
        if let failure {
            discard(temporary)
            throw Failure(path: path, reason: SystemError.message(errno: failure.code))
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
