import Bytes

extension CSVTable {
    /// Where a table's rows are written, cell by cell: straight into the bytes of a CSV or JSON
    /// file as it is written, with no array of cells or `String` per row, or kept as cells (for
    /// `rows`).
    ///
    ///     rows.append(.text(term.text))
    ///     rows.append(.integer(count))
    ///     rows.endRow()
    ///
    /// A text written into many rows (a term, a document's path) is better formatted once, as
    /// `FormattedTexts`, and appended from there.
    public struct RowWriter: Sendable {
        private enum Kind {
            case csv
            case json
            case cells
        }

        private let kind: Kind
        /// CSV: whether text cells get the formula guard; the line end is CRLF.
        private let guardsFormulas: Bool
        private let crlf: Bool
        /// JSON: each column's key (a string literal and a colon), by column.
        private let keys: [[UInt8]]
        /// JSON: whether the writer's first row is preceded by a separator as the others are
        /// (a piece of a file that may have rows before it).
        private let separatesFirstRow: Bool
        /// The file's text written so far (CSV and JSON).
        var bytes: [UInt8] = []
        /// The rows ended so far (cell mode).
        private(set) var rows: [[Cell]] = []
        /// The row being written (cell mode).
        private var row: [Cell] = []
        /// Cells written in the current row.
        private var column = 0
        /// Rows ended so far.
        private(set) var rowCount = 0

        private init(
            kind: Kind, guardsFormulas: Bool = false, crlf: Bool = false, keys: [[UInt8]] = [],
            separatesFirstRow: Bool = false, capacity: Int = 0
        ) {
            self.kind = kind
            self.guardsFormulas = guardsFormulas
            self.crlf = crlf
            self.keys = keys
            self.separatesFirstRow = separatesFirstRow
            bytes.reserveCapacity(capacity)
        }

        /// A writer of CSV bytes in `format`'s dialect (its encoding is the chunk writer's concern).
        init(csv format: CSVFormat, capacity: Int = 0) {
            self.init(kind: .csv, guardsFormulas: format.guardsFormulas, crlf: format.dialect == .excel, capacity: capacity)
        }

        /// A writer of JSON rows (see `CSVTable.json()`): each an object on its own line, keyed by
        /// `header`, after a comma unless it is the file's first row. The brackets are the file's.
        init(jsonKeys header: [String], separatesFirstRow: Bool = false, capacity: Int = 0) {
            self.init(
                kind: .json, keys: header.map { Array((JSONText.string($0) + ":").utf8) },
                separatesFirstRow: separatesFirstRow, capacity: capacity)
        }

        /// A writer that keeps the rows as cells.
        init() {
            self.init(kind: .cells)
        }

        /// An empty writer of the same kind for a piece of the same file, made apart and written
        /// after other rows (`RowPieces`), into `buffer` (emptied) with at least `capacity`.
        func piece(reusing buffer: [UInt8], capacity: Int) -> RowWriter {
            var writer = RowWriter(kind: kind, guardsFormulas: guardsFormulas, crlf: crlf, keys: keys, separatesFirstRow: true)
            writer.bytes = buffer
            writer.bytes.removeAll(keepingCapacity: true)
            writer.bytes.reserveCapacity(capacity)
            return writer
        }

        /// Drops the separator before a piece's first row, for a piece whose first row is the
        /// file's first.
        mutating func dropFirstRowSeparator() {
            if kind == .json && rowCount > 0 { bytes.removeFirst() }
        }

        /// Adds `cell` to the current row. A cell written as a literal (`.integer(count)`) comes
        /// down to its own case's writer where it is inlined.
        @inline(__always)
        public mutating func append(_ cell: Cell) {
            switch cell {
            case .text(let value): append(text: value)
            case .integer(let value): append(integer: value)
            case .decimal(let value): append(decimal: value)
            case .list(let items): append(list: items)
            }
        }

        /// Adds an integer cell.
        mutating func append(integer value: Int) {
            switch kind {
            case .csv:
                startCSVCell()
                CSVText.appendInteger(value, to: &bytes)
            case .json:
                startJSONCell()
                CSVText.appendInteger(value, to: &bytes)
            case .cells:
                row.append(.integer(value))
            }
        }

        /// Adds a decimal cell (six decimals; empty in CSV and null in JSON if not finite).
        mutating func append(decimal value: Double) {
            switch kind {
            case .csv:
                startCSVCell()
                CSVText.appendDecimal(value, to: &bytes)
            case .json:
                startJSONCell()
                if value.isFinite { CSVText.appendDecimal(value, to: &bytes) } else { bytes += "null".utf8 }
            case .cells:
                row.append(.decimal(value))
            }
        }

        /// Adds `integers` then `decimals` as cells: in CSV in one step (`CSVText.appendNumbers`),
        /// for the runs of numbers that end the rows of the largest tables.
        mutating func append<let integerCount: Int, let decimalCount: Int>(
            integers: InlineArray<integerCount, Int>, decimals: InlineArray<decimalCount, Double>
        ) {
            if kind == .csv
                && CSVText.appendNumbers(integers: integers, decimals: decimals, commaFirst: column > 0, to: &bytes)
            {
                column += integerCount + decimalCount
                return
            }
            for index in integers.indices { append(integer: integers[index]) }
            for index in decimals.indices { append(decimal: decimals[index]) }
        }

