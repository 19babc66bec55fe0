import Testing

@testable import Reporting

/// The listed terms' counts per column of the correspondence analysis, gathered flat and sorted
/// by term: what a dictionary per column, then one per term, gave before.
struct CorrespondenceColumnsTests {
    @Test func cellsGoByTermThenColumn() {
        // Term 2 is not listed; term 3 is given twice in column 1; column 2 has no listed term.
        let columns: [[(id: Int32, count: Int)]] = [
            [(1, 2), (0, 1), (2, 5)],
            [(3, 1), (0, 4), (3, 2)],
            [(2, 7), (1, 0)],
            [(1, 3), (3, 1)],
        ]
        let cells = MultivariateMaps.ColumnCells(
            columns: columns.count, terms: 4, allowed: [true, true, false, true],
            forEachCell: { column, body in for (id, count) in columns[column] { body(id, count) } })
        func cellsOf(_ id: Int) -> [[Int]] {
            cells.cells(of: id).map { [Int(cells.columns[$0]), cells.counts[$0]] }
        }
        #expect(cellsOf(0) == [[0, 1], [1, 4]])
        #expect(cellsOf(1) == [[0, 2], [3, 3]])
        #expect(cellsOf(2).isEmpty)
        #expect(cellsOf(3) == [[1, 3], [3, 1]])
        #expect(cells.columnHasTerms == [true, true, false, true])
    }
}
