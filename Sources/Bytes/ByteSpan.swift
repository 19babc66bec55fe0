#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The one place outside the C wrapper stages where kotoba's Swift touches raw memory.
//
// Everywhere else, bytes are read through `Span<UInt8>` (`array.span`, `span[unchecked: i]`,
// `span.extracting(range)`), which the standard library keeps in bounds and in lifetime. What
// `Span` cannot yet say safely, or not as fast, lives here, each piece small and checked on its
// inputs: copying a span's bytes onto an array (one `memcpy`), storing a word of bytes at once
// into an output span, comparing and searching bytes (`memcmp`, `memchr`), loading a
// little-endian word, decoding a span as UTF-8, hashing it, lending a string's UTF-8 as a span,
// and writing bytes as hex into a string's own storage. `ByteFile` holds the file-descriptor
// side, `TemporarySort` a sort in a temporary buffer. The tests in Tests/BytesTests hold each
// against a plain Swift loop.

extension Span where Element == UInt8 {
    /// `true` if `other` holds the same bytes.
    @inlinable
    public func hasSameBytes(as other: Span<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return withUnsafeBufferPointer { left in
            other.withUnsafeBufferPointer { right in memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }

    /// The order of the bytes against `other`'s, as `lexicographicallyPrecedes` would have it:
    /// negative, zero or positive.
    @inlinable
    public func compareBytes(with other: Span<UInt8>) -> Int {
        let common = Swift.min(count, other.count)
        if common > 0 {
            let order = withUnsafeBufferPointer { left in
                other.withUnsafeBufferPointer { right in memcmp(left.baseAddress!, right.baseAddress!, common) }
            }
            if order != 0 { return Int(order) }
        }
        return count - other.count
    }

    /// The index of the first `byte` in `range` (the whole span by default), or `nil`.
    @inlinable
    public func firstIndex(of byte: UInt8, in range: Range<Int>? = nil) -> Int? {
        let range = range ?? 0..<count
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of the span")
        guard !range.isEmpty else { return nil }
        return withUnsafeBufferPointer { buffer in
            guard let found = memchr(buffer.baseAddress! + range.lowerBound, Int32(byte), range.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!)
        }
    }

    /// The index of the first byte in `start..<end` that is `a`, `b`, `c` or `d`, or `end`.
    ///
    /// Eight bytes are tested at once (a word whose bytes are XORed with the one looked for has
    /// a zero byte exactly where it held it: `(v − 0x01…01) & ~v & 0x80…80` is zero only when no
    /// byte of `v` is, and its lowest set bit marks the first zero byte), so text between the
    /// bytes looked for, ASCII or not, costs a few instructions a word instead of a few a byte.
    @inlinable
    public func firstIndex(ofAny a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, from start: Int, to end: Int) -> Int {
        precondition(start >= 0 && start <= end && end <= count, "range out of the span")
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (wa, wb, wc, wd) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c), ones &* UInt64(d))
        @inline(__always) func zeros(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & 0x8080_8080_8080_8080 }
        var index = start
        while index &+ 8 <= end {
            let word = littleEndianWord(at: index)
            let found = zeros(word ^ wa) | zeros(word ^ wb) | zeros(word ^ wc) | zeros(word ^ wd)
            if found != 0 { return index &+ found.trailingZeroBitCount / 8 }
            index &+= 8
        }
        while index < end {
            let byte = self[unchecked: index]
            if byte == a || byte == b || byte == c || byte == d { return index }
            index &+= 1
        }
        return end
    }

