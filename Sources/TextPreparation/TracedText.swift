import Bytes
import Corpus

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
/// Offsets in the original count Unicode scalars of the decoded original, as Python's `str`
/// indexes do. Positions in the text itself (`Int`, `Range<Int>`) are offsets in its UTF-8
/// bytes, `utf8`, on scalar boundaries: MeCab's token offsets are bytes too, and the stages read
/// the bytes directly, ASCII, kana and kanji without decoding them into scalars.
///
/// The trace is kept as pieces, not per character: a *sequential* piece is a stretch whose
/// scalars trace one each to consecutive original offsets (text copied through, or edited one
/// character for one), a *shared* piece a stretch whose scalars all trace to one span. Text that
/// no stage changed is a few sequential pieces; an original scalar offset is counted out of a
/// piece's bytes only when asked (`span(at:)`, `originalRange(of:)`), which only the tracing
/// callers do (KWIC, `tokenize --format offsets`, errors). A sequential piece is kept to at most
/// `maximumSequentialLength` bytes, so that counting is cheap wherever the text is cut.
public struct TracedText: Sendable {
    /// The longest sequential piece that appends make, in bytes: the most that finding a
    /// scalar's original offset counts.
    static let maximumSequentialLength = 256

    /// The text's UTF-8 bytes (valid UTF-8).
    public private(set) var utf8: [UInt8]
    /// The trace, in order of `start`; the first starts at 0. Empty for empty text. Readable
    /// inside the module (and by its tests), changed only through the appends and edits.
    private(set) var pieces: PieceList

    /// Empty text.
    public init() {
        utf8 = []
        pieces = PieceList()
    }

    /// `text` as an original: each scalar traces to its own offset, from `offset`.
    public init(original text: String, offset: Int = 0) {
        utf8 = Array(text.utf8)
        pieces = PieceList()
        pieces.reserveCapacity(utf8.count / Self.maximumSequentialLength + 1)
        var start = 0
        var original = Int32(offset)
        while start < utf8.count {
            var end = min(start + Self.maximumSequentialLength, utf8.count)
            while end < utf8.count, UTF8Text.isContinuation(utf8[end]) { end -= 1 }
            let scalars = Int32(UTF8Text.scalarCount(in: utf8, start..<end))
            pieces.append(Piece(start: Int32(start), originalStart: original, originalEnd: original + scalars, isSequential: true))
            original += scalars
            start = end
        }
    }

    public var isEmpty: Bool { utf8.isEmpty }

    /// The number of Unicode scalars (characters, as the reports count them). Counts the bytes.
    public var scalarCount: Int { UTF8Text.scalarCount(in: utf8, 0..<utf8.count) }

    /// The text's Unicode scalars, decoded.
    public var scalars: [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        var index = 0
        while index < utf8.count {
            scalars.append(UTF8Text.scalar(in: utf8, at: index))
            index += UTF8Text.width(lead: utf8[index])
        }
        return scalars
    }

    /// The text as a `String`: its bytes, copied once.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The scalar that starts at byte `index`.
    @inlinable @inline(__always)
    public func scalar(at index: Int) -> Unicode.Scalar { UTF8Text.scalar(in: utf8, at: index) }

    /// The position of the scalar after the one at `index`.
    @inlinable @inline(__always)
    public func index(after index: Int) -> Int { index + UTF8Text.width(lead: utf8[index]) }

    /// The position of the scalar before `index`.
    @inlinable @inline(__always)
    public func index(before index: Int) -> Int { UTF8Text.start(before: index, in: utf8) }

    // MARK: The trace

