import Foundation
import Testing

@testable import Corpus

struct UTF8TextTests {
    func decode(_ bytes: [UInt8]) throws(CorpusError) -> String {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CorpusError) -> String in try UTF8Text.decode(buffer, path: "x.txt") }
        }.get()
    }

    @Test func validTextDecodesAndTheByteOrderMarkIsDropped() throws {
        #expect(try decode(Array("地域".utf8)) == "地域")
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("地域".utf8)) == "地域")
        #expect(try decode([]) == "")
    }

    static let invalid: [([UInt8], Int)] = [
        ([0xE3, 0x81, 0x82, 0xE3, 0x81, 0x84, 0xFF], 6),  // あい, then a byte that never occurs in UTF-8
        ([0xE3, 0x81, 0x82, 0xE3, 0x81], 3),  // あ, then a sequence cut short at the end
        ([0x41, 0xC0, 0x80], 1),  // an overlong encoding of NUL
        ([0xED, 0xA0, 0x80], 0),  // a UTF-16 surrogate
        ([0x61, 0x62, 0x82, 0xA0], 2),  // ab, then Shift_JIS あ
    ]

    @Test(arguments: invalid)
    func invalidBytesAreRefusedWithTheirOffset(bytes: [UInt8], offset: Int) {
        #expect(throws: CorpusError.invalidUTF8(path: "x.txt", offset: offset)) { try decode(bytes) }
    }

    @Test func aNulByteMarksBinaryData() {
        #expect(throws: CorpusError.binary(path: "x.txt", offset: 3)) { try decode(Array("abc".utf8) + [0, 0x41]) }
    }

    @Test func messagesNameTheFileAndTheOffset() {
        #expect(CorpusError.invalidUTF8(path: "a/b.txt", offset: 12).description == "a/b.txt: invalid UTF-8 at byte offset 12")
        #expect(CorpusError.missing(path: "nope.txt").description == "nope.txt: no such file or directory")
    }
}
