import Bytes
import Foundation
import Testing
import TestSupport

/// The span helpers against plain Swift on arrays (`==`, `lexicographicallyPrecedes`,
/// `firstIndex(of:)`, shifts, `String(decoding:as:)`, `String(validating:as:)`), on random bytes
/// drawn from a fixed sequence.
struct ByteSpanTests {
    /// Short byte strings over a small alphabet, so that equal and prefix pairs are common.
    static func samples(count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in UInt8.random(in: 0x61...0x63, using: &random) }
        }
    }

    @Test func sameBytesIsArrayEquality() {
        let samples = Self.samples(count: 60, seed: 1)
        for left in samples {
            for right in samples {
                #expect(left.span.hasSameBytes(as: right.span) == (left == right), "\(left) \(right)")
            }
        }
    }

    @Test func compareBytesOrdersAsLexicographicallyPrecedes() {
        let samples = Self.samples(count: 60, seed: 2)
        for left in samples {
            for right in samples {
                let order = left.span.compareBytes(with: right.span)
                #expect((order < 0) == left.lexicographicallyPrecedes(right), "\(left) \(right)")
                #expect((order == 0) == (left == right), "\(left) \(right)")
            }
        }
    }

    @Test func firstIndexIsArraysFirstIndexInTheRange() {
        for bytes in Self.samples(count: 40, seed: 3) {
            for lower in 0...bytes.count {
                for upper in lower...bytes.count {
                    let expected = bytes[lower..<upper].firstIndex(of: 0x62)
                    #expect(bytes.span.firstIndex(of: 0x62, in: lower..<upper) == expected)
                }
            }
            #expect(bytes.span.firstIndex(of: 0x63) == bytes.firstIndex(of: 0x63))
        }
    }

    /// Words of every kind of byte (zero, the bytes looked for and their neighbours, bytes with the
    /// top bit set), so that a borrow across bytes in the word test would show.
    @Test func firstIndexOfAnyIsTheFirstMatchOfAPlainLoop() {
        var random = SplitMix(state: 5)
        let (a, b, c, d): (UInt8, UInt8, UInt8, UInt8) = (0x2C, 0x0A, 0x0D, 0x22)
        let alphabet: [UInt8] = [
            0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x2D, 0x41, 0x7F, 0x80, 0xAC, 0xE3, 0xFF,
        ]
        for _ in 0..<150 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                Bool.random(using: &random)
                    ? UInt8.random(in: 0...255, using: &random) : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let expected = bytes[start..<end].firstIndex { $0 == a || $0 == b || $0 == c || $0 == d } ?? end
                    #expect(
                        bytes.span.firstIndex(ofAny: a, b, c, d, from: start, to: end) == expected,
                        "\(bytes) \(start)..<\(end)")
                }
            }
        }
        // A byte one above a match, right after it, is the case the word test's borrow reaches.
        #expect([0x41, 0x2C, 0x2D, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41].span.firstIndex(ofAny: a, b, c, d, from: 0, to: 9) == 1)
        #expect([UInt8](repeating: 0xE3, count: 24).span.firstIndex(ofAny: a, b, c, d, from: 0, to: 24) == 24)
    }

    @Test func littleEndianWordIsTheBytesShiftedIn() {
        var random = SplitMix(state: 4)
        let bytes = (0..<64).map { _ in UInt8.random(in: 0...255, using: &random) }
        for offset in 0...(bytes.count - 8) {
            var expected: UInt64 = 0
            for index in 0..<8 { expected |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
            #expect(bytes.span.littleEndianWord(at: offset) == expected)
        }
        #expect([1, 0, 0, 0, 0, 0, 0, 0x80].span.littleEndianWord(at: 0) == 0x8000_0000_0000_0001)
    }

    @Test func appendCopiesTheSpanOrRange() {
        var bytes: [UInt8] = [9]
        let source: [UInt8] = [1, 2, 3, 4, 5]
        bytes.append(copying: source.span.extracting(1..<4))
        #expect(bytes == [9, 2, 3, 4])
        bytes.append(copying: bytes, 0..<2)
        #expect(bytes == [9, 2, 3, 4, 9, 2])
        bytes.append(copying: [UInt8]().span)
        #expect(bytes == [9, 2, 3, 4, 9, 2])
    }

    @Test func appendCopiesIntoGrowingArraysAsAppendContentsOfDoes() {
        // Every length 0…40 onto arrays at and past their capacity, against `append(contentsOf:)`.
        var generator = SplitMix(state: 7)
        for length in 0...40 {
            let source = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var copied: [UInt8] = [1, 2, 3]
            var expected = copied
            for _ in 0..<5 {
                copied.append(copying: source.span)
                expected.append(contentsOf: source)
            }
            #expect(copied == expected)
        }
    }

    @Test func varintsAreSevenBitsAByteLowFirst() {
        // Against a plain loop, on every bit length (0, 2⁷ − 1, 2⁷, …, 2⁶⁴ − 1).
        func reference(_ value: UInt64) -> [UInt8] {
            var (value, bytes) = (value, [UInt8]())
            repeat {
                bytes.append(UInt8(value & 0x7F) | (value >= 0x80 ? 0x80 : 0))
                value >>= 7
            } while value > 0
            return bytes
        }
        var values: [UInt64] = [0, UInt64.max]
        for bits in 1..<64 { values += [(1 << bits) - 1, 1 << bits, (1 << bits) + 1] }
        var written: [UInt8] = []
        var expected: [UInt8] = []
        for value in values {
            written.appendVarint(value)
            expected += reference(value)
        }
        #expect(written == expected)
        var offset = 0
        for value in values { #expect(written.span.trustedVarint(at: &offset) == value) }
        #expect(offset == written.count)
    }

    @Test func sameUTF8IsByteEqualityNotCanonicalEquivalence() {
        let (composed, decomposed) = ("が", "か\u{3099}")
        #expect(composed == decomposed && !composed.hasSameUTF8(as: decomposed))
        let long = String(repeating: "地域活性化", count: 20)
        #expect(long.hasSameUTF8(as: String(decoding: Array(long.utf8), as: UTF8.self)))
        #expect(!long.hasSameUTF8(as: long + "。") && !(long + "。").hasSameUTF8(as: long))
        #expect("".hasSameUTF8(as: "") && !"".hasSameUTF8(as: "a") && "年代".hasSameUTF8(as: "年代"))
        // Small strings (15 bytes or fewer, kept inline) and a string made from a slice compare
        // by their own bytes too.
        #expect("地域活性".hasSameUTF8(as: String(decoding: Array("地域活性".utf8), as: UTF8.self)))
        #expect(!"地域活性".hasSameUTF8(as: "地域活動"))
        let slice = String(long.dropFirst(5))
        #expect(slice.hasSameUTF8(as: String(repeating: "地域活性化", count: 19)))
    }

    @Test func lowBytesOfAWordAreAppendedLowFirst() {
        // With room for a whole word and without (the last bytes of the room), every count 0…8.
        let word: UInt64 = 0x0807_0605_0403_0201
        for room in [8, 9, 16, 3, 1, 0] {
            for count in 0...min(8, room) {
                var bytes: [UInt8] = [0xAA]
                bytes.append(addingCapacity: room) { text in
                    text.appendLowBytes(of: word, count: count)
                    #expect(text.count == count)
                }
                #expect(bytes == [0xAA] + Array(1...8).prefix(count).map(UInt8.init))
            }
        }
    }

    /// Valid UTF-8, and the ill-formed kinds: a stray continuation byte, an overlong form, a
    /// surrogate, a sequence cut short, a byte that never occurs (FF).
    static let texts: [[UInt8]] = [
        [], Array("abc".utf8), Array("地域の話。𠮷".utf8), [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE5, 0x9C],
        Array("ok".utf8) + [0xFF], Array("改行".utf8) + [0xE5],
    ]

    @Test(arguments: texts)
    func decodingMatchesTheStandardLibrary(_ bytes: [UInt8]) {
        #expect(String(decodingUTF8: bytes.span) == String(decoding: bytes, as: UTF8.self))
        #expect(String(exactUTF8: bytes.span) == String(validating: bytes, as: UTF8.self))
    }

    @Test func aStringLendsItsUTF8() {
        // Small (inline), large (allocated), and a substring of a bridged-free string.
        for text in ["", "a", "地域", String(repeating: "地域の話。", count: 100)] {
            var copy = text
            #expect(copy.withUTF8Span { span in (0..<span.count).map { span[$0] } } == Array(text.utf8))
            var substring = text.dropFirst()
            #expect(substring.withUTF8Span { span in (0..<span.count).map { span[$0] } } == Array(text.dropFirst().utf8))
        }
    }

    @Test func hashingASpanIsHashingItsBytes() {
        for bytes in Self.samples(count: 20, seed: 5) {
            var viaSpan = Hasher()
            viaSpan.combine(bytes: bytes.span)
            var viaBuffer = Hasher()
            bytes.withUnsafeBytes { viaBuffer.combine(bytes: $0) }
            #expect(viaSpan.finalize() == viaBuffer.finalize())
        }
    }
}

/// `String(lowercaseHex:)` against a digit-by-digit `String(format:)` of each byte.
struct LowercaseHexTests {
    @Test func everyByteIsTwoLowercaseDigits() {
        let bytes = (0...255).map(UInt8.init) + [0x0F, 0xF0, 0xA5]
        let hex = bytes.withUnsafeBytes { String(lowercaseHex: $0) }
        #expect(hex == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().withUnsafeBytes { String(lowercaseHex: $0) } == "")
    }
}
