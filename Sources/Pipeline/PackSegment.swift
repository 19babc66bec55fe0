import Bytes
import Foundation
import Synchronization

/// One finished segment of the cache (`DIR/v2/<identity>/<uuid>.pack`), open for the run: many
/// records in one file, with an index at the end.
///
/// A worker appends its records to a segment of its own (`AnalysisCache.Writer`) and writes the
/// index when the run ends, then renames the file into place, so readers only ever see whole
/// segments and concurrent runs never write to the same file. Creating one file per worker
/// instead of one per input is what makes a cold run with the cache cost little more than one
/// without (creating inodes was a quarter of such a run).
///
/// Layout (every integer a little-endian u64):
///
///     "KTBPACK1"   8 bytes
///     identity     33 bytes: the digest of the identity the records were made under (`CacheKey`)
///     records      one after another, as `AnalysisRecord` lays them out
///     index        per record: key (33 bytes), offset, length, checksum (`RecordChecksum`)
///     trailer      index offset, record count, checksum of the index and of these two
///                  words, "KTBPEND1"
///
/// Opening reads the trailer and the index and checks them; reading a record checks its length
/// and checksum. A segment or record that does not check out is not used: a miss, never an
/// error, and never a wrong count.
final class PackSegment: Sendable {
    /// Where a record is in its segment, and its checksum.
    struct Location: Sendable {
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    struct IndexEntry: Sendable {
        var key: CacheKey
        var location: Location
    }

    static let headerMagic = Array("KTBPACK1".utf8)
    static let trailerMagic = Array("KTBPEND1".utf8)
    static let headerSize = 8 + CacheKey.size
    static let indexEntrySize = CacheKey.size + 3 * 8
    static let trailerSize = 4 * 8
    static let fileExtension = "pack"

    let path: String
    /// The file, open for the run; nil for a segment opened for each read (see `open`).
    private let descriptor: Int32?
    /// Whether a hit has touched the file in this run.
    private let used = Atomic<Bool>(false)

    private init(path: String, descriptor: Int32?) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// The segment at `path` and its index, if it is a complete segment made under `identity`.
    /// With `keepingOpen`, the file stays open for the run; else it is opened for each record
    /// read, so that a cache of many segments does not hold a descriptor for each.
    static func open(path: String, identity: CacheKey, keepingOpen: Bool = true) -> (PackSegment, [IndexEntry])? {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        let index = fstat(descriptor, &info) == 0 ? index(descriptor, size: Int(info.st_size), identity: identity) : nil
        guard let index, keepingOpen else {
            close(descriptor)
            return index.map { (PackSegment(path: path, descriptor: nil), $0) }
        }
        return (PackSegment(path: path, descriptor: descriptor), index)
    }

    /// The records' checked index.
    private static func index(_ descriptor: Int32, size: Int, identity: CacheKey) -> [IndexEntry]? {
        let read = { (count: Int, offset: Int) in Self.read(descriptor, count: count, at: offset) }
        guard size >= Self.headerSize + Self.trailerSize,
            let header = read(Self.headerSize, 0),
            let trailer = read(Self.trailerSize, size - Self.trailerSize),
            let (indexOffset, count, checksum) = try? Self.parse(header: header, trailer: trailer, identity: identity)
        else { return nil }
        let indexEnd = size - Self.trailerSize
        guard indexOffset >= UInt64(Self.headerSize), indexOffset <= UInt64(indexEnd),
            (UInt64(indexEnd) - indexOffset) % UInt64(Self.indexEntrySize) == 0,
            count == (UInt64(indexEnd) - indexOffset) / UInt64(Self.indexEntrySize),
            // The index and the trailer's first two words, read together.
            var bytes = read(indexEnd - Int(indexOffset) + 16, Int(indexOffset)),
            RecordChecksum.of(bytes) == checksum
        else { return nil }
        bytes.removeLast(16)
        return try? { () throws(RecordError) -> [IndexEntry] in
            var reader = RecordReader(bytes)
            var entries: [IndexEntry] = []
            entries.reserveCapacity(Int(count))
            for _ in 0..<Int(count) {
                let key = try CacheKey(reading: &reader)
                let offset = try reader.fixed64()
                let length = try reader.fixed64()
                let checksum = try reader.fixed64()
                guard offset >= UInt64(Self.headerSize), length > 0, offset <= indexOffset, length <= indexOffset - offset
                else { throw RecordError() }
                entries.append(
                    IndexEntry(key: key, location: Location(offset: Int(offset), length: Int(length), checksum: checksum)))
            }
            return entries
        }()
    }

