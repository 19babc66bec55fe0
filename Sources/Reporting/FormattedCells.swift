/// Cells that many rows of a table repeat, formatted once as CSV text, by item: a term's text,
/// part of speech, count and TF-IDFs in every document that counts it once
/// (`Reports.documentTerms`), which depend on the term alone. They are formatted for CSV files
/// that guard formulas as `guardsFormulas` says (numbers read the same either way); a CSV file
/// that does not, and JSON files, write the cells themselves.
struct FormattedCells: Sendable {
    /// Whether the texts among the cells carry the formula guard (`CSVFormat.guardsFormulas`).
    let guardsFormulas: Bool
    /// The items' texts end to end; item `i`'s runs from `starts[i]` to `starts[i + 1]`, empty
    /// where the item has none.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]

    /// Formats the cells of items `0..<count`: `format` appends item `i`'s text (its cells with
    /// the commas between them, none before) and returns whether it did; an item it leaves out
    /// is written cell by cell by the table.
    init(count: Int, guardsFormulas: Bool, format: (_ item: Int, _ text: inout [UInt8]) -> Bool) {
        self.guardsFormulas = guardsFormulas
        starts.reserveCapacity(count + 1)
        for item in 0..<count {
            let start = bytes.count
            if !format(item, &bytes) { bytes.removeSubrange(start...) }
            precondition(bytes.count <= Int(Int32.max), "formatted cells of 2 GB or more")
            starts.append(Int32(bytes.count))
        }
    }

    /// Whether item `item` has a text, for `rows`: a CSV writer that guards formulas as these
    /// cells do.
    @inline(__always)
    func serve(_ item: Int, in rows: CSVTable.RowWriter) -> Bool {
        starts[item + 1] > starts[item] && rows.writesCSV(guardingFormulas: guardsFormulas)
    }

    /// Appends item `item`'s text, `cells` cells, to the current row of `rows` (see `serve`).
    @inline(__always)
    func append(_ item: Int, cells: Int, to rows: inout CSVTable.RowWriter) {
        rows.appendFormatted(bytes.span.extracting(Int(starts[item])..<Int(starts[item + 1])), cells: cells)
    }
}
