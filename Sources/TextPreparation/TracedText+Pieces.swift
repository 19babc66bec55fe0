/// The trace's pieces (`TracedText`'s doc comment says what a sequential and a shared piece are).
extension TracedText {
    /// Where a stretch of the text comes from.
    struct Piece: Sendable, Equatable {
        /// The stretch's first byte in `utf8`; it runs to the next piece's start, or to the end.
        var start: Int32
        var originalStart: Int32
        var originalEnd: Int32
        /// `true` if scalar *i* of the stretch traces to `originalStart + i ..< originalStart + i + 1`
        /// (the stretch holds `originalEnd - originalStart` scalars); `false` if every scalar of
        /// the stretch traces to `originalStart..<originalEnd`.
        var isSequential: Bool

        /// The piece with its start `shift` bytes on.
        func moved(by shift: Int) -> Piece {
            Piece(start: start + Int32(shift), originalStart: originalStart, originalEnd: originalEnd, isSequential: isSequential)
        }
    }

    /// The pieces of a trace, the first one held inline: most texts are one piece, and then the
    /// trace needs no allocation of its own.
    struct PieceList: Sendable {
        private var first = Piece(start: 0, originalStart: 0, originalEnd: 0, isSequential: true)
        private var rest: [Piece] = []
        private(set) var count = 0

        subscript(k: Int) -> Piece { k == 0 ? first : rest[k - 1] }

        var last: Piece? { count == 0 ? nil : self[count - 1] }

        mutating func append(_ piece: Piece) {
            if count == 0 {
                first = piece
            } else {
                // An edited text has a piece for every run between edits: room for a few at once.
                if rest.capacity == 0 { rest.reserveCapacity(7) }
                rest.append(piece)
            }
            count += 1
        }

        mutating func removeLast() {
            precondition(count > 0, "no piece to remove")
            if count > 1 { rest.removeLast() }
            count -= 1
        }

        /// Moves the last piece's original end to `originalEnd`.
        mutating func extendLast(to originalEnd: Int32) {
            if count == 1 { first.originalEnd = originalEnd } else { rest[rest.count - 1].originalEnd = originalEnd }
        }

        mutating func reserveCapacity(_ capacity: Int) {
            if capacity > 1 { rest.reserveCapacity(capacity - 1) }
        }

        static func == (lhs: PieceList, rhs: PieceList) -> Bool {
            lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
        }
    }
}