    /// The trailer's index offset, record count and checksum, if the header is one of
    /// `identity` and the trailer ends as trailers do.
    private static func parse(header: [UInt8], trailer: [UInt8], identity: CacheKey) throws -> (UInt64, UInt64, UInt64) {
        var reader = RecordReader(header)
        guard try header[reader.bytes(count: 8)].elementsEqual(headerMagic), try CacheKey(reading: &reader) == identity else {
            throw RecordError()
        }
        reader = RecordReader(trailer)
        let words = (try reader.fixed64(), try reader.fixed64(), try reader.fixed64())
        guard try trailer[reader.bytes(count: 8)].elementsEqual(trailerMagic) else { throw RecordError() }
        return words
    }

    /// The bytes of the record at `location`, if they are all there and match their checksum.
    func record(at location: Location) -> [UInt8]? {
        let bytes: [UInt8]?
        if let descriptor {
            bytes = Self.read(descriptor, count: location.length, at: location.offset)
        } else {
            let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            bytes = Self.read(descriptor, count: location.length, at: location.offset)
            close(descriptor)
        }
        guard let bytes,
            RecordChecksum.of(bytes) == location.checksum
        else { return nil }
        return bytes
    }

    /// Marks the segment used, so that pruning keeps it: its modification time is set to now,
    /// once per run.
    func markUsed() {
        guard !used.exchange(true, ordering: .relaxed) else { return }
        if let descriptor {
            _ = futimens(descriptor, nil)
        } else {
            _ = utimensat(AT_FDCWD, path, nil, 0)
        }
    }

    /// Exactly `count` bytes at `offset`, or nil (a short file, a read error).
    private static func read(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8]? {
        ByteFile.read(descriptor, count: count, at: offset)
    }

    // MARK: Writing

    /// The first bytes of a segment of `identity`.
    static func header(identity: CacheKey) -> [UInt8] {
        var bytes = headerMagic
        identity.append(to: &bytes)
        return bytes
    }

    /// Appends the index of `entries` and the trailer to `bytes`, the index starting at
    /// `indexOffset` in the file.
    static func appendFooter(_ entries: [IndexEntry], indexOffset: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        for entry in entries {
            entry.key.append(to: &bytes)
            bytes.appendFixed64(UInt64(entry.location.offset))
            bytes.appendFixed64(UInt64(entry.location.length))
            bytes.appendFixed64(entry.location.checksum)
        }
        bytes.appendFixed64(UInt64(indexOffset))
        bytes.appendFixed64(UInt64(entries.count))
        let checksum = RecordChecksum.of(bytes, start...)
        bytes.appendFixed64(checksum)
        bytes.append(contentsOf: trailerMagic)
    }

    /// The number of records a segment file says it holds (for `prune`'s count), without
    /// checking the rest.
    static func recordCount(path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= UInt64(trailerSize) else { return 0 }
        try? handle.seek(toOffset: size - UInt64(trailerSize))
        guard let trailer = try? handle.read(upToCount: trailerSize), trailer.count == trailerSize,
            Array(trailer.suffix(8)) == trailerMagic
        else { return 0 }
        let count = trailer.dropFirst(8).prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(min(count, UInt64(size) / UInt64(indexEntrySize)))
    }
}
