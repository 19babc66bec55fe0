import Analysis
import Bytes
import Corpus
import Foundation

extension AnalysisCache {
    /// One worker's access to the cache in a run: it looks entries up in the shared index, and
    /// appends what the worker analyzes to a segment file of its own (`<uuid>.pack.tmp`, made at
    /// the first store), which `finish()` completes with its index and renames to `<uuid>.pack`.
    ///
    /// Not `Sendable`: each worker makes one, uses it alone and finishes it, so no lock is held
    /// while a record is encoded or written. Records are gathered in memory and written a
    /// megabyte at a time. A failure to write (a full disk, a read-only folder) ends the
    /// writer's storing, removes its file and is reported once per run; the run goes on.
    final class Writer {
        private let cache: AnalysisCache
        private var encoder = AnalysisRecord.Encoder()
        /// The segment being written: its descriptor and path, once a record was stored.
        private var file: (descriptor: Int32, path: String)?
        /// Bytes already in the file; `encoder.bytes` follow them.
        private var written = 0
        private var index: [PackSegment.IndexEntry] = []
        private var failed = false

        /// Records wait in memory until there is this much of them.
        static let writeSize = 1 << 20

        init(cache: AnalysisCache) {
            self.cache = cache
        }

        deinit {
            // Unfinished: nobody will complete the segment.
            abandon()
        }

        /// The entry for an input with these bytes and format, if there is one that checks out.
        func load(sha256: String, format: TextFormat) -> Entry? {
            cache.load(sha256: sha256, format: format)
        }

        /// The entry without its chunks, or why there is none (`AnalysisCache.lookup(sha256:format:)`).
        func lookup(sha256: String, format: TextFormat) -> Lookup {
            cache.lookup(sha256: sha256, format: format)
        }

        /// The entry decoded for counting, or why there is none
        /// (`AnalysisCache.lookup(sha256:format:into:terms:)`).
        func lookup(sha256: String, format: TextFormat, into batch: inout RecordBatch, terms: inout CachedTerms) -> Found {
            cache.lookup(sha256: sha256, format: format, into: &batch, terms: &terms)
        }

        /// One chunk of an entry in chunks, decoded for counting
        /// (`AnalysisCache.chunk(_:sha256:format:into:terms:)`).
        func chunk(
            _ number: Int, sha256: String, format: TextFormat, into batch: inout RecordBatch, terms: inout CachedTerms
        ) -> Bool {
            cache.chunk(number, sha256: sha256, format: format, into: &batch, terms: &terms)
        }

        /// One chunk of an entry in chunks (`AnalysisCache.chunk(_:sha256:format:)`).
        func chunk(_ number: Int, sha256: String, format: TextFormat) -> Entry? {
            cache.chunk(number, sha256: sha256, format: format)
        }

        /// Adds `entry` to the worker's segment. A failure is no error (the cache is an
        /// optimization): it comes back as a reason for the log the first time in the run, and
        /// later stores of this writer do nothing.
        func store(_ entry: Entry, sha256: String, format: TextFormat) -> String? {
            let key = CacheKey(sha256: sha256, format: format)
            return store(key: key) { $0.append(entry, key: key, themeCount: cache.themeCount) }
        }

        /// Adds chunk `number` of an input analyzed in chunks (`Entry.chunks`): its analyses,
        /// stored as soon as they are made, so that a large table's analyses are not all held
        /// until its last chunk is done. The input's own entry, stored last, says how many.
        func storeChunk(_ number: Int, _ entry: Entry, sha256: String, format: TextFormat) -> String? {
            let key = CacheKey(sha256: sha256, format: format).chunk(number)
            return store(key: key) { $0.append(entry, key: key, themeCount: cache.themeCount) }
        }

        /// Adds the analyses in `documents` (their entries' terms in `terms`) as the entry of an
        /// input with these bytes and format, read in `encoding`, or as its chunk `chunk` (see
        /// `storeChunk`); a failure as `store(_:sha256:format:)`'s. The documents are encoded
        /// where they lie: no analysis is made of them.
        func store<Terms: BatchTerms>(
            _ documents: DocumentBatch, terms: Terms, encoding: TextEncoding, sha256: String, format: TextFormat,
            chunk: Int?
        ) -> String? {
            var key = CacheKey(sha256: sha256, format: format)
            if let chunk { key = key.chunk(chunk) }
            return store(key: key) {
                $0.append(
                    encoding: encoding, chunks: 0, documents: documents, terms: terms, key: key, themeCount: cache.themeCount)
            }
        }

        /// Appends the record `encode` writes (returning where it starts) under `key`.
        private func store(key: CacheKey, _ encode: (inout AnalysisRecord.Encoder) -> Int) -> String? {
            guard !failed else { return nil }
            if file == nil, let reason = create() { return fail(reason) }
            let start = encode(&encoder)
            let checksum = RecordChecksum.of(encoder.bytes, start...)
            index.append(
                PackSegment.IndexEntry(
                    key: key,
                    location: PackSegment.Location(
                        offset: written + start, length: encoder.bytes.count - start, checksum: checksum)))
            if encoder.bytes.count >= Self.writeSize, let reason = writePending() { return fail(reason) }
            return nil
        }

        /// Writes the index, renames the segment into place and adds it to the cache's index.
        /// Returns a reason for the log if that failed (the first failure of the run only).
        func finish() -> String? {
            guard !failed, let file else { return nil }
            PackSegment.appendFooter(index, indexOffset: written + encoder.bytes.count, to: &encoder.bytes)
            if let reason = writePending() { return fail(reason) }
            close(file.descriptor)
            self.file = nil
            let path = String(file.path.dropLast(".tmp".count))
            do throws(AtomicFile.Failure) {
                try AtomicFile.commit(file.path, to: path)
            } catch {
                failed = true
                return cache.reportingOnce(error.reason)
            }
            cache.addSegment(path: path)
            index = []
            return nil
        }

        /// Makes the folder and the segment file, and starts it with its header.
        private func create() -> String? {
            if let failure = Self.makeFolder(cache.folder.path) { return SystemError.message(errno: failure) }
            let path = cache.folder.appendingPathComponent("\(UUID().uuidString).\(PackSegment.fileExtension).tmp").path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return SystemError.message(errno: errno) }
            file = (descriptor, path)
            encoder.bytes.append(contentsOf: cache.segmentHeader)
            return nil
        }

        /// Makes `path` and the folders above it that are missing; returns the errno of a
        /// failure (Foundation's error for it reads as a paragraph of NSError).
        private static func makeFolder(_ path: String) -> Int32? {
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return nil }
            guard errno == ENOENT else { return errno }
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { return ENOENT }
            if let failure = makeFolder(parent) { return failure }
            return mkdir(path, 0o755) == 0 || errno == EEXIST ? nil : errno
        }

        /// Writes the records waiting in memory to the file.
        private func writePending() -> String? {
            guard let file else { return nil }
            if let failure = ByteFile.write(file.descriptor, encoder.bytes) { return SystemError.message(errno: failure.code) }
            written += encoder.bytes.count
            // A big input's record (a table of many rows) is not worth keeping the room for.
            encoder.bytes.removeAll(keepingCapacity: encoder.bytes.count <= 4 * Self.writeSize)
            return nil
        }

        private func fail(_ reason: String) -> String? {
            abandon()
            failed = true
            return cache.reportingOnce(reason)
        }

        /// Closes and removes the unfinished segment, if any.
        private func abandon() {
            guard let file else { return }
            close(file.descriptor)
            unlink(file.path)
            self.file = nil
            encoder.bytes = []
            index = []
        }
    }
}
