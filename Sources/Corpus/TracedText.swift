/// Text that remembers, for every character, the span of the original text it came from.
///
/// Every stage between the decoded input and MeCab (line joining, speaker labels, footnote
/// markers, normalization, sentence splitting) changes the text; a `TracedText` carries, for each
/// Unicode scalar, the half-open span of original scalar offsets that produced it. A scalar copied
/// through keeps its one-character span; characters produced from several (NFKC of `ｶﾞ`) or
/// replacing a run (`――` → `―`) share the run's span; a character inserted from nothing (the
/// space glued between two Latin words of joined lines) has an empty span at the join. So any
/// range of the final text, such as a token, maps back to the text as the user wrote it.
///
/// Offsets count Unicode scalars of the decoded original, as Python's `str` indexes do.
///
/// Stages that keep most of their input copy it in runs (`append(_:range:)`) or edit it in place
/// (`replaceScalar(at:with:)`) rather than scalar by scalar: every scalar costs two array appends.
public struct TracedText: Sendable, Equatable {
    /// The original span of one scalar: `start..<end` in scalar offsets, kept as two `Int32`s in
    /// one array so that an append grows one buffer, not two.
    struct Span: Sendable, Equatable {
        var start: Int32
        var end: Int32
    }

    public private(set) var scalars: [Unicode.Scalar]
    private var spans: [Span]

    /// Empty text.
    public init() {
        scalars = []
        spans = []
    }

    /// `text` as an original: each scalar traces to its own offset, from `offset`.
    public init(original text: String, offset: Int = 0) {
        // A string has no more scalars than UTF-8 bytes: fill one buffer of that size, no regrowth.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, initialized in
            for scalar in text.unicodeScalars {
                buffer.initializeElement(at: initialized, to: scalar)
                initialized += 1
            }
        }
        let first = Int32(offset)
        self.scalars = scalars
        spans = [Span](unsafeUninitializedCapacity: scalars.count) { buffer, initialized in
            for index in 0..<scalars.count {
                let start = first + Int32(index)
                buffer.initializeElement(at: index, to: Span(start: start, end: start + 1))
            }
            initialized = scalars.count
        }
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }
    /// The text as a `String`, written as UTF-8 straight into the string's storage.
    public var string: String {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        guard byteCount > 0 else { return "" }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var offset = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[offset] = UInt8(truncatingIfNeeded: value)
                    offset += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[offset] = byte
                        offset += 1
                    }
                }
            }
            return offset
        }
    }

    /// The original span of the scalars in `range`, from the first one's start to the last one's
    /// end; for an empty range, the point where it stands.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point = range.lowerBound < count ? Int(spans[range.lowerBound].start) : (spans.last.map { Int($0.end) } ?? 0)
            return point..<point
        }
        let lower = Int(spans[range.lowerBound].start)
        return lower..<max(lower, Int(spans[range.upperBound - 1].end))
    }

    /// The original span of the whole text.
    public var originalRange: Range<Int> { originalRange(of: 0..<count) }

    public subscript(range: Range<Int>) -> TracedText {
        var slice = TracedText()
        slice.scalars = Array(scalars[range])
        slice.spans = Array(spans[range])
        return slice
    }

    /// The original span of the scalar at `index`.
    public func span(at index: Int) -> Range<Int32> {
        let span = spans[index]
        return span.start..<span.end
    }

    public mutating func append(_ other: TracedText) {
        scalars += other.scalars
        spans += other.spans
    }

    /// Appends the scalars of `other` in `range` with their spans: a run copied through.
    public mutating func append(_ other: TracedText, range: Range<Int>) {
        scalars += other.scalars[range]
        spans += other.spans[range]
    }

    /// Appends `scalar`, produced from the original span `span`.
    public mutating func append(_ scalar: Unicode.Scalar, span: Range<Int32>) {
        scalars.append(scalar)
        spans.append(Span(start: span.lowerBound, end: span.upperBound))
    }

    /// Replaces the scalar at `index` with `scalar`, which keeps the span (a character mapped to
    /// another one, such as ASCII punctuation widened).
    public mutating func replaceScalar(at index: Int, with scalar: Unicode.Scalar) {
        scalars[index] = scalar
    }

    /// Replaces the last character with `scalar`, traced to its span joined with `span` (a
    /// character merged into the one before it, such as a collapsed run).
    public mutating func replaceLast(with scalar: Unicode.Scalar, extendingTo span: Range<Int32>) {
        precondition(!isEmpty, "no character to replace")
        scalars[count - 1] = scalar
        spans[count - 1].start = min(spans[count - 1].start, span.lowerBound)
        spans[count - 1].end = max(spans[count - 1].end, span.upperBound)
    }

    /// Appends `scalar`, inserted from nothing at the current end of the text.
    public mutating func appendInserted(_ scalar: Unicode.Scalar) {
        let point = spans.last?.end ?? 0
        append(scalar, span: point..<point)
    }

    /// Removes the last `k` characters.
    public mutating func removeLast(_ k: Int = 1) {
        scalars.removeLast(k)
        spans.removeLast(k)
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        scalars.reserveCapacity(capacity)
        spans.reserveCapacity(capacity)
    }

    /// The text without leading and trailing ASCII and ideographic spaces.
    public func trimmingSpaces() -> TracedText {
        let trimmed = rangeTrimmingSpaces(0..<count)
        return trimmed.count == count ? self : self[trimmed]
    }

    /// `range` without the ASCII and ideographic spaces at its ends: empty at its start if it
    /// holds nothing else.
    public func rangeTrimmingSpaces(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower] == " " || scalars[lower] == "\u{3000}" { lower += 1 }
        while upper > lower, scalars[upper - 1] == " " || scalars[upper - 1] == "\u{3000}" { upper -= 1 }
        return lower..<upper
    }

    /// The indices of the UTF-8 encoding: `utf8Starts[i]` is the byte offset of scalar `i` in
    /// `string`, with one more entry for the end. MeCab's token offsets are bytes.
    public var utf8Offsets: [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        return offsets
    }

    /// The original span of the UTF-8 byte range `bytes` of `string` (a token's range).
    public func originalRange(ofUTF8 bytes: Range<Int>, offsets: [Int]) -> Range<Int> {
        let lower = Self.index(of: bytes.lowerBound, in: offsets)
        let upper = Self.index(of: bytes.upperBound, in: offsets)
        return originalRange(of: lower..<max(lower, upper))
    }

    /// The scalar index whose UTF-8 offset is `byte` (binary search in `offsets`).
    static func index(of byte: Int, in offsets: [Int]) -> Int {
        var low = 0
        var high = offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension TracedText: CustomStringConvertible {
    public var description: String { string }
}
