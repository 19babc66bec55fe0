import Analysis
import Corpus
import Foundation
import Synchronization

/// The incremental cache: the analyses of every input, kept under a key of the input's content
/// (SHA-256 of its bytes), its format, and the hash of everything that decides an analysis
/// (`AnalysisIdentity`: tool, MeCab and dictionary, normalization, reading settings, themes).
///
/// A re-run finds unchanged inputs here and skips reading, normalizing and tokenizing them; their
/// analyses are counted again, which takes a fraction of the time. A changed setting changes the
/// identity, so every entry made under the old one is simply not found (and can be pruned). A
/// document's path and variables are not part of an entry: they come from the current run, so a
/// renamed or re-tagged file is still found (a table row's own columns are kept: they are part
/// of the bytes).
///
/// Layout: `DIR/v2/<identity>/<uuid>.pack`, segments of binary records (`PackSegment`,
/// `AnalysisRecord`). Opening the cache reads the index of every segment of the run's identity;
/// the workers look entries up through it side by side, and each stores what it analyzes into
/// a segment of its own (`Writer`), which joins the index when the worker finishes. A hit
/// touches its segment once per run, so `prune(olderThan:)` removes segments no run has used
/// lately. A damaged record or segment is never used and never an error: a segment whose index
/// does not check out is removed when the cache is opened (`removedSegments`, for one warning),
/// and a damaged record is told apart from a missing one (`Lookup.damaged`), so the run can say
/// so; the input is analyzed again and its new record, in a newer segment, is found first from
/// then on.
final class AnalysisCache: Sendable {
    let directory: URL
    let identity: String
    /// The number of themes of the run, which every sentence's theme counts are sized to.
    let themeCount: Int
    /// `DIR/v2/<identity>`: the run's segments.
    let folder: URL
    /// Segments of the run's identity that did not check out when the cache was opened, and
    /// were removed: a damaged segment is never read, and a run warns about them once.
    let removedSegments: [String]

    /// A segment that was being written when its run ended without finishing it is removed by
    /// the next run (or `prune`) once it has not been written to for this long.
    static let staleTemporaryAge: TimeInterval = 86_400

    /// Segments kept open for the run, the most recently used first; any further ones are
    /// opened for each read, so that a cache no one prunes does not run a run out of file
    /// descriptors.
    static let openSegmentLimit = 128

    private let identityKey: CacheKey
    private let index = Mutex(Index())
    /// Whether a failure to write has been reported in this run: one warning says it all.
    private let failureReported = Atomic<Bool>(false)

    /// Every record of the open segments, by key. A key stored twice (by two runs, or two
    /// workers of one) has a chain of locations, tried in turn if one does not check out.
    private struct Index {
        struct Slot {
            var segment: PackSegment
            var location: PackSegment.Location
            /// The next slot with the same key, or -1.
            var next: Int
        }

        var first: [CacheKey: Int] = [:]
        var slots: [Slot] = []

        mutating func add(_ segment: PackSegment, _ entries: [PackSegment.IndexEntry]) {
            for entry in entries {
                slots.append(Slot(segment: segment, location: entry.location, next: first[entry.key] ?? -1))
                first[entry.key] = slots.count - 1
            }
        }
    }

    /// Opens the cache under `directory` for `identity`: reads the index of each complete
    /// segment, and removes segments left unfinished more than `staleTemporaryAge` ago.
    init(directory: URL, identity: String, themeCount: Int, now: Date = Date()) {
        self.directory = directory
        self.identity = identity
        self.themeCount = themeCount
        folder = directory.appendingPathComponent("v2/\(identity)")
        identityKey = CacheKey(digestOf: identity)
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        var segments: [(path: String, modified: Date)] = []
        for name in names {
            let path = folder.appendingPathComponent(name).path
            guard let modified = Self.modificationDate(path) else { continue }
            if name.hasSuffix("." + PackSegment.fileExtension) {
                segments.append((path, modified))
            } else if name.hasSuffix(".tmp"), now.timeIntervalSince(modified) > Self.staleTemporaryAge {
                try? fileManager.removeItem(atPath: path)
            }
        }
        segments.sort { ($0.modified, $0.path) > ($1.modified, $1.path) }
        var opened: [(PackSegment, [PackSegment.IndexEntry])] = []
        var removed: [String] = []
        for (rank, segment) in segments.enumerated() {
            let keepingOpen = rank < Self.openSegmentLimit
            if let segment = PackSegment.open(path: segment.path, identity: identityKey, keepingOpen: keepingOpen) {
                opened.append(segment)
            } else if fileManager.fileExists(atPath: segment.path) {
                // Only whole segments are renamed into place, so one that does not check out
                // is damaged, not being written: it would be read and refused on every run.
                if unlink(segment.path) == 0 { removed.append(segment.path) }
            }
        }
        removedSegments = removed
        index.withLock { index in
            // Oldest first, so that each key's chain starts at its newest record: an entry
            // analyzed again after its record was found damaged is found before that record.
            for (segment, entries) in opened.reversed() { index.add(segment, entries) }
        }
    }

