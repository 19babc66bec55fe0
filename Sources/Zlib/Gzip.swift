import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gzip through the system's zlib, on arrays: the one place kotoba's Swift touches zlib's C
/// interface (its streams and buffers are pointers). Failures come back as a `Gzip.Failure`
/// for the caller to word with the file's name.
public enum Gzip {
    /// What went wrong in zlib.
    public enum Failure: Error, Equatable, Sendable {
        /// zlib could not start a stream.
        case cannotStart
        /// Compression ended with this zlib status.
        case status(Int32)
        /// A read failed in the C library, with this `errno`.
        case system(Int32)
        /// The stream is no readable gzip (damaged or cut), with zlib's message.
        case damaged(String)
    }

    /// `bytes` as one gzip member at level 6 (no name, time 0: the same bytes give the same file).
    public static func compress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: the largest window, with a gzip header and trailer.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw .cannotStart }
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
        guard status == Z_STREAM_END else { throw .status(status) }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// A file read through zlib's `gzread`: decompressed if it is gzip, as it is otherwise.
    public final class Reader {
        private let file: gzFile

        /// Reads from `descriptor`, which the reader then owns (and closes); `nil` if zlib cannot
        /// start (the descriptor is closed then too).
        public init?(descriptor: Int32) {
            guard let file = gzdopen(descriptor, "rb") else {
                close(descriptor)
                return nil
            }
            gzbuffer(file, 1 << 18)
            self.file = file
        }

        deinit { gzclose(file) }

        /// Reads into `buffer[offset...]` (which must not be empty): the number of bytes read,
        /// 0 at the end.
        public func read(into buffer: inout [UInt8], from offset: Int) throws(Failure) -> Int {
            precondition(offset >= 0 && offset < buffer.count, "no room to read into")
            let read = buffer.withUnsafeMutableBufferPointer { all in
                gzread(file, all.baseAddress! + offset, UInt32(min(all.count - offset, Int(Int32.max))))
            }
            guard read >= 0 else {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
                if code == Z_ERRNO { throw .system(errno) }
                throw .damaged(message)
            }
            return Int(read)
        }
    }
}
