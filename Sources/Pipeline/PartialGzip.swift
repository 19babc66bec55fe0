import CZlib
import Corpus
import Foundation

/// Gzip for partial-counts files, through the system's zlib: a partial whose name ends in `.gz`
/// is written compressed, and every partial is read through zlib's `gzread`, which reads
/// compressed and plain files alike, so `.gz` partials (and `gzip -c` streams on standard input)
/// merge as they are. zlib rather than a Swift package (compress-nio): it is one C library that
/// every Debian has, where the package would bring swift-nio's build with it for the same zlib.
enum PartialGzip {
    /// Whether `path` names a file to write compressed.
    static func compresses(_ path: String) -> Bool { path.hasSuffix(".gz") }

    /// `bytes` as one gzip member (no name, time 0: the same bytes give the same file).
    static func compress(_ bytes: [UInt8]) throws(PipelineError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: the largest window, with a gzip header and trailer.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw .internal("zlib cannot start compressing") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .internal("zlib cannot compress a partial (status \(status))") }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// A file read through zlib: decompressed if it is gzip, as it is otherwise.
    final class Reader {
        private let file: gzFile
        let name: String

        /// Opens `path`; `name` is what messages call it.
        init(path: String, name: String) throws(PipelineError) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .inputs([errno == ENOENT ? .missing(path: name) : .unreadable(path: name, reason: SystemError.message(errno: errno))])
            }
            guard let file = gzdopen(descriptor, "rb") else {
                close(descriptor)
                throw .inputs([.unreadable(path: name, reason: "cannot start reading")])
            }
            gzbuffer(file, 1 << 18)
            self.file = file
            self.name = name
        }

        deinit { gzclose(file) }

        /// Reads up to `count` bytes into `buffer`; 0 at the end. A damaged or cut gzip stream is
        /// an error naming the file.
        func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(PipelineError) -> Int {
            let read = gzread(file, buffer, UInt32(min(count, Int(Int32.max))))
            guard read >= 0 else {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
                if code == Z_ERRNO { throw .inputs([.unreadable(path: name, reason: SystemError.message(errno: errno))]) }
                throw .damagedPartial(path: name, reason: "not a readable gzip stream: \(message)")
            }
            return Int(read)
        }
    }
}
