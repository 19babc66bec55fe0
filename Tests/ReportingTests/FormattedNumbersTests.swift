import Testing

@testable import Reporting

/// Cells formatted once for many rows (`FormattedNumbers`, `CSVTable.RowWriter.formatted(cells:)`)
/// are the bytes the row writer writes for them cell by cell.
struct FormattedNumbersTests {
    /// A count and two decimals: plain values, a negative one, a zero, one too large for the
    /// integer path, a decimal on a tie (`%.6f`'s own rounding; both of those go to printf), an
    /// infinity (an empty cell) and thirds.
    let values: [(Double, Double)] = [
        (1.805515, 6.997791), (-0.25, 0), (0, 1e12), (0.0000005, 2.5), (.infinity, 3), (1 / 3, 2 / 3),
    ]

    func cellByCell(_ dialect: CSVFormat.Dialect) -> [UInt8] {
        var rows = CSVTable.RowWriter(csv: CSVFormat(dialect: dialect))
        for (index, (first, second)) in values.enumerated() {
            rows.append(.integer(index + 1))
            rows.append(.text("=SUM(A1)"))
            rows.append(integers: [1], decimals: [first, second])
            rows.endRow()
        }
        return rows.bytes
    }

    func formattedOnce(_ dialect: CSVFormat.Dialect) -> (bytes: [UInt8], cached: Int) {
        let numbers = FormattedNumbers(count: values.count) { item, text in
            CSVText.appendNumbers(integers: [1], decimals: [values[item].0, values[item].1], commaFirst: false, to: &text)
        }
        var rows = CSVTable.RowWriter(csv: CSVFormat(dialect: dialect))
        var cached = 0
        for (index, (first, second)) in values.enumerated() {
            let own = try! #require(
                rows.formatted {
                    $0.append(.integer(index + 1))
                    $0.append(.text("=SUM(A1)"))
                })
            rows.appendFormatted(own.span, cells: 2)
            if numbers.has(index) {
                numbers.append(index, cells: 3, to: &rows)
                cached += 1
            } else {
                rows.append(integers: [1], decimals: [first, second])
            }
            rows.endRow()
        }
        return (rows.bytes, cached)
    }

    @Test(arguments: [CSVFormat.Dialect.excel, .unix])
    func areTheBytesOfTheCellsWrittenOneByOne(dialect: CSVFormat.Dialect) {
        let (bytes, cached) = formattedOnce(dialect)
        #expect(bytes == cellByCell(dialect))
        // The tie and the value too large for the integer path go to printf: those two rows are
        // written cell by cell (the infinity's empty cell is formatted once like the others).
        #expect(cached == values.count - 2)
    }

    @Test func onlyACSVWriterTakesThem() {
        var json = CSVTable.RowWriter(jsonKeys: ["a", "b"])
        #expect(!json.writesCSV)
        #expect(json.formatted { $0.append(.integer(1)) } == nil)
        json.append(.integer(1))
        #expect(CSVTable.RowWriter(csv: CSVFormat(dialect: .unix)).writesCSV)
    }
}
