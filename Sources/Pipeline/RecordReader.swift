import Bytes
import Foundation

/// Reads the primitives of the cache's binary layouts (`AnalysisRecord`, `PackSegment`) from a
/// range of bytes: little-endian fixed-width integers, LEB128 varints (ZigZag for signed
/// values), and counts and indices checked against what they count.
///
/// Every read checks that it stays inside the range and throws `RecordError` otherwise, so a
/// truncated or edited record ends the decoding instead of reading past it or making a huge
/// array. The reader shares the array's storage (no copy) and reads it through its span.
struct RecordReader {
    private let bytes: [UInt8]
    /// The next byte to read.
    private(set) var offset: Int
    /// Where the readable range ends (exclusive).
    let end: Int

    /// A reader of `bytes[offset..<end]` (`end` defaults to the whole buffer).
    init(_ bytes: [UInt8], from offset: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        let end = min(end ?? bytes.count, bytes.count)
        self.end = end
        self.offset = min(max(0, offset), end)
    }

    /// Bytes left to read.
    var remaining: Int { end - offset }

    mutating func byte() throws(RecordError) -> UInt8 {
        guard offset < end else { throw RecordError() }
        defer { offset += 1 }
        return bytes.span[unchecked: offset]
    }

    /// A fixed 8-byte little-endian integer.
    mutating func fixed64() throws(RecordError) -> UInt64 {
        guard remaining >= 8 else { throw RecordError() }
        defer { offset += 8 }
        return bytes.span.littleEndianWord(at: offset)
    }

    /// An unsigned LEB128 varint: at most ten bytes, and no bits beyond the 64th.
    mutating func varint() throws(RecordError) -> UInt64 {
        guard offset < end else { throw RecordError() }
        // A span of a local copy of the array (the same storage): one of `self.bytes` would
        // hold `self` borrowed while `offset` changes.
        let bytes = self.bytes
        let span = bytes.span
        var position = offset
        let first = span[unchecked: position]
        position += 1
        if first < 0x80 {
            offset = position
            return UInt64(first)
        }
        var value = UInt64(first & 0x7F)
        var shift: UInt64 = 7
        while true {
            guard position < end, shift < 64 else { throw RecordError() }
            let byte = span[unchecked: position]
            position += 1
            // The tenth byte holds the 64th bit only.
            guard shift < 63 || byte <= 1 else { throw RecordError() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                offset = position
                return value
            }
            shift += 7
        }
    }

    /// A signed integer, ZigZag-encoded (small magnitudes take few bytes whatever their sign).
    mutating func int() throws(RecordError) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A varint that must fit an `Int` (≥ 0).
    mutating func natural() throws(RecordError) -> Int {
        let raw = try varint()
        guard raw <= UInt64(Int.max) else { throw RecordError() }
        return Int(raw)
    }

    /// The number of items that follow, each of which takes at least `size` bytes: a count the
    /// rest of the range cannot hold is refused before anything is allocated for it.
    mutating func count(each size: Int = 1) throws(RecordError) -> Int {
        let count = try natural()
        guard count <= remaining / max(1, size) else { throw RecordError() }
        return count
    }

    /// An index into something with `limit` items.
    mutating func index(below limit: Int) throws(RecordError) -> Int {
        let raw = try varint()
        guard raw < UInt64(max(0, limit)) else { throw RecordError() }
        return Int(raw)
    }

    /// Where the next `count` bytes are in the reader's array, which it skips.
    mutating func bytes(count: Int) throws(RecordError) -> Range<Int> {
        guard count >= 0, count <= remaining else { throw RecordError() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// A length-prefixed string, which must be valid UTF-8.
    mutating func string() throws(RecordError) -> String {
        let range = try bytes(count: natural())
        guard let string = String(exactUTF8: bytes.span.extracting(unchecked: range)) else { throw RecordError() }
        return string
    }

    /// Checks that everything was read: trailing bytes mean the layout is not the one expected.
    func expectEnd() throws(RecordError) {
        guard offset == end else { throw RecordError() }
    }
}

/// A cache record or segment that does not decode: truncated, edited, or of another layout. It
/// carries nothing, because every such record is simply a miss.
struct RecordError: Error {}

extension [UInt8] {
    /// Appends `value` as 8 little-endian bytes.
    mutating func appendFixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Appends a signed integer, ZigZag-encoded.
    mutating func appendInt(_ value: Int) {
        let wide = Int64(value)
        appendVarint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// Appends `string` as its UTF-8 length, then its bytes.
    mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8Span { utf8 in
            appendVarint(utf8.count)
            append(copying: utf8)
        }
    }
}
