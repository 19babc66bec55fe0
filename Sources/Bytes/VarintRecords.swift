/// Records of unsigned varints (`appendVarint`), appended one after another into chunks of at
/// most `chunkSize` bytes, and read back where each began or all in order: the compact store of
/// what grows with a corpus (each document's terms, the units whose pairs wait for the
/// vocabulary, the surfaces a worker's `SurfaceTable`s keep).
///
/// Why chunks: one array that grows by doubling holds up to twice its bytes, and copies them
/// all while it grows, with both copies alive for a moment; at the end of a large run that was
/// the peak of the process. A chunk stops growing at `chunkSize` and the next record starts a
/// new one, so the room left free is at most one chunk's, and a growth copies at most one
/// chunk. A record never straddles two chunks: it is read from one contiguous span.
public struct VarintRecords: Sendable {
    /// Where a record begins: its chunk and its offset there.
    public struct Place: Sendable, Equatable {
        @usableFromInline let chunk: UInt32
        @usableFromInline let offset: UInt32
    }

    /// The bytes a chunk grows to before records go to a new one (a larger record has a chunk
    /// of its own size).
    public let chunkSize: Int
    @usableFromInline var chunks: [[UInt8]] = []
    /// The bytes of all records.
    public private(set) var byteCount = 0

    public init(chunkSize: Int = 1 << 20) {
        precondition(chunkSize > 0 && chunkSize <= Int(UInt32.max), "a chunk of 1 byte to 4 GB")
        self.chunkSize = chunkSize
    }

    public var isEmpty: Bool { byteCount == 0 }

    /// Appends one record: `write` appends its varints (`appendVarint`) to the bytes it is
    /// given, at most `maximumBytes` of them (10 a varint at most), and nothing else.
    @discardableResult
    public mutating func append(maximumBytes: Int, _ write: (inout [UInt8]) -> Void) -> Place {
        if chunks.isEmpty || (chunks[chunks.count - 1].count + maximumBytes > chunkSize && !chunks[chunks.count - 1].isEmpty) {
            chunks.append([])
        }
        let chunk = chunks.count - 1
        let offset = chunks[chunk].count
        precondition(offset <= Int(UInt32.max), "a chunk over 4 GB")
        write(&chunks[chunk])
        byteCount += chunks[chunk].count - offset
        return Place(chunk: UInt32(chunk), offset: UInt32(offset))
    }

    /// Calls `read` with the chunk of the record at `place` and the record's offset there, to
    /// read it with `trustedVarint(at:)`.
    @inlinable
    public func withRecord<Result>(at place: Place, _ read: (Span<UInt8>, inout Int) -> Result) -> Result {
        var offset = Int(place.offset)
        let chunk = chunks[Int(place.chunk)]
        return read(chunk.span, &offset)
    }

    /// Calls `read` with each record in the order they were appended: its chunk and its offset,
    /// which `read` must move past the record, every varint of it read.
    public func forEachRecord(_ read: (Span<UInt8>, inout Int) -> Void) {
        for chunk in chunks {
            let span = chunk.span
            var offset = 0
            while offset < span.count {
                let before = offset
                read(span, &offset)
                precondition(offset > before, "a record read as empty")
            }
        }
    }
}
