import Foundation
import Testing

@testable import Reporting

/// The two CSV dialects, the formula guard, CP932 and Japanese headers, against bytes written out
/// by hand (CP932 bytes as `iconv -t cp932` gives them).
struct CSVFormatTests {
    static let risky = CSVTable(
        header: ["term", "n", "x"],
        rows: [
            [.text("=SUM(A1)"), .integer(-2), .decimal(-0.5)],
            [.text("+81"), .integer(1), .decimal(0)],
            [.text("-x"), .integer(1), .decimal(0)],
            [.text("@cmd"), .integer(1), .decimal(0)],
            [.text("\tTAB"), .integer(1), .decimal(0)],
            [.text("\rCR"), .integer(1), .decimal(0)],
            [.text("\nLF"), .integer(1), .decimal(0)],
            [.text("a=b"), .integer(1), .decimal(0)],
            [.text("-"), .integer(1), .decimal(0)],
        ])

    @Test func excelGuardsTextCellsThatStartLikeFormulasButNeverNumbers() throws {
        let text = String(decoding: try Self.risky.render(.excel, file: "t.csv"), as: UTF8.self)
        let expected =
            "\u{FEFF}term,n,x\r\n'=SUM(A1),-2,-0.500000\r\n'+81,1,0.000000\r\n'-x,1,0.000000\r\n"
            + "'@cmd,1,0.000000\r\n'\tTAB,1,0.000000\r\n\"'\rCR\",1,0.000000\r\n\"'\nLF\",1,0.000000\r\n"
            + "a=b,1,0.000000\r\n-,1,0.000000\r\n"
        #expect(text == expected)
    }

    @Test func unixDialectHasNoBOMNoGuardAndLF() throws {
        let text = String(decoding: try Self.risky.render(.unix, file: "t.csv"), as: UTF8.self)
        #expect(text.hasPrefix("term,n,x\n=SUM(A1),-2,-0.500000\n+81,1,"))
        #expect(!text.contains("\r\n"))
        #expect(!text.contains("'"))
    }

    @Test func standardOutputNeverGetsAByteOrderMark() throws {
        let data = try Self.risky.render(.excel, file: "-", toStandardOutput: true)
        #expect(Array(data.prefix(4)) == Array("term".utf8))
    }

    @Test func cp932HoldsJapaneseAndStopsAtWhatItCannotHold() throws {
        let format = CSVFormat(encoding: .cp932(substitute: false))
        let table = CSVTable(header: ["term"], rows: [[.text("中小企業")], [.text("𠮷野家")]])
        #expect(throws: ReportError.unencodable(path: "t.csv", character: "𠮷", codePoints: "U+20BB7", line: 3, column: 1)) {
            try table.render(format, file: "t.csv")
        }
        let fine = try CSVTable(header: ["term"], rows: [[.text("中小企業")]]).render(format, file: "t.csv")
        // No byte-order mark in CP932; 中小企業 is 92 86 8F AC 8A E9 8B C6.
        #expect(Array(fine) == Array("term\r\n".utf8.prefix(4)) + [0x0D, 0x0A, 0x92, 0x86, 0x8F, 0xAC, 0x8A, 0xE9, 0x8B, 0xC6, 0x0D, 0x0A])
        let replaced = try table.render(CSVFormat(encoding: .cp932(substitute: true)), file: "t.csv")
        // 𠮷 becomes ?; 野家 are 96 EC 89 C6.
        #expect(Array(replaced.suffix(7)) == [0x3F, 0x96, 0xEC, 0x89, 0xC6, 0x0D, 0x0A])
    }

    @Test func japaneseHeadersFollowKHCodersWording() throws {
        let table = Reports.termFrequency(ReportsTests.counts)
        let text = String(decoding: try table.render(CSVFormat(headerLanguage: .ja), file: "t.csv"), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}順位,抽出語,品詞,出現回数,文書数,文書の割合,出現文数\r\n"))
    }

    @Test func tablesAsJSONCarryTheSameCellsAsTheCSV() throws {
        let table = CSVTable(
            header: ["term", "n", "ratio"],
            rows: [[.text("=a,\"b\"\n𠮷😀"), .integer(3), .decimal(1.0 / 3.0)], [.text(""), .integer(0), .decimal(0)]])
        let parsed = try #require(try JSONSerialization.jsonObject(with: table.json()) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[0]["term"] as? String == "=a,\"b\"\n𠮷😀")
        #expect(parsed[0]["n"] as? Int == 3)
        #expect(abs((parsed[0]["ratio"] as? Double ?? 0) - 0.333333) < 1e-12)
        #expect(try JSONSerialization.jsonObject(with: CSVTable(header: ["a"]).json()) as? [Any] != nil)
    }
}
