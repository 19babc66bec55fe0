import Foundation
import Testing
import TestSupport

@testable import Reporting

struct CSVTableTests {
    @Test func excelDialectHasBOMCRLFAndRFC4180Quoting() {
        let table = CSVTable(
            header: ["term", "count", "ratio"],
            rows: [
                [.text("a,b"), .integer(3), .decimal(1.0 / 3.0)],
                [.text("say \"hi\""), .integer(-2), .decimal(0)],
                [.text("line\nbreak"), .integer(0), .decimal(1)],
                [.text("𠮷野家😀"), .integer(1_000_000), .decimal(0.5)],
            ])
        let expected =
            "\u{FEFF}term,count,ratio\r\n\"a,b\",3,0.333333\r\n\"say \"\"hi\"\"\",-2,0.000000\r\n"
            + "\"line\nbreak\",0,1.000000\r\n𠮷野家😀,1000000,0.500000\r\n"
        #expect(table.excelCSV() == Data(expected.utf8))
    }

    @Test func writtenCellsReadBackIdentically() throws {
        let cells = ["a,b", "say \"hi\"", "line\nbreak\r\nagain", "𠮷", "😀", "=1+1", ""]
        let table = CSVTable(header: ["value", "n"], rows: cells.map { [.text($0), .integer(1)] })
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t.csv")
        try table.excelCSV().write(to: url)
        // Every cell reads back as written, but for the formula guard's leading quote.
        let expected = cells.map { $0.hasPrefix("=") ? "'" + $0 : $0 }
        #expect(try TestSupport.readCSV(url).dropFirst().map { $0[0] } == expected)
    }

    /// JSON rows: escaped text, numbers as JSON numbers with the CSV's six decimals, null for a
    /// measure without a value, and `column_N` keys for cells past the header.
    @Test func jsonHasOneObjectPerRowWithTheExactBytes() {
        let table = CSVTable(
            header: ["term", "n"],
            rows: [
                [.text("a\"b\n=c"), .integer(-3), .decimal(0.5), .decimal(.nan)],
                [.text("語"), .integer(1_000_000)],
            ])
        let expected =
            "[\n{\"term\":\"a\\\"b\\n=c\",\"n\":-3,\"column_3\":0.500000,\"column_4\":null},\n"
            + "{\"term\":\"語\",\"n\":1000000}\n]\n"
        #expect(String(decoding: table.json(), as: UTF8.self) == expected)
    }

    @Test func nonFiniteDecimalsAreLeftEmpty() {
        #expect(CSVTable.format(.nan) == "")
        #expect(CSVTable.format(.infinity) == "")
    }
}
