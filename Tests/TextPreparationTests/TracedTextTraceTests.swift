import Corpus
import Testing
import TestSupport

@testable import TextPreparation

/// The trace kept as pieces (`TracedText.Piece`): how an original is cut into sequential pieces,
/// how appends and edits add shared and sequential ones, and that the original offsets counted out
/// of the pieces are those of the characters, wherever a range starts and ends.
struct TracedTextTraceTests {
    typealias Piece = TracedText.Piece

    /// The pieces of `text`'s trace, in order.
    static func pieces(of text: TracedText) -> [Piece] {
        (0..<text.pieces.count).map { text.pieces[$0] }
    }

    /// ASCII, kana, kanji, a two-byte and a four-byte character: pieces are cut by bytes, and
    /// must not cut a character.
    static let mixed = String(repeating: "地域の活性化とabc😀é、", count: 200)

    @Test func aLongUneditedTextIsCutIntoBoundedSequentialPieces() {
        let text = TracedText(original: Self.mixed, offset: 7)
        let pieces = Self.pieces(of: text)
        let limit = TracedText.maximumSequentialLength
        #expect(pieces.count >= text.utf8.count / limit)
        #expect(pieces.first?.start == 0)
        for (k, piece) in pieces.enumerated() {
            let end = k + 1 < pieces.count ? Int(pieces[k + 1].start) : text.utf8.count
            let start = Int(piece.start)
            #expect(piece.isSequential)
            #expect(!UTF8Text.isContinuation(text.utf8[start]), "piece \(k) starts inside a character")
            #expect(end - start <= limit)
            // Cut as late as a character allows: only the last piece is much shorter.
            if k + 1 < pieces.count { #expect(end - start > limit - 4) }
            #expect(Int(piece.originalEnd - piece.originalStart) == UTF8Text.scalarCount(in: text.utf8, start..<end))
            if k > 0 { #expect(piece.originalStart == pieces[k - 1].originalEnd) }
        }
        #expect(pieces.last.map { Int($0.originalEnd) } == 7 + Self.mixed.unicodeScalars.count)
    }

    @Test func originalOffsetsAreTheCharactersOwnFromAnywhereInALongText() {
        let text = TracedText(original: Self.mixed, offset: 7)
        let starts = Array(text.utf8Offsets.dropLast())
        for (index, start) in starts.enumerated() {
            #expect(text.span(at: start) == Int32(7 + index)..<Int32(8 + index))
        }
        // Ranges that start and end in different pieces, and empty ones.
        var generator = SplitMix(state: 13)
        for _ in 0..<500 {
            let first = Int(generator.next() % UInt64(starts.count))
            let last = first + Int(generator.next() % UInt64(starts.count - first))
            let bytes = text.utf8Range(ofScalars: first..<last)
            #expect(text.originalRange(of: bytes) == (7 + first)..<(7 + last))
            #expect(text.originalRange(ofUTF8: bytes) == (7 + first)..<(7 + last))
            if !bytes.isEmpty { #expect(text[bytes].originalRange == (7 + first)..<(7 + last)) }
        }
    }

    @Test func copyingAnOriginalInRunsGivesItsPiecesBack() {
        // Runs appended one after another merge into the pieces the original would have.
        let text = TracedText(original: Self.mixed, offset: 2)
        let starts = text.utf8Offsets
        var copy = TracedText()
        var generator = SplitMix(state: 5)
        var from = 0
        while from < starts.count - 1 {
            let to = min(starts.count - 1, from + 1 + Int(generator.next() % 40))
            copy.append(text, range: starts[from]..<starts[to])
            from = to
        }
        #expect(copy == text)
        #expect(copy.resolvedSpans == text.resolvedSpans)
        #expect(Self.pieces(of: copy).allSatisfy { $0.isSequential })
        #expect(Self.pieces(of: copy).count <= Self.pieces(of: text).count + 1)
    }

    @Test func editsMakeSharedAndSequentialPieces() {
        // ｶﾞｲﾄﾞとABC as the normalizer would trace ガイドとABC, then a join and more text.
        let original = TracedText(original: "ｶﾞｲﾄﾞとABC", offset: 10)
        var text = TracedText()
        text.append("ガ", span: 10..<12)  // two originals: shared
        text.append("イ", span: 12..<13)  // one for one: sequential
        text.append("ド", span: 13..<15)
        text.append(original, range: 15..<21)  // とABC copied through
        text.appendInserted(" ")  // from nothing, at the end
        text.append("x", span: 19..<20)
        text.append("y", span: 20..<21)  // follows on: the same piece
        #expect(text.string == "ガイドとABC xy")
        #expect(
            Self.pieces(of: text) == [
                Piece(start: 0, originalStart: 10, originalEnd: 12, isSequential: false),
                Piece(start: 3, originalStart: 12, originalEnd: 13, isSequential: true),
                Piece(start: 6, originalStart: 13, originalEnd: 15, isSequential: false),
                Piece(start: 9, originalStart: 15, originalEnd: 19, isSequential: true),
                Piece(start: 15, originalStart: 19, originalEnd: 19, isSequential: false),
                Piece(start: 16, originalStart: 19, originalEnd: 21, isSequential: true),
            ])
        #expect(
            text.resolvedSpans == [10..<12, 12..<13, 13..<15, 15..<16, 16..<17, 17..<18, 18..<19, 19..<19, 19..<20, 20..<21])
        // A token's range maps to the originals it came from.
        #expect(text.originalRange(of: 0..<9) == 10..<15)  // ガイド ← ｶﾞｲﾄﾞ
        #expect(text.originalRange(of: 9..<13) == 15..<17)  // とA
        #expect(text.originalRange(of: 15..<16) == 19..<19)  // the inserted space
        #expect(text.originalRange(of: 15..<18) == 19..<21)
        #expect(text.originalRange(of: 3..<3) == 12..<12)
        #expect(text.originalRange(of: 18..<18) == 21..<21)
        // A slice inside a shared piece keeps the whole span; one across pieces each one's.
        #expect(text[0..<3].resolvedSpans == [10..<12])
        #expect(text[6..<13].resolvedSpans == [13..<15, 15..<16, 16..<17])
    }

    @Test func removingAndReplacingTheLastCharacterKeepTheTrace() {
        var text = TracedText(original: "ab――", offset: 4)
        // Collapse the dashes: the last one takes the span of both.
        text.removeLast()
        text.replaceLast(with: "―", extendingTo: 7..<8)
        #expect(text.string == "ab―")
        #expect(text.resolvedSpans == [4..<5, 5..<6, 6..<8])
        // Removing the character of a piece of its own drops the piece; removing from a
        // sequential piece shortens it.
        text.removeLast()
        #expect(Self.pieces(of: text) == [Piece(start: 0, originalStart: 4, originalEnd: 6, isSequential: true)])
        text.removeLast()
        #expect(Self.pieces(of: text) == [Piece(start: 0, originalStart: 4, originalEnd: 5, isSequential: true)])
        text.append("c", span: 5..<6)
        #expect(Self.pieces(of: text).count == 1)
        #expect(text.originalRange == 4..<6)
    }

    @Test func replacedCharactersOfAnotherWidthKeepEveryPieceInPlace() {
        // ASCII punctuation widened (one byte to three) in a text of several pieces.
        let sample = String(repeating: "(ab)地域、", count: 60)
        let text = TracedText(original: sample, offset: 1)
        let parentheses = text.utf8.indices.filter { text.utf8[$0] == UInt8(ascii: "(") || text.utf8[$0] == UInt8(ascii: ")") }
        let widened = text.replacingScalars(at: parentheses) { $0 == "(" ? "（" : "）" }
        #expect(widened.string == sample.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
        #expect(widened.resolvedSpans == text.resolvedSpans)
        #expect(Self.pieces(of: widened).count == Self.pieces(of: text).count)
    }
}
