import Testing

@testable import Reporting

/// The listed terms' counts per column of the correspondence analysis, as the column is read:
/// terms not listed and zero counts left out, a term given twice in a row as one cell.
struct CorrespondenceColumnsTests {
    @Test func cellsAreTheListedTermsWithACountOnceEach() {
        // Term 2 is not listed; term 3 is given twice in a row in column 1; column 2 has no
        // listed term with a count.
        let columns: [[(id: Int32, count: Int)]] = [
            [(0, 1), (1, 2), (2, 5)],
            [(0, 4), (3, 1), (3, 2)],
            [(1, 0), (2, 7)],
            [(1, 3), (3, 1)],
        ]
        let cells = MultivariateMaps.ColumnCells(columns: columns.count, allowed: [true, true, false, true]) {
            column, body in
            for (id, count) in columns[column] { body(id, count) }
        }
        #expect(cells.count == 4)
        var read: [[[Int]]] = []
        for column in 0..<cells.count {
            var cellsOfColumn: [[Int]] = []
            cells.forEachCell(of: column) { id, count in cellsOfColumn.append([id, count]) }
            read.append(cellsOfColumn)
        }
        #expect(read == [[[0, 1], [1, 2]], [[0, 4], [3, 3]], [], [[1, 3], [3, 1]]])
    }

    /// Stored as the first pass reads them (`StoredCells`), the cells read the same, whatever room
    /// was reserved; a count beyond 32 bits leaves them not stored (read from their source again).
    @Test func storedCellsReadAsTheirSource() {
        let columns: [[(id: Int32, count: Int)]] = [[(0, 1), (1, 2), (2, 5)], [(0, 4), (3, 1), (3, 2)], [], [(1, 3), (3, 1)]]
        let allowed = [true, true, false, true]
        let source = MultivariateMaps.ColumnCells(columns: columns.count, cellBound: 8, allowed: allowed) { column, body in
            for (id, count) in columns[column] { body(id, count) }
        }
        func read(_ cells: some MultivariateMaps.CellColumns) -> [[[Int]]] {
            (0..<cells.count).map { column in
                var cellsOfColumn: [[Int]] = []
                cells.forEachCell(of: column) { id, count in cellsOfColumn.append([id, count]) }
                return cellsOfColumn
            }
        }
        for capacity in [0, 6, source.cellBound] {
            var stored = MultivariateMaps.StoredCells(columns: source.count, capacity: capacity)
            for column in 0..<source.count {
                source.forEachCell(of: column) { id, count in stored.add(id, count) }
                stored.endColumn()
            }
            #expect(stored.isComplete)
            #expect(read(stored) == read(source), "capacity \(capacity)")
        }
        var huge = MultivariateMaps.StoredCells(columns: 1, capacity: 1)
        huge.add(0, Int(Int32.max) + 1)
        #expect(!huge.isComplete)
    }
}