    /// The original span of the scalars in the byte range `range`, from the first one's start to
    /// the last one's end; for an empty range, the point where it stands.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point =
                range.lowerBound < utf8.count
                ? Int(span(at: range.lowerBound).lowerBound) : Int(pieces.last?.originalEnd ?? 0)
            return point..<point
        }
        let lower = Int(span(at: range.lowerBound).lowerBound)
        let last = UTF8Text.start(before: range.upperBound, in: utf8)
        return lower..<max(lower, Int(span(at: last).upperBound))
    }

    /// The original span of the whole text.
    public var originalRange: Range<Int> { originalRange(of: 0..<utf8.count) }

    /// The original span of the scalar that starts at byte `index`.
    public func span(at index: Int) -> Range<Int32> {
        span(at: mark(at: index))
    }

    // MARK: Walking forward

    /// A position in the text with what the trace says there: the piece that holds it and, in a
    /// sequential piece, the original offset of the scalar that starts there.
    ///
    /// Finding an original offset counts the scalars between the position and an end of its
    /// piece. Stages that copy runs of a text in order (the normalization rules, sentence
    /// splitting, layout repair) move a mark forward instead (`mark(_:movedTo:)`), which counts
    /// only the bytes it passes: each byte once, however many runs the text is cut into.
    package struct Mark: Sendable {
        package private(set) var position: Int
        fileprivate var piece: Int
        fileprivate var original: Int32
    }

    /// The mark at byte `position` (the end of the text included) of non-empty text.
    package func mark(at position: Int) -> Mark {
        let k = pieceIndex(containing: position)
        return Mark(position: position, piece: k, original: originalOffset(at: position, inPiece: k))
    }

    /// `mark` moved on to `position`, at or after it.
    package func mark(_ mark: Mark, movedTo position: Int) -> Mark {
        precondition(position >= mark.position, "a mark only moves forward")
        guard position < end(ofPiece: mark.piece) || mark.piece == pieces.count - 1 else {
            var k = mark.piece + 1
            while k + 1 < pieces.count, Int(pieces[k + 1].start) <= position { k += 1 }
            return Mark(position: position, piece: k, original: originalOffset(at: position, inPiece: k))
        }
        let piece = pieces[mark.piece]
        let original =
            piece.isSequential
            ? mark.original + Int32(UTF8Text.scalarCount(in: utf8, mark.position..<position)) : piece.originalStart
        return Mark(position: position, piece: mark.piece, original: original)
    }

    /// The original span of the scalar at `mark`.
    package func span(at mark: Mark) -> Range<Int32> {
        let piece = pieces[mark.piece]
        return piece.isSequential ? mark.original..<(mark.original + 1) : piece.originalStart..<piece.originalEnd
    }

    /// `originalRange(of:)` of the non-empty range from `start` to `end`.
    package func originalRange(from start: Mark, to end: Mark) -> Range<Int> {
        let lower = Int(span(at: start).lowerBound)
        let last = mark(start, movedTo: UTF8Text.start(before: end.position, in: utf8))
        return lower..<max(lower, Int(span(at: last).upperBound))
    }

    /// The original offset of the scalar at `position` in piece `k`: for a sequential piece,
    /// counted from its nearer end.
    private func originalOffset(at position: Int, inPiece k: Int) -> Int32 {
        let piece = pieces[k]
        guard piece.isSequential else { return piece.originalStart }
        let start = Int(piece.start)
        let end = end(ofPiece: k)
        if position - start <= end - position {
            return piece.originalStart + Int32(UTF8Text.scalarCount(in: utf8, start..<position))
        }
        return piece.originalEnd - Int32(UTF8Text.scalarCount(in: utf8, position..<end))
    }

    // MARK: Bytes and scalar offsets

    /// The original span of the byte range `bytes` (a token's range), each bound moved on to the
    /// next scalar boundary if it falls inside a scalar.
    public func originalRange(ofUTF8 bytes: Range<Int>) -> Range<Int> {
        let lower = boundary(atOrAfter: bytes.lowerBound)
        let upper = boundary(atOrAfter: bytes.upperBound)
        return originalRange(of: lower..<max(lower, upper))
    }

    /// The bytes of the scalars `range` (counted in scalars from the start), for callers that
    /// count characters.
    public func utf8Range(ofScalars range: Range<Int>) -> Range<Int> {
        let lower = UTF8Text.offset(range.lowerBound, scalarsFrom: 0, in: utf8, within: 0..<utf8.count)
        let upper = UTF8Text.offset(range.count, scalarsFrom: lower, in: utf8, within: 0..<utf8.count)
        return lower..<upper
    }

    /// The byte offset of every scalar, with one more entry for the end: `utf8Offsets[i]` is where
    /// scalar `i` starts.
    public var utf8Offsets: [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(utf8.count + 1)
        for index in utf8.indices where !UTF8Text.isContinuation(utf8[index]) { offsets.append(index) }
        offsets.append(utf8.count)
        return offsets
    }

    /// `index`, or the start of the next scalar if it falls inside one; at most the end.
    private func boundary(atOrAfter index: Int) -> Int {
        var index = min(max(index, 0), utf8.count)
        while index < utf8.count, UTF8Text.isContinuation(utf8[index]) { index += 1 }
        return index
    }

    /// The piece that holds byte `index` (the last piece for the end of the text).
    private func pieceIndex(containing index: Int) -> Int {
        var low = 0
        var high = pieces.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(pieces[middle].start) <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Where piece `k` ends.
    func end(ofPiece k: Int) -> Int { k + 1 < pieces.count ? Int(pieces[k + 1].start) : utf8.count }

    /// Records that bytes `start..<end`, already in `utf8` at the end of the trace, trace to
    /// `originalStart..<originalEnd`, one scalar each (`sequential`) or all of them together;
    /// merged into the last piece where that piece then says the same.
    private mutating func tracePiece(start: Int, end: Int, originalStart: Int32, originalEnd: Int32, sequential: Bool) {
        guard start < end else { return }
        if let last = pieces.last, last.isSequential == sequential {
            if sequential, last.originalEnd == originalStart, end - Int(last.start) <= Self.maximumSequentialLength {
                pieces.extendLast(to: originalEnd)
                return
            }
            if !sequential, last.originalStart == originalStart, last.originalEnd == originalEnd { return }
        }
        pieces.append(
            Piece(start: Int32(start), originalStart: originalStart, originalEnd: originalEnd, isSequential: sequential))
    }

    // MARK: Building

    /// The text from `start` to `end`, marks of this text.
    package func slice(from start: Mark, to end: Mark) -> TracedText {
        var slice = TracedText()
        slice.append(self, from: start, to: end)
        return slice
    }

    public subscript(range: Range<Int>) -> TracedText {
        var slice = TracedText()
        slice.append(self, range: range)
        return slice
    }

    public mutating func append(_ other: TracedText) {
        append(other, range: 0..<other.utf8.count)
    }

    /// Appends the bytes of `other` in `range` with their trace: a run copied through.
    public mutating func append(_ other: TracedText, range: Range<Int>) {
        guard !range.isEmpty else { return }
        append(other, from: other.mark(at: range.lowerBound), to: other.mark(at: range.upperBound))
    }

    /// Appends the bytes of `other` from `start` to `end` (marks of `other`) with their trace.
    package mutating func append(_ other: TracedText, from start: Mark, to end: Mark) {
        let range = start.position..<end.position
        guard !range.isEmpty else { return }
        let shift = utf8.count - range.lowerBound
        if utf8.isEmpty && range.count == other.utf8.count {
            utf8 = other.utf8
        } else {
            utf8.append(copying: other.utf8, range)  // one copy; a slice's generic append cost more
        }
        if end.piece > start.piece { pieces.reserveCapacity(pieces.count + end.piece - start.piece + 1) }
        for k in start.piece...end.piece {
            let piece = other.pieces[k]
            let lower = k == start.piece ? start.position : Int(piece.start)
            let upper = k == end.piece ? end.position : other.end(ofPiece: k)
            guard lower < upper else { continue }
            var originalStart = piece.originalStart
            var originalEnd = piece.originalEnd
            if piece.isSequential {
                if k == start.piece { originalStart = start.original }
                if k == end.piece { originalEnd = end.original }
            }
            tracePiece(
                start: lower + shift, end: upper + shift, originalStart: originalStart, originalEnd: originalEnd,
                sequential: piece.isSequential)
        }
    }

    /// Appends `scalar`, produced from the original span `span`.
    public mutating func append(_ scalar: Unicode.Scalar, span: Range<Int32>) {
        let start = utf8.count
        UTF8Text.append(scalar, to: &utf8)
        tracePiece(
            start: start, end: utf8.count, originalStart: span.lowerBound, originalEnd: span.upperBound,
            sequential: span.upperBound - span.lowerBound == 1)
    }

    /// Replaces the last character with `scalar`, traced to its span joined with `span` (a
    /// character merged into the one before it, such as a collapsed run).
    public mutating func replaceLast(with scalar: Unicode.Scalar, extendingTo span: Range<Int32>) {
        precondition(!isEmpty, "no character to replace")
        let old = self.span(at: UTF8Text.start(before: utf8.count, in: utf8))
        removeLast()
        append(scalar, span: min(old.lowerBound, span.lowerBound)..<max(old.upperBound, span.upperBound))
    }

    /// Appends `scalar`, inserted from nothing at the current end of the text.
    public mutating func appendInserted(_ scalar: Unicode.Scalar) {
        let point = pieces.last?.originalEnd ?? 0
        append(scalar, span: point..<point)
    }

    /// Removes the last character.
    public mutating func removeLast() {
        precondition(!isEmpty, "no character to remove")
        let start = UTF8Text.start(before: utf8.count, in: utf8)
        utf8.removeSubrange(start...)
        let last = pieces.count - 1
        if Int(pieces[last].start) == start {
            pieces.removeLast()
        } else if pieces[last].isSequential {
            pieces.extendLast(to: pieces[last].originalEnd - 1)
        }
    }

    /// Replaces the last character, an ASCII one, with the ASCII `byte`, which keeps its span.
    mutating func replaceLastByte(with byte: UInt8) {
        precondition(utf8.last.map { $0 < 0x80 } == true && byte < 0x80, "not an ASCII character for another")
        utf8[utf8.count - 1] = byte
    }

    /// Reserves room for `capacity` bytes.
    public mutating func reserveCapacity(_ capacity: Int) {
        utf8.reserveCapacity(capacity)
    }

    /// The text with the scalars that start at `positions` (ascending byte offsets) replaced by
    /// `replacement` of each: a character mapped to another one, such as ASCII punctuation
    /// widened, which keeps its span (only the pieces' byte offsets move).
    package func replacingScalars(at positions: [Int], with replacement: (Unicode.Scalar) -> Unicode.Scalar) -> TracedText {
        var result = TracedText()
        result.utf8.reserveCapacity(utf8.count + 3 * positions.count)
        var copied = 0
        var k = 0
        for position in positions {
            // Pieces that start up to the replaced scalar move by what was written before it.
            while k < pieces.count, Int(pieces[k].start) <= position {
                result.pieces.append(pieces[k].moved(by: result.utf8.count - copied))
                k += 1
            }
            result.utf8.append(copying: utf8, copied..<position)
            UTF8Text.append(replacement(UTF8Text.scalar(in: utf8, at: position)), to: &result.utf8)
            copied = position + UTF8Text.width(lead: utf8[position])
        }
        while k < pieces.count {
            result.pieces.append(pieces[k].moved(by: result.utf8.count - copied))
            k += 1
        }
        result.utf8.append(copying: utf8, copied..<utf8.count)
        return result
    }
}

extension TracedText: CustomStringConvertible {
    public var description: String { string }
}
