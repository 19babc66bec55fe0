#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes to and from file descriptors, and files named by raw bytes: the C library's `read(2)`,
/// `pread(2)`, `write(2)`, `open(2)`, `stat(2)` and `readdir(3)`, which take pointers, behind
/// calls that take and return arrays. Failures come back as the `errno` of the call, for the
/// caller to word with the file's name (`SystemError.message`). Interrupted calls (`EINTR`) are
/// retried.
public enum ByteFile {
    /// `open(2)` of the file named by `path`'s bytes (any bytes but NUL name a file): the
    /// descriptor, or -1 with `errno` set.
    public static func open(rawPath path: [UInt8], flags: Int32, mode: mode_t = 0) -> Int32 {
        withCString(path) { cOpen($0, flags, mode) }
    }

    /// `stat(2)` (following links) of the file named by `path`'s bytes, or `nil` with `errno` set.
    public static func status(rawPath path: [UInt8]) -> stat? {
        var info = stat()
        return withCString(path) { stat($0, &info) } == 0 ? info : nil
    }

    /// `lstat(2)` (not following a last link) of the file named by `path`'s bytes, or `nil`
    /// with `errno` set.
    public static func linkStatus(rawPath path: [UInt8]) -> stat? {
        var info = stat()
        return withCString(path) { lstat($0, &info) } == 0 ? info : nil
    }

    /// The names in the folder named by `path`'s bytes (without `.` and `..`), as bytes, in the
    /// order `readdir(3)` gives them; or the `errno` of the failure.
    public static func directoryEntries(rawPath path: [UInt8]) -> Result<[[UInt8]], Errno> {
        guard let directory = withCString(path, { opendir($0) }) else { return .failure(Errno(errno)) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(Errno(errno)) }
                return .success(names)
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in Array(bytes.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
    }

    /// Everything left to read from `descriptor`, or the `errno` of a failed read.
    public static func readAll(_ descriptor: Int32) -> Result<[UInt8], Errno> {
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        var count = 0
        while true {
            if count == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            switch read(descriptor, into: &bytes, from: count) {
            case .success(0):
                bytes.removeLast(bytes.count - count)
                return .success(bytes)
            case .success(let read): count += read
            case .failure(let error): return .failure(error)
            }
        }
    }

    /// One `read(2)` from `descriptor` into `buffer[offset...]` (which must not be empty): the
    /// number of bytes read, 0 at the end, or the `errno` of the failure.
    public static func read(_ descriptor: Int32, into buffer: inout [UInt8], from offset: Int) -> Result<Int, Errno> {
        precondition(offset >= 0 && offset < buffer.count, "no room to read into")
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { all in
                cRead(descriptor, all.baseAddress! + offset, all.count - offset)
            }
            if count >= 0 { return .success(count) }
            if errno != EINTR { return .failure(Errno(errno)) }
        }
    }

    /// Exactly `count` bytes at `offset` in `descriptor` (`pread(2)`), or `nil` for a short file
    /// or a read error.
    public static func read(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8]? {
        guard count >= 0, offset >= 0 else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            initialized = done
            complete = done == count
        }
        return complete ? bytes : nil
    }

    /// Writes all of `bytes` to `descriptor`; `nil`, or the `errno` of the failure.
    public static func write(_ descriptor: Int32, _ bytes: Span<UInt8>) -> Errno? {
        bytes.withUnsafeBufferPointer { buffer in
            var done = 0
            while done < buffer.count {
                let count = cWrite(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count < 0 {
                    if errno == EINTR { continue }
                    return Errno(errno)
                }
                done += count
            }
            return nil
        }
    }

    /// Writes all of `bytes[range]` (all of them by default) to `descriptor`; `nil`, or the
    /// `errno` of the failure.
    public static func write(_ descriptor: Int32, _ bytes: [UInt8], _ range: Range<Int>? = nil) -> Errno? {
        let range = range ?? 0..<bytes.count
        return write(descriptor, bytes.span.extracting(range))
    }

    /// An `errno` value.
    public struct Errno: Error, Equatable, Sendable {
        public var code: Int32
        public init(_ code: Int32) { self.code = code }
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    private static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

// The C functions under names that the methods above do not shadow.
@inline(__always) private func cOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
@inline(__always) private func cRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
@inline(__always) private func cWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
