import Corpus
import Foundation
import Zlib

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
        do {
            return try Gzip.compress(bytes)
        } catch .status(let status) {
            throw .internal("zlib cannot compress a partial (status \(status))")
        } catch {
            throw .internal("zlib cannot start compressing")
        }
    }

    /// A file read through zlib: decompressed if it is gzip, as it is otherwise.
    final class Reader {
        private let reader: Gzip.Reader
        let name: String

        /// Opens `path`; `name` is what messages call it.
        init(path: String, name: String) throws(PipelineError) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .inputs([errno == ENOENT ? .missing(path: name) : .unreadable(path: name, reason: SystemError.message(errno: errno))])
            }
            guard let reader = Gzip.Reader(descriptor: descriptor) else {
                throw .inputs([.unreadable(path: name, reason: "cannot start reading")])
            }
            self.reader = reader
            self.name = name
        }

        /// Reads into `buffer[offset...]`; 0 at the end. A damaged or cut gzip stream is an
        /// error naming the file.
        func read(into buffer: inout [UInt8], from offset: Int) throws(PipelineError) -> Int {
            do {
                return try reader.read(into: &buffer, from: offset)
            } catch .system(let code) {
                throw .inputs([.unreadable(path: name, reason: SystemError.message(errno: code))])
            } catch .damaged(let message) {
                throw .damagedPartial(path: name, reason: "not a readable gzip stream: \(message)")
            } catch {
                throw .damagedPartial(path: name, reason: "not a readable gzip stream: \(error)")
            }
        }
    }
}
