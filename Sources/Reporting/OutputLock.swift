import Corpus
import Foundation

/// A lock on an output directory, so that two runs never write it at once: `.NAME.lock` beside
/// it, held with `flock(2)` for as long as the lock value lives. The kernel releases it when the
/// process ends, however it ends, so a killed run never leaves a stale lock.
public final class OutputLock: Sendable {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    /// Takes the lock on `output`, or fails at once if another run holds it.
    /// - Throws: `ReportError.locked` when another run holds it; `.cannotCreate` when the lock
    ///   file cannot be made.
    public init(output: URL) throws(ReportError) {
        let parent = output.deletingLastPathComponent()
        path = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: parent.path, reason: SystemError.reason(for: error))
        }
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: SystemError.message(errno: errno)) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw .locked(path: output.path) }
            throw .cannotCreate(path: path, reason: SystemError.message(errno: code))
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