    /// The default cache directory: `$XDG_CACHE_HOME/kotoba`, else `~/.cache/kotoba`.
    static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return cache + "/kotoba" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.cache/kotoba"
    }

    /// A cached input: its encoding and its documents' analyses.
    struct Entry: Equatable {
        var encoding: TextEncoding
        var analyses: [DocumentAnalysis]
        /// 0 when `analyses` are all the input's; else the input was analyzed in this many
        /// chunks (a table's rows, spread over the workers: `InputJob`), each kept as a record of
        /// its own under `CacheKey.chunk(_:)`, and `analyses` is empty.
        var chunks = 0
    }

    /// The entry for an input with these bytes and format, if there is one that checks out.
    func load(sha256: String, format: TextFormat) -> Entry? {
        load(key: CacheKey(sha256: sha256, format: format))
    }

    /// What looking an input up found: its entry, nothing, or only records that do not check
    /// out (damaged on disk or edited), which the run analyzes again with a warning.
    enum Lookup: Equatable {
        case hit(Entry)
        case absent
        case damaged
    }

    /// The entry under these bytes and format without its chunks (`lookup(sha256:format:)`).
    func head(sha256: String, format: TextFormat) -> Entry? {
        if case .hit(let entry) = lookup(sha256: sha256, format: format) { return entry }
        return nil
    }

    /// The entry under these bytes and format without its chunks: an entry in chunks
    /// (`Entry.chunks` > 0) comes back only if the index lists a record for every chunk, which
    /// the run's workers then read and count one by one (`chunk(_:sha256:format:)`), as they
    /// analyze a large input's chunks side by side.
    func lookup(sha256: String, format: TextFormat) -> Lookup {
        let key = CacheKey(sha256: sha256, format: format)
        let found = record(key: key)
        guard let entry = found.entry else { return found.damaged ? .damaged : .absent }
        guard entry.chunks > 0 else { return .hit(entry) }
        let listed = index.withLock { index in (0..<entry.chunks).allSatisfy { index.first[key.chunk($0)] != nil } }
        return listed ? .hit(entry) : .absent
    }

    /// What looking an input up for counting found (`lookup(sha256:format:into:terms:)`): its
    /// record, decoded into the worker's batch, with its encoding and chunks; nothing; or only
    /// records that do not check out.
    enum Found: Equatable {
        case hit(encoding: TextEncoding, chunks: Int)
        case absent
        case damaged
    }

    /// As `lookup(sha256:format:)`, but the record is decoded into `batch` for counting, its
    /// terms numbered in `terms` (the worker's).
    func lookup(sha256: String, format: TextFormat, into batch: inout RecordBatch, terms: inout CachedTerms) -> Found {
        let key = CacheKey(sha256: sha256, format: format)
        let found = record(key: key) { bytes in
            AnalysisRecord.decode(bytes, key: key, themeCount: themeCount, into: &batch, terms: &terms)
        }
        guard found.decoded else { return found.damaged ? .damaged : .absent }
        guard batch.chunks > 0 else { return .hit(encoding: batch.encoding, chunks: 0) }
        let listed = index.withLock { index in (0..<batch.chunks).allSatisfy { index.first[key.chunk($0)] != nil } }
        return listed ? .hit(encoding: batch.encoding, chunks: batch.chunks) : .absent
    }

    /// As `chunk(_:sha256:format:)`, but decoded into `batch` for counting; false if the
    /// chunk's record does not check out.
    func chunk(_ number: Int, sha256: String, format: TextFormat, into batch: inout RecordBatch, terms: inout CachedTerms)
        -> Bool
    {
        let key = CacheKey(sha256: sha256, format: format).chunk(number)
        let found = record(key: key) { bytes in
            AnalysisRecord.decode(bytes, key: key, themeCount: themeCount, into: &batch, terms: &terms) && batch.chunks == 0
        }
        if !found.decoded { batch.removeAll() }
        return found.decoded
    }

    /// Chunk `number` of the entry under these bytes and format, if its record checks out.
    func chunk(_ number: Int, sha256: String, format: TextFormat) -> Entry? {
        guard let entry = record(key: CacheKey(sha256: sha256, format: format).chunk(number)).entry, entry.chunks == 0 else {
            return nil
        }
        return entry
    }

    /// The entry under `key`, if there is one that checks out, with its chunks' analyses, if it
    /// has any, in order: all of them or a miss.
    private func load(key: CacheKey) -> Entry? {
        guard var entry = record(key: key).entry else { return nil }
        guard entry.chunks > 0 else { return entry }
        for number in 0..<entry.chunks {
            guard let chunk = record(key: key.chunk(number)).entry, chunk.chunks == 0 else { return nil }
            entry.analyses += chunk.analyses
        }
        entry.chunks = 0
        return entry
    }

    /// The first record under `key` that checks out, as stored (an entry in chunks without
    /// them); `damaged` when the index lists records under `key` and none checks out.
    private func record(key: CacheKey) -> (entry: Entry?, damaged: Bool) {
        var entry: Entry?
        let found = record(key: key) { bytes in
            entry = AnalysisRecord.decode(bytes, key: key, themeCount: themeCount)
            return entry != nil
        }
        return (entry, found.damaged)
    }

    /// Tries the records under `key` in turn, newest first, until `decode` takes one; `damaged`
    /// when the index lists records under `key` and `decode` took none.
    private func record(key: CacheKey, decode: ([UInt8]) -> Bool) -> (decoded: Bool, damaged: Bool) {
        var next = index.withLock { $0.first[key] ?? -1 }
        let listed = next >= 0
        while next >= 0 {
            let slot = index.withLock { $0.slots[next] }
            if let bytes = slot.segment.record(at: slot.location), decode(bytes) {
                slot.segment.markUsed()
                return (true, false)
            }
            next = slot.next
        }
        return (false, listed)
    }

    /// A writer for one worker: made by the worker, used by it alone, and finished by it.
    func writer() -> Writer {
        Writer(cache: self)
    }

    /// Adds the segment a writer finished to the index, so that later passes of the run find
    /// its records.
    func addSegment(path: String) {
        guard let (segment, entries) = PackSegment.open(path: path, identity: identityKey) else { return }
        index.withLock { $0.add(segment, entries) }
    }

    /// The header every segment of this cache's identity starts with.
    var segmentHeader: [UInt8] { PackSegment.header(identity: identityKey) }

    /// `reason` the first time a write fails in the run, nil after: the caller logs what it is
    /// given, and one warning is enough.
    func reportingOnce(_ reason: String) -> String? {
        failureReported.exchange(true, ordering: .relaxed) ? nil : reason
    }

    /// Removes segments not used for `age` seconds (entries of the older one-file-per-input
    /// layout too), unfinished segments not written to for `age` or `staleTemporaryAge`
    /// seconds, whichever is shorter, and the folders this empties; returns how many entries
    /// went.
    static func prune(directory: URL, olderThan age: TimeInterval, now: Date = Date()) -> Int {
        let fileManager = FileManager.default
        guard let walker = fileManager.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])
        else { return 0 }
        var removed = 0
        var folders: [URL] = []
        for case let url as URL in walker {
            let kind = url.pathExtension
            if kind != PackSegment.fileExtension && kind != "analysis" && kind != "tmp" {
                if ["v1", "v2"].contains(url.deletingLastPathComponent().lastPathComponent) { folders.append(url) }
                continue
            }
            guard let modified = modificationDate(url.path) else { continue }
            let limit = kind == "tmp" ? min(age, staleTemporaryAge) : age
            guard now.timeIntervalSince(modified) > limit else { continue }
            let entries = kind == PackSegment.fileExtension ? PackSegment.recordCount(path: url.path) : kind == "analysis" ? 1 : 0
            if (try? fileManager.removeItem(at: url)) != nil { removed += entries }
        }
        // Identity folders (and the old layout's two-digit ones below them) left empty.
        for folder in folders {
            for sub in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                _ = rmdir(folder.appendingPathComponent(sub).path)
            }
            _ = rmdir(folder.path)
        }
        return removed
    }

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
