import Foundation
import Testing

@testable import Corpus

/// Byte vectors produced by Python's codecs (cp932, euc_jp, utf-16) for 地域の活性化を支援する。
struct TextDecoderTests {
    static let text = "地域の活性化を支援する。"
    static let cp932: [UInt8] = [
        0x92, 0x6E, 0x88, 0xE6, 0x82, 0xCC, 0x8A, 0x88, 0x90, 0xAB, 0x89, 0xBB, 0x82, 0xF0, 0x8E, 0x78, 0x89, 0x87,
        0x82, 0xB7, 0x82, 0xE9, 0x81, 0x42,
    ]
    static let eucJP: [UInt8] = [
        0xC3, 0xCF, 0xB0, 0xE8, 0xA4, 0xCE, 0xB3, 0xE8, 0xC0, 0xAD, 0xB2, 0xBD, 0xA4, 0xF2, 0xBB, 0xD9, 0xB1, 0xE7,
        0xA4, 0xB9, 0xA4, 0xEB, 0xA1, 0xA3,
    ]
    static let utf16LE: [UInt8] = [
        0x30, 0x57, 0xDF, 0x57, 0x6E, 0x30, 0x3B, 0x6D, 0x27, 0x60, 0x16, 0x53, 0x92, 0x30, 0x2F, 0x65, 0xF4, 0x63,
        0x59, 0x30, 0x8B, 0x30, 0x02, 0x30,
    ]
    static let utf16BE: [UInt8] = [
        0x57, 0x30, 0x57, 0xDF, 0x30, 0x6E, 0x6D, 0x3B, 0x60, 0x27, 0x53, 0x16, 0x30, 0x92, 0x65, 0x2F, 0x63, 0xF4,
        0x30, 0x59, 0x30, 0x8B, 0x30, 0x02,
    ]

    func decode(_ bytes: [UInt8], as encoding: TextEncoding? = nil) throws(CorpusError) -> TextDecoder.Decoded {
        try TextDecoder(encoding: encoding).decode(bytes, path: "x.txt")
    }

    @Test func everyEncodingIsRecognizedAndDecoded() throws {
        let cases: [([UInt8], TextEncoding)] = [
            (Array(Self.text.utf8), .utf8), ([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), .utf8BOM),
            ([0xFF, 0xFE] + Self.utf16LE, .utf16LE), ([0xFE, 0xFF] + Self.utf16BE, .utf16BE),
            (Self.cp932, .cp932), (Self.eucJP, .eucJP),
        ]
        for (bytes, encoding) in cases {
            #expect(try decode(bytes) == TextDecoder.Decoded(text: Self.text, encoding: encoding), "\(encoding)")
        }
    }

    @Test func utf16WithoutByteOrderMarkIsRecognizedWhenTheDetectorIsSure() throws {
        // Latin letters in UTF-16 hold NUL bytes, which lead to the detector.
        let line = Array("Report 2015: ".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + Self.utf16LE
        let bytes = Array(repeating: line, count: 20).flatMap { $0 }
        #expect(try decode(bytes).encoding == .utf16LE)
    }

    @Test func bytesThatDecodeOnlyAsGarbageAreRefused() {
        // 0x81 0x20 is no CP932; EUC-JP reads it as a C1 control and a space: not text.
        #expect(throws: CorpusError.undecodable(path: "x.txt", encoding: .utf8, offset: 0)) { try decode([0x81, 0x20]) }
        // 地域の in UTF-8 read as CP932 decodes, as half-width katakana and rare kanji.
        #expect(throws: CorpusError.self) { try decode(Array("地域".utf8) + [0x82, 0xA0]) }
    }

    @Test func aGivenEncodingIsUsed() throws {
        #expect(try decode(Self.cp932, as: .cp932).text == Self.text)
        // CP932's NEC extensions: ① ㈱, and the full-width tilde that Shift_JIS 0x8160 means.
        #expect(try decode([0x87, 0x40, 0x87, 0x8A, 0x81, 0x60], as: .cp932).text == "①㈱～")
        // docs/TEXT.md §9.2: 81 60 81 7C → U+FF5E U+FF0D.
        #expect(try decode([0x81, 0x60, 0x81, 0x7C], as: .cp932).text == "\u{FF5E}\u{FF0D}")
        // ICU's EUC-JP reads 0x92 as a C1 control and 0x6E as n: 0x88 0xE6 is where it fails.
        #expect(throws: CorpusError.invalidBytes(path: "x.txt", encoding: .eucJP, offset: 3)) {
            try decode(Self.cp932, as: .eucJP)
        }
    }

    static let invalidUTF8: [([UInt8], Int)] = [
        ([0xE3, 0x81, 0x82, 0xE3, 0x81, 0x84, 0xE3, 0x81, 0x86, 0xE3, 0x81, 0x88, 0xFF], 12),  // あいうえ, then 0xFF
        ([0x41, 0xC0, 0x80], 1),  // an overlong encoding of NUL
        ([0xED, 0xA0, 0x80], 0),  // a UTF-16 surrogate
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8IsRefusedWithItsOffset(bytes: [UInt8], offset: Int) {
        #expect(throws: CorpusError.invalidBytes(path: "x.txt", encoding: .utf8, offset: offset)) {
            try decode(bytes, as: .utf8)
        }
    }

