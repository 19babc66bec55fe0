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
