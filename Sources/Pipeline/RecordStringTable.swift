import Bytes
import Foundation

/// The string table of a record being encoded (`AnalysisRecord.Encoder`): each distinct string
/// once, numbered in order of first use, kept as the bytes the record ends with.
///
/// Interning every string of a record is most of the encoder's work, so this is a hash table of
/// its own rather than a `[String: Int]`: strings are hashed and compared as UTF-8 bytes (a
/// `String` hashes through canonical equivalence, which for Japanese means normalizing), with a
/// cheap hash, and the table keeps no `String`s, only their bytes in the form they are written.
/// It is kept from one record to the next.
struct RecordStringTable {
    /// The table as the record ends with it (after its count): per string, its UTF-8 length as
    /// a varint, then the bytes.
    private(set) var bytes: [UInt8] = []
    /// The strings in the table.
    var count: Int { slots.count }
    /// Per string: where its UTF-8 starts in `bytes`, and its length.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// The strings by their hash.
    private var slots = HashSlots()

    /// Empties the table for the next record.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        slots.removeAll()
    }

    /// The number of `string`, added if it is new.
    mutating func index(of string: String) -> Int {
        // A native string lends its bytes without a copy of the string.
        var string = string
        return string.withUTF8Span { index(of: $0, hash: HashSlots.hash($0)) }
    }

    /// The number of `string`, whose hash (`hash(of:)`) the caller kept, added if it is new.
    mutating func index(of string: String, hash: UInt64) -> Int {
        var string = string
        return string.withUTF8Span { index(of: $0, hash: hash) }
    }

    /// The hash a string is found by (`index(of:hash:)`).
    static func hash(of string: String) -> UInt64 {
        var string = string
        return string.withUTF8Span { HashSlots.hash($0) }
    }

    private mutating func index(of utf8: Span<UInt8>, hash: UInt64) -> Int {
        let found = slots.find(hash) { lengths[$0] == utf8.count && holds($0, utf8) }
        if let index = found.number { return index }
        bytes.appendVarint(utf8.count)
        starts.append(bytes.count)
        bytes.append(copying: utf8)
        lengths.append(utf8.count)
        return slots.insert(hash, at: found.slot)
    }

    /// Whether string `index` has the bytes `utf8`.
    private func holds(_ index: Int, _ utf8: Span<UInt8>) -> Bool {
        let range = starts[index]..<(starts[index] + lengths[index])
        return bytes.span.extracting(range).hasSameBytes(as: utf8)
    }
}
