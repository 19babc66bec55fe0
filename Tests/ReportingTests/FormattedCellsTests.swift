import Testing

@testable import Reporting

/// Cells formatted once for many rows (`FormattedCells`, `CSVTable.RowWriter.formatted(cells:)`)
/// are the bytes the row writer writes for them cell by cell.
struct FormattedCellsTests {
    /// A text (one a formula would start with, one to quote), a count and two decimals: plain
    /// values, a negative one, a zero, one too large for the integer path, a decimal on a tie
    /// (`%.6f`'s own rounding; both of those go to printf), an infinity (an empty cell) and thirds.
    let items: [(text: String, first: Double, second: Double)] = [
        ("地域", 1.805515, 6.997791), ("=SUM(A1)", -0.25, 0), ("a,b", 0, 1e12), ("\"引用\"", 0.0000005, 2.5),
        ("+1", .infinity, 3), ("支援", 1 / 3, 2 / 3),
    ]

    func cellByCell(_ format: CSVFormat) -> [UInt8] {
        var rows = CSVTable.RowWriter(csv: format)
        for (index, item) in items.enumerated() {
            rows.append(.integer(index + 1))
            rows.append(.text("-doc"))
            rows.append(.text(item.text))
            rows.append(integers: [1], decimals: [item.first, item.second])
            rows.endRow()
        }
        return rows.bytes
    }

    /// The rows with the cells formatted once, for files that guard formulas as `guards` says;
    /// and how many rows took them.
    func formattedOnce(_ format: CSVFormat, guards: Bool) -> (bytes: [UInt8], served: Int) {
        let cells = FormattedCells(count: items.count, guardsFormulas: guards) { index, text in
            CSVText.appendText(items[index].text, guardsFormulas: guards, to: &text)
            return CSVText.appendNumbers(
                integers: [1], decimals: [items[index].first, items[index].second], commaFirst: true, to: &text)
        }
        var rows = CSVTable.RowWriter(csv: format)
        var served = 0
        for (index, item) in items.enumerated() {
            let own = try! #require(
                rows.formatted {
                    $0.append(.integer(index + 1))
                    $0.append(.text("-doc"))
                })
            rows.appendFormatted(own.span, cells: 2)
            if cells.serve(index, in: rows) {
                cells.append(index, cells: 4, to: &rows)
                served += 1
            } else {
                rows.append(.text(item.text))
                rows.append(integers: [1], decimals: [item.first, item.second])
            }
            rows.endRow()
        }
        return (rows.bytes, served)
    }

    @Test(arguments: [CSVFormat.excel, .unix], [false, true])
    func areTheBytesOfTheCellsWrittenOneByOne(format: CSVFormat, guards: Bool) {
        let (bytes, served) = formattedOnce(format, guards: guards)
        #expect(bytes == cellByCell(format))
        // The tie and the value too large for the integer path go to printf: those two items
        // have no text. Cells formatted for the other guard serve no row.
        #expect(served == (guards == format.guardsFormulas ? items.count - 2 : 0))
    }

    @Test func onlyACSVWriterTakesThem() {
        var json = CSVTable.RowWriter(jsonKeys: ["a", "b"])
        #expect(!json.writesCSV(guardingFormulas: false) && !json.writesCSV(guardingFormulas: true))
        #expect(json.formatted { $0.append(.integer(1)) } == nil)
        json.append(.integer(1))
        #expect(CSVTable.RowWriter(csv: .unix).writesCSV(guardingFormulas: CSVFormat.unix.guardsFormulas))
    }
}
