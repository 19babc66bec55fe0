extension CSVTable {
    /// Where a table's rows are written, cell by cell: straight into CSV bytes as the file is
    /// written, with no array of cells or `String` per row, or kept as cells (for JSON and `rows`).
    ///
    ///     rows.append(.text(term.text))
    ///     rows.append(.integer(count))
    ///     rows.endRow()
    public struct RowWriter {
        private enum Mode {
            case csv(guardsFormulas: Bool, crlf: Bool)
            case cells
        }

        private let mode: Mode
        /// The CSV written so far (CSV mode).
        var bytes: [UInt8] = []
        /// The rows ended so far (cell mode).
        private(set) var rows: [[Cell]] = []
        /// The row being written (cell mode).
        private var row: [Cell] = []
        /// Whether a cell of the current row has been written (CSV mode): the next needs a comma.
        private var isInsideRow = false

        /// A writer of CSV bytes in `format`'s dialect (its encoding is the chunk writer's concern).
        init(csv format: CSVFormat, capacity: Int = 0) {
            mode = .csv(guardsFormulas: format.guardsFormulas, crlf: format.dialect == .excel)
            bytes.reserveCapacity(capacity)
        }

        /// A writer that keeps the rows as cells.
        init() {
            mode = .cells
        }

        /// Adds `cell` to the current row.
        @inline(__always)
        public mutating func append(_ cell: Cell) {
            switch mode {
            case .csv(let guardsFormulas, _):
                if isInsideRow { bytes.append(UInt8(ascii: ",")) }
                isInsideRow = true
                switch cell {
                case .text(let value): CSVText.appendText(value, guardsFormulas: guardsFormulas, to: &bytes)
                case .integer(let value): CSVText.appendInteger(value, to: &bytes)
                case .decimal(let value): CSVText.appendDecimal(value, to: &bytes)
                }
            case .cells:
                row.append(cell)
            }
        }

        /// Adds `cells` to the current row.
        public mutating func append(contentsOf cells: [Cell]) {
            for cell in cells { append(cell) }
        }

        /// Ends the current row.
        @inline(__always)
        public mutating func endRow() {
            switch mode {
            case .csv(_, let crlf):
                if crlf { bytes.append(0x0D) }
                bytes.append(0x0A)
                isInsideRow = false
            case .cells:
                rows.append(row)
                row.removeAll(keepingCapacity: true)
            }
        }

        /// Takes the rows ended so far (cell mode), leaving none.
        mutating func takeRows() -> [[Cell]] {
            defer { rows = [] }
            return rows
        }
    }
}
