import Corpus
import Foundation

/// A lock on an output directory, so that two runs never write it at once: `.NAME.lock` beside
/// the folder the output path leads to (through symbolic links, `ReportPublisher.resolved`), held with `flock(2)` for as long as the lock value lives, and removed when the value goes
/// (the run ends, whether it published or failed), so no lock file is left beside the output.
///
/// The kernel releases the lock when the process ends, however it ends, so a killed run never
/// leaves a stale lock, only the empty file, which the next run takes and removes. Because the
/// holder removes the file before it unlocks, a run that opened the file just before could lock a
/// file no longer in the directory; so a lock counts only when the file locked is still the one at
/// the path (same device and inode), and is taken again on the new file otherwise.
public final class OutputLock: Sendable {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    /// Takes the lock on `output`, or fails at once if another run holds it.
    /// - Throws: `ReportError.locked` when another run holds it; `.cannotCreate` when the lock
    ///   file cannot be made.
    public init(output: URL) throws(ReportError) {
        // Keyed by where the output leads, so that `--out link` and `--out same` (link → same)
        // take the same lock.
        let displayPath = output.path
        let output = ReportPublisher.resolved(output)
        let parent = output.deletingLastPathComponent()
        path = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: parent.path, reason: SystemError.reason(for: error))
        }
        while true {
            let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: SystemError.message(errno: errno)) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                close(descriptor)
                if code == EWOULDBLOCK { throw .locked(path: displayPath) }
                throw .cannotCreate(path: path, reason: SystemError.message(errno: code))
            }
            if Self.isStillAtPath(descriptor, path) {
                self.descriptor = descriptor
                return
            }
            // The run that held it removed the file meanwhile: lock the file there now.
            close(descriptor)
        }
    }

    /// Whether the file open as `descriptor` is the one at `path`.
    private static func isStillAtPath(_ descriptor: Int32, _ path: String) -> Bool {
        var held = stat()
        var current = stat()
        guard fstat(descriptor, &held) == 0, stat(path, &current) == 0 else { return false }
        return held.st_dev == current.st_dev && held.st_ino == current.st_ino
    }

    deinit {
        // Removed while still locked, so that no other run takes a lock on it in between.
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
