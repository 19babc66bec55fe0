import Corpus

/// What the trace tells without counting characters: the stretches of the original a text leaves
/// out, every scalar's span resolved, and equality by characters and spans.
extension TracedText {
    /// A stretch of the original that the text leaves out between two of its characters.
    public struct Gap: Sendable, Equatable {
        /// The stretch, in original scalar offsets.
        public var original: Range<Int>
        /// `true` if the text has a character inserted from nothing there (the space glued
        /// between two Latin words of joined lines), `false` if it goes straight on.
        public var bridged: Bool

        public init(original: Range<Int>, bridged: Bool) {
            self.original = original
            self.bridged = bridged
        }
    }

    /// The stretches of the original skipped between consecutive characters of the text, in
    /// order: where lines were joined (the line break, and what layout repair removed with it),
    /// or characters were dropped. Read from the trace's pieces, without counting characters.
    public var gaps: [Gap] {
        var gaps: [Gap] = []
        var end: Int32?
        var inserted = false
        for k in 0..<pieces.count {
            let piece = pieces[k]
            guard piece.originalStart < piece.originalEnd else {
                inserted = true
                continue
            }
            if let end, piece.originalStart > end {
                gaps.append(Gap(original: Int(end)..<Int(piece.originalStart), bridged: inserted))
            }
            end = max(end ?? piece.originalEnd, piece.originalEnd)
            inserted = false
        }
        return gaps
    }

    /// The original span of every scalar, in order: the trace resolved, for comparing texts.
    package var resolvedSpans: [Range<Int32>] {
        var spans: [Range<Int32>] = []
        for k in 0..<pieces.count {
            let piece = pieces[k]
            var offset = piece.originalStart
            for index in Int(piece.start)..<end(ofPiece: k) where !UTF8Text.isContinuation(utf8[index]) {
                if piece.isSequential {
                    spans.append(offset..<(offset + 1))
                    offset += 1
                } else {
                    spans.append(piece.originalStart..<piece.originalEnd)
                }
            }
        }
        return spans
    }
}

extension TracedText: Equatable {
    /// Same characters with the same spans, however the trace is cut into pieces.
    public static func == (lhs: TracedText, rhs: TracedText) -> Bool {
        lhs.utf8 == rhs.utf8 && (lhs.pieces == rhs.pieces || lhs.resolvedSpans == rhs.resolvedSpans)
    }
}