    /// `UTF8Text.isValid` says what the standard library's validating decoder says: on every
    /// lead byte followed by every second byte and the edges of the third and fourth (each
    /// ill-formed kind of Table 3-7: overlong, surrogate, past U+10FFFF, stray continuation,
    /// truncated), alone, after ASCII, and after eight ASCII bytes (the word-at-a-time skip).
    @Test func theValidatorAgreesWithTheStandardLibrary() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE3, 0xFF]
        var checked = 0
        for lead in UInt8.min...UInt8.max {
            for second in UInt8.min...UInt8.max {
                for tail in [[], [0x80], [0xBF, 0x80], [0x41], [0x80, 0x41], [0xC0, 0x80]] as [[UInt8]] {
                    for prefix in [[], [0x61], Array("abcdefgh".utf8)] as [[UInt8]] {
                        let bytes = prefix + [lead, second] + tail
                        let expected = String(validating: bytes, as: UTF8.self) != nil
                        let valid = UTF8Text.isValid(bytes.span)
                        #expect(valid == expected, "\(bytes)")
                        checked += 1
                    }
                }
            }
            for third in edges {
                let bytes = [lead, 0x80, third, 0x80]
                let valid = UTF8Text.isValid(bytes.span)
                #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            }
        }
        #expect(checked == 256 * 256 * 18)
        let (text, empty, truncated) = (Array(Self.text.utf8), [UInt8](), [UInt8]([0xE3, 0x81]))
        let valid = [UTF8Text.isValid(text.span), UTF8Text.isValid(empty.span), UTF8Text.isValid(truncated.span)]
        #expect(valid == [true, true, false])
    }

    /// `decodeBytes` gives the bytes of what `decode` gives, with its encoding, and its errors:
    /// UTF-8 as it is; a byte-order mark dropped; the other encodings as their text's UTF-8.
    @Test func bytesDecodeAsTheTextDoes() throws {
        let inputs: [([UInt8], TextEncoding?)] = [
            (Array(Self.text.utf8), nil), (Array(Self.text.utf8), .utf8), ([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), nil),
            ([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), .utf8), ([0xFF, 0xFE] + Self.utf16LE, nil), (Self.cp932, nil),
            (Self.eucJP, nil), (Self.cp932, .cp932), ([], nil),
        ]
        for (bytes, encoding) in inputs {
            let decoder = TextDecoder(encoding: encoding)
            let text = try decoder.decode(bytes, path: "x.csv")
            let utf8 = try decoder.decodeBytes(Data(bytes), path: "x.csv")
            #expect(utf8.utf8 == Data(text.text.utf8), "\(bytes) as \(String(describing: encoding))")
            #expect(utf8.encoding == text.encoding)
        }
        for (bytes, offset) in Self.invalidUTF8 {
            #expect(throws: CorpusError.invalidBytes(path: "x.csv", encoding: .utf8, offset: offset)) {
                try TextDecoder(encoding: .utf8).decodeBytes(Data(bytes), path: "x.csv")
            }
        }
        #expect(throws: CorpusError.binary(path: "x.csv", offset: 3)) {
            try TextDecoder().decodeBytes(Data([0x61, 0x62, 0x63, 0x00, 0x64]), path: "x.csv")
        }
    }

    @Test func utf8WithABrokenSequenceIsNotMistakenForShiftJIS() {
        // Enough UTF-8 before the bad byte to show what the file is.
        let bytes = Array("地域の活性化と".utf8) + [0x82, 0xA0] + Array("支援".utf8)
        #expect(throws: CorpusError.invalidBytes(path: "x.txt", encoding: .utf8, offset: 21)) { try decode(bytes) }
    }

    @Test func shiftJISWithABrokenSequenceIsRefusedWhereItBreaks() {
        // 0x81 0x20: a lead byte followed by a space is no character in CP932, nor in EUC-JP or UTF-8.
        let bytes = Self.cp932 + [0x81, 0x20] + Self.cp932
        #expect(throws: CorpusError.undecodable(path: "x.txt", encoding: .cp932, offset: 24)) { try decode(bytes) }
    }

    @Test func binaryDataIsRefused() {
        #expect(throws: CorpusError.binary(path: "x.txt", offset: 3)) { try decode([0x61, 0x62, 0x63, 0x00, 0x64]) }
    }

    @Test func messagesNameTheFileTheEncodingAndTheOffset() {
        #expect(
            CorpusError.invalidBytes(path: "a/b.txt", encoding: .cp932, offset: 12).description
                == "a/b.txt: invalid Shift_JIS (CP932) at byte offset 12")
        #expect(CorpusError.missing(path: "nope.txt").description == "nope.txt: no such file or directory")
    }

    @Test func encodingNamesUsersWriteAreUnderstood() {
        #expect(TextEncoding(name: "Shift_JIS") == .cp932)
        #expect(TextEncoding(name: "sjis") == .cp932)
        #expect(TextEncoding(name: "EUC-JP") == .eucJP)
        #expect(TextEncoding(name: "utf-16le") == .utf16LE)
        #expect(TextEncoding(name: "latin1") == nil)
    }
}
