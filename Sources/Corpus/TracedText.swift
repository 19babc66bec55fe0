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
public struct TracedText: Sendable, Equatable {
    public private(set) var scalars: [Unicode.Scalar]
    private var starts: [Int32]
    private var ends: [Int32]

    /// Empty text.
    public init() {
        scalars = []
        starts = []
        ends = []
    }

    /// `text` as an original: each scalar traces to its own offset, from `offset`.
    public init(original text: String, offset: Int = 0) {
        scalars = Array(text.unicodeScalars)
        starts = Array(Int32(offset)..<Int32(offset + scalars.count))
        ends = Array(Int32(offset + 1)..<Int32(offset + scalars.count + 1))
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }
    /// The text as a `String`, built from its UTF-8 in one go.
    public var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The original span of the scalars in `range`, from the first one's start to the last one's
    /// end; for an empty range, the point where it stands.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point = range.lowerBound < count ? Int(starts[range.lowerBound]) : (ends.last.map(Int.init) ?? 0)
            return point..<point
        }
        let lower = Int(starts[range.lowerBound])
        return lower..<max(lower, Int(ends[range.upperBound - 1]))
    }

    /// The original span of the whole text.
    public var originalRange: Range<Int> { originalRange(of: 0..<count) }

    public subscript(range: Range<Int>) -> TracedText {
        var slice = TracedText()
        slice.scalars = Array(scalars[range])
        slice.starts = Array(starts[range])
        slice.ends = Array(ends[range])
        return slice
    }

    /// The original span of the scalar at `index`.
    public func span(at index: Int) -> Range<Int32> { starts[index]..<ends[index] }

    public mutating func append(_ other: TracedText) {
        scalars += other.scalars
        starts += other.starts
        ends += other.ends
    }

    /// Appends `scalar`, produced from the original span `span`.
    public mutating func append(_ scalar: Unicode.Scalar, span: Range<Int32>) {
        scalars.append(scalar)
        starts.append(span.lowerBound)
        ends.append(span.upperBound)
    }

    /// Replaces the last character with `scalar`, traced to its span joined with `span` (a
    /// character merged into the one before it, such as a collapsed run).
    public mutating func replaceLast(with scalar: Unicode.Scalar, extendingTo span: Range<Int32>) {
        precondition(!isEmpty, "no character to replace")
        scalars[count - 1] = scalar
        starts[count - 1] = min(starts[count - 1], span.lowerBound)
        ends[count - 1] = max(ends[count - 1], span.upperBound)
    }

    /// Appends `scalar`, inserted from nothing at the current end of the text.
    public mutating func appendInserted(_ scalar: Unicode.Scalar) {
        let point = ends.last ?? 0
        append(scalar, span: point..<point)
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        scalars.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    /// The text without leading and trailing ASCII and ideographic spaces.
    public func trimmingSpaces() -> TracedText {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return TracedText() }
        return self[first..<(last + 1)]
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
