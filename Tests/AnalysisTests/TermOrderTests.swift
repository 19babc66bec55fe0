import Bytes
import Foundation
import Testing

@testable import Analysis

/// `Term.places(of:)`'s pieces against the standard library and Foundation (the places
/// themselves against `Term.<`: `ReportsTests.displayRanksCompareAsTheTermsDo`).
struct TermOrderTests {
    /// A text `isPlainlyNFC` passes is its own NFC, for every character of the BMP alone and
    /// after each of a few others (a composition needs two characters).
    @Test func textsPlainlyInNFCAreTheirOwnNFC() {
        var plain = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for before in ["", "a", "か", "カ", "ｶ", "地", "\u{1100}"] {
                let text = before + String(scalar)
                var copy = text
                guard copy.withUTF8Span({ Term.isPlainlyNFC($0) }) else { continue }
                plain += 1
                #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8), "\(before) U+\(String(value, radix: 16))")
            }
        }
        #expect(plain > 6 * 20_000)  // ASCII, Latin-1, kana, kanji and the full-width forms, six times
        var decomposed = "か\u{3099}"
        let plainlyNFC = decomposed.withUTF8Span { Term.isPlainlyNFC($0) }
        #expect(!plainlyNFC)
    }

    /// `SortedBytes` orders runs of bytes as `lexicographicallyPrecedes` does: runs of 0 to 12
    /// bytes of a few values, zeros among them (a prefix pads with zeros), around the eight bytes
    /// its number holds.
    @Test func sortedBytesOrderAsTheBytesDo() {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        var runs: [Range<Int>] = []
        for _ in 0..<400 {
            let start = bytes.count
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes.append([0x00, 0x01, 0x61, 0xE3, 0xFF][Int.random(in: 0..<5, using: &generator)])
            }
            runs.append(start..<bytes.count)
        }
        let span = bytes.span
        let keys = runs.map { Term.SortedBytes(span, $0) }
        for (left, lhs) in runs.enumerated() {
            for (right, rhs) in runs.enumerated() {
                let order = keys[left].order(keys[right], in: span)
                let (a, b) = (bytes[lhs], bytes[rhs])
                #expect((order < 0) == a.lexicographicallyPrecedes(b), "\(Array(a)) \(Array(b))")
                #expect((order == 0) == (a == b), "\(Array(a)) \(Array(b))")
            }
        }
    }
}
