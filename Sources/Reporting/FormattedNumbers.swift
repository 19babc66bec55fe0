/// Numeric cells that many rows of a table repeat, formatted once as CSV text, by item: the
/// count and TF-IDFs of a term counted once in a document, say (`Reports.documentTerms`), which
/// depend on the term alone. A number's CSV text is the same in both dialects, so one text
/// serves both; JSON files write their cells themselves.
struct FormattedNumbers: Sendable {
    /// The items' texts end to end; item `i`'s runs from `starts[i]` to `starts[i + 1]`, empty
    /// where the item has none.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]

    /// Formats the cells of items `0..<count`: `format` appends item `i`'s text (its cells with
    /// the commas between them, none before) and returns whether it did; an item it leaves out
    /// is written cell by cell by the table.
    init(count: Int, format: (_ item: Int, _ text: inout [UInt8]) -> Bool) {
        starts.reserveCapacity(count + 1)
        for item in 0..<count {
            let start = bytes.count
            if !format(item, &bytes) { bytes.removeSubrange(start...) }
            precondition(bytes.count <= Int(Int32.max), "formatted numbers of 2 GB or more")
            starts.append(Int32(bytes.count))
        }
    }

    /// Whether item `item` has a text.
    func has(_ item: Int) -> Bool { starts[item + 1] > starts[item] }

    /// Appends item `item`'s text, `cells` cells, to the current row of `rows` (a CSV writer).
    @inline(__always)
    func append(_ item: Int, cells: Int, to rows: inout CSVTable.RowWriter) {
        rows.appendFormatted(bytes.span.extracting(Int(starts[item])..<Int(starts[item + 1])), cells: cells)
    }
}