        /// Adds a text cell.
        mutating func append(text value: String) {
            switch kind {
            case .csv:
                startCSVCell()
                CSVText.appendText(value, guardsFormulas: guardsFormulas, to: &bytes)
            case .json:
                startJSONCell()
                JSONText.appendString(value, to: &bytes)
            case .cells:
                row.append(.text(value))
            }
        }

        /// Adds a list cell: its items joined in CSV, an array of strings in JSON.
        mutating func append(list items: [String]) {
            switch kind {
            case .csv:
                startCSVCell()
                CSVText.appendText(items.joined(separator: Cell.listSeparator), guardsFormulas: guardsFormulas, to: &bytes)
            case .json:
                startJSONCell()
                bytes.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONText.appendString(item, to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            case .cells:
                row.append(.list(items))
            }
        }

        /// Adds text `index` of `texts` to the current row, as formatted there when it was
        /// formatted for this kind of file.
        @inline(__always)
        mutating func append(_ index: Int, of texts: FormattedTexts) {
            switch kind {
            case .csv:
                startCSVCell()
                texts.appendCSV(index, guardsFormulas: guardsFormulas, to: &bytes)
            case .json:
                startJSONCell()
                texts.appendJSON(index, to: &bytes)
            case .cells:
                row.append(.text(texts.texts[index]))
            }
        }

        /// Adds a text cell given as the UTF-8 of a string.
        mutating func appendText(utf8: Span<UInt8>) {
            switch kind {
            case .csv:
                startCSVCell()
                CSVText.appendText(utf8: utf8, guardsFormulas: guardsFormulas, to: &bytes)
            case .json:
                startJSONCell()
                JSONText.appendString(utf8: utf8, to: &bytes)
            case .cells:
                row.append(.text(String(decodingUTF8: utf8)))
            }
        }

        /// The text of the cells `write` appends to a row, as this writer formats them (with the
        /// commas between them), for cells that many rows repeat (`appendFormatted(_:cells:)`):
        /// a document's own cells in each of its rows. `nil` unless this writer writes CSV.
        func formatted(cells write: (inout RowWriter) -> Void) -> [UInt8]? {
            guard kind == .csv else { return nil }
            var writer = RowWriter(kind: .csv, guardsFormulas: guardsFormulas, crlf: crlf)
            write(&writer)
            return writer.bytes
        }

        /// Whether this writer writes CSV (the only kind `appendFormatted(_:cells:)` serves) and
        /// guards formulas as `guardingFormulas` says.
        func writesCSV(guardingFormulas: Bool) -> Bool { kind == .csv && guardsFormulas == guardingFormulas }

        /// Adds `count` cells already formatted as this CSV writer would format them
        /// (`formatted(cells:)`, `FormattedCells`) to the current row.
        @inline(__always)
        mutating func appendFormatted(_ text: Span<UInt8>, cells count: Int) {
            precondition(kind == .csv && count > 0, "formatted cells are CSV cells")
            startCSVCell()
            bytes.append(copying: text)
            column += count - 1
        }

        /// Adds `cells` to the current row.
        public mutating func append(contentsOf cells: [Cell]) {
            for cell in cells { append(cell) }
        }

        @inline(__always)
        private mutating func startCSVCell() {
            if column > 0 { bytes.append(UInt8(ascii: ",")) }
            column += 1
        }

        @inline(__always)
        private mutating func startJSONCell() {
            if column == 0 {
                startJSONRow()
            } else {
                bytes.append(UInt8(ascii: ","))
            }
            if column < keys.count {
                bytes += keys[column]
            } else {
                bytes += (JSONText.string("column_\(column + 1)") + ":").utf8
            }
            column += 1
        }

        private mutating func startJSONRow() {
            if rowCount > 0 || separatesFirstRow { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(UInt8(ascii: "{"))
        }

        /// Ends the current row.
        @inline(__always)
        public mutating func endRow() {
            switch kind {
            case .csv:
                if crlf { bytes.append(0x0D) }
                bytes.append(0x0A)
            case .json:
                if column == 0 { startJSONRow() }
                bytes.append(UInt8(ascii: "}"))
            case .cells:
                rows.append(row)
                row.removeAll(keepingCapacity: true)
            }
            column = 0
            rowCount += 1
        }

        /// Adds a whole line that `write` appends to the text, counted as a row: for a file that
        /// is not a table of cells (`dtm.mtx`), written through the same pieces (CSV and JSON).
        @inline(__always)
        mutating func appendLine(_ write: (inout [UInt8]) -> Void) {
            write(&bytes)
            rowCount += 1
        }

        /// Takes the rows ended so far (cell mode), leaving none.
        mutating func takeRows() -> [[Cell]] {
            defer { rows = [] }
            return rows
        }
    }
}
