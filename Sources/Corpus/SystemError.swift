import Foundation
import Synchronization

/// Short, lowercase reasons for failed file operations (`permission denied`, `is a directory`),
/// without Foundation's long prose, for messages of the form `PATH: reason`.
public enum SystemError {
    /// `strerror` is not thread safe in glibc (it may share a buffer); workers read files
    /// concurrently, so calls go through this lock.
    private static let lock = Mutex<Void>(())

    /// The C library's message for `code`, lowercased.
    public static func message(errno code: Int32) -> String {
        lock.withLock { _ in String(cString: strerror(code)).lowercased() }
    }

    /// The reason for `error`: the POSIX message underneath a Foundation error where there is one.
    public static func reason(for error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return message(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return message(errno: Int32(underlying.code))
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file or directory"
            case .fileWriteOutOfSpace: return "no space left on device"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            default: break
            }
        }
        if let corpus = error as? CorpusError { return corpus.reason }
        // Never Foundation's dump of the error's domain, code and user info.
        return nsError.localizedFailureReason ?? nsError.localizedDescription
    }
}