    /// The unsigned LEB128 varint at `offset`, which moves past it: for bytes this process wrote
    /// (`appendVarint`), which need no check. Bytes read from a file are checked as they are read
    /// (the cache's `RecordReader`).
    @inlinable @inline(__always)
    public func trustedVarint(at offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = self[offset]
            offset &+= 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift &+= 7
        }
    }

    /// The 8 bytes at `offset` as a little-endian `UInt64`; the span must hold them.
    @inlinable @inline(__always)
    public func littleEndianWord(at offset: Int) -> UInt64 {
        precondition(offset >= 0 && offset <= count &- 8, "word out of the span")
        return UInt64(littleEndian: bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt64.self))
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as an unsigned LEB128 varint: seven bits a byte, low bits first, the top
    /// bit set on every byte but the last.
    ///
    /// A varint of two bytes or more is written with one check of the array's room, not one a
    /// byte (the cache's records and every document's term list are mostly varints).
    @inlinable
    public mutating func appendVarint(_ value: UInt64) {
        guard value >= 0x80 else { return append(UInt8(truncatingIfNeeded: value)) }
        append(addingCapacity: 10) { bytes in
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(truncatingIfNeeded: value))
        }
    }

    /// Appends a count or index (never negative) as a varint.
    @inlinable
    public mutating func appendVarint(_ value: Int) {
        appendVarint(UInt64(UInt(bitPattern: value)))
    }

    /// Appends the bytes of `span`, in one copy: room is made once and the bytes copied with
    /// `memcpy`, where `append(contentsOf:)` took the generic path for a sequence, twice the
    /// time for the short texts (a term, a path) the reports copy into every row.
    @inlinable @inline(__always)
    public mutating func append(copying span: Span<UInt8>) {
        let count = span.count
        guard count > 0 else { return }
        append(addingCapacity: count) { bytes in
            bytes.withUnsafeMutableBufferPointer { buffer, initialized in
                span.withUnsafeBufferPointer { source in
                    UnsafeMutableRawPointer(buffer.baseAddress! + initialized).copyMemory(
                        from: source.baseAddress!, byteCount: count)
                }
                initialized += count
            }
        }
    }

    /// Appends the bytes `range` of `bytes` (which may be this array's own), in one copy.
    @inlinable @inline(__always)
    public mutating func append(copying bytes: [UInt8], _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of the bytes")
        bytes.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

extension OutputSpan where Element == UInt8 {
    /// Appends the low `count` bytes of `word` (at most 8), the low byte first: with room for 8
    /// more bytes, one unaligned store of the whole word, of which only `count` bytes are taken
    /// as written (the rest of the room stays free); else byte by byte. The reports' numbers are
    /// written as words of eight digits (`CSVText`).
    @inlinable @inline(__always)
    public mutating func appendLowBytes(of word: UInt64, count: Int) {
        precondition(count >= 0 && count <= 8, "more than a word's bytes")
        guard freeCapacity >= 8 else {
            var rest = word
            for _ in 0..<count {
                append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
            return
        }
        withUnsafeMutableBufferPointer { buffer, initialized in
            UnsafeMutableRawPointer(buffer.baseAddress! + initialized).storeBytes(of: word.littleEndian, as: UInt64.self)
            initialized += count
        }
    }
}

extension String {
    /// `true` if `other` has the same UTF-8 bytes: equality byte for byte, not the canonical
    /// equivalence of `==` (a composed and a decomposed が differ here). Native strings are
    /// compared in place with one `memcmp`, without the copies `withUTF8` makes of its strings
    /// to mutate them; a string with no contiguous UTF-8 (a bridged one, on Apple's systems)
    /// falls back to comparing its UTF-8 view.
    @inlinable
    public func hasSameUTF8(as other: String) -> Bool {
        let compared: Bool?? = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                left.count == right.count
                    && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
        if let compared, let compared { return compared }
        return utf8.elementsEqual(other.utf8)
    }

    /// `span` read as UTF-8, ill-formed sequences replaced with U+FFFD (as
    /// `String(decoding:as:)`).
    @inlinable
    public init(decodingUTF8 span: Span<UInt8>) {
        self = span.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// `span`, which the caller knows to be well-formed UTF-8 starting and ending on character
    /// boundaries, copied into a string without checking it again: a table's bytes are checked
    /// whole when it is read (`TextDecoder.decodeBytes`), and a string's own UTF-8 cut at ASCII
    /// bytes is well-formed (a MeCab entry's features); checking each field again as it became a
    /// string was 400 instructions a field. Debug builds check all the same.
    @inlinable
    public init(checkedUTF8 span: Span<UInt8>) {
        assert(span.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } != nil, "ill-formed UTF-8")
        self = String(copying: unsafe UTF8Span(unchecked: span))
    }

    /// `span` read as UTF-8, or `nil` if it is not well-formed UTF-8. The check decodes with
    /// repair and compares the bytes, which is cheaper than `String(validating:)`'s generic path.
    @inlinable
    public init?(exactUTF8 span: Span<UInt8>) {
        var string = String(decodingUTF8: span)
        guard string.withUTF8Span({ $0.hasSameBytes(as: span) }) else { return nil }
        self = string
    }

    /// The bytes of `raw` as lowercase hexadecimal, two digits a byte, written straight into the
    /// string's storage: a document's SHA-256 is made for every row of a table, and an array of
    /// digits turned into a string cost two allocations and a copy each time.
    public init(lowercaseHex raw: UnsafeRawBufferPointer) {
        self.init(unsafeUninitializedCapacity: 2 * raw.count) { digits in
            for (index, byte) in raw.enumerated() {
                digits[2 &* index] = Self.hexDigit(byte &>> 4)
                digits[2 &* index &+ 1] = Self.hexDigit(byte & 0x0F)
            }
            return 2 * raw.count
        }
    }

    /// The lowercase hex digit of a value below 16.
    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble }

    /// Calls `body` with the string's UTF-8 bytes (made contiguous first if they are not).
    @inlinable @inline(__always)
    public mutating func withUTF8Span<Result>(_ body: (Span<UInt8>) throws -> Result) rethrows -> Result {
        try withUTF8 { try body($0.span) }
    }
}

extension Substring {
    /// Calls `body` with the substring's UTF-8 bytes (made contiguous first if they are not).
    @inlinable @inline(__always)
    public mutating func withUTF8Span<Result>(_ body: (Span<UInt8>) throws -> Result) rethrows -> Result {
        try withUTF8 { try body($0.span) }
    }
}

extension Hasher {
    /// Feeds the bytes of `span` to the hasher as one buffer (as `combine(bytes:)`).
    @inlinable @inline(__always)
    public mutating func combine(bytes span: Span<UInt8>) {
        span.withUnsafeBytes { combine(bytes: $0) }
    }
}
