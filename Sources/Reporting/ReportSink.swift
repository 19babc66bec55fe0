import Bytes
import Corpus
import Foundation

/// Where a report file's bytes go as it renders: a staged file, written through a buffer that is
/// flushed every `bufferSize` bytes, or memory. It counts the bytes and hashes them on the way,
/// so the manifest's size and SHA-256 need no second read of the file.
///
/// A sink belongs to the one worker that renders its file; it is not `Sendable`.
public final class ReportSink {
    /// Bytes gathered before they are written to the file.
    static let bufferSize = 512 * 1024

    private enum Destination {
        case file(descriptor: Int32)
        case memory
    }

    private let destination: Destination
    private var isOpen = true
    private var buffer: [UInt8] = []
    private var hash = ContentHash.Incremental()
    /// The path errors name.
    let displayPath: String
    /// Bytes written so far.
    public private(set) var byteCount = 0
    /// Workers of the publisher free to make pieces of this file's rows (`RowPieces`), if any.
    var spareWorkers: SpareWorkers?

    /// A sink that creates (or truncates) the file at `url`; errors name `displayPath`.
    init(file url: URL, displayPath: String) throws(ReportError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .writeFailed(path: displayPath, reason: SystemError.message(errno: errno))
        }
        self.destination = .file(descriptor: descriptor)
        self.displayPath = displayPath
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// A sink that keeps the bytes in memory, for `data()`.
    init(displayPath: String) {
        self.destination = .memory
        self.displayPath = displayPath
    }

    deinit {
        if case .file(let descriptor) = destination, isOpen { Foundation.close(descriptor) }
    }

    /// Appends `bytes`. A file sink writes a large piece (a chunk of a table) out at once rather
    /// than copy it into its buffer first.
    public func write(_ bytes: [UInt8]) throws(ReportError) {
        if case .file(let descriptor) = destination, bytes.count >= Self.bufferSize / 4 {
            try flush()
            byteCount += bytes.count
            try write(bytes, to: descriptor)
            return
        }
        buffer.append(contentsOf: bytes)
        try appended(bytes.count)
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(ReportError) {
        buffer.append(contentsOf: text.utf8)
        try appended(text.utf8.count)
    }

    /// Appends `data`.
    public func write(_ data: Data) throws(ReportError) {
        buffer.append(contentsOf: data)
        try appended(data.count)
    }

    /// Counts `count` bytes just buffered, and writes the buffer out once it is full.
    private func appended(_ count: Int) throws(ReportError) {
        byteCount += count
        if case .file = destination, buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is buffered and closes the file.
    /// - Returns: the size and SHA-256 (lowercase hex) of everything written.
    func finish() throws(ReportError) -> (bytes: Int, sha256: String) {
        switch destination {
        case .file(let descriptor):
            try flush()
            isOpen = false
            guard Foundation.close(descriptor) == 0 else {
                throw .writeFailed(path: displayPath, reason: SystemError.message(errno: errno))
            }
        case .memory:
            hash.update(buffer)
        }
        return (byteCount, hash.finalize())
    }

    /// The bytes of a memory sink (a file sink's are in its file).
    func data() -> Data {
        Data(buffer)
    }

    private func flush() throws(ReportError) {
        guard case .file(let descriptor) = destination, !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try write(buffer, to: descriptor)
    }

    /// Hashes `bytes` and writes them to the file.
    private func write(_ bytes: [UInt8], to descriptor: Int32) throws(ReportError) {
        hash.update(bytes)
        if let failure = ByteFile.write(descriptor, bytes) {
            throw .writeFailed(path: displayPath, reason: SystemError.message(errno: failure.code))
        }
    }
}
