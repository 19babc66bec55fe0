import Analysis
import Foundation

/// `document_terms.csv` as a sparse matrix: `dtm.mtx` in Matrix Market form (coordinate, integer,
/// general, indices from 1), which R's `Matrix::readMM` (then quanteda's `as.dfm`) and Python's
/// `scipy.io.mmread` load directly, with `dtm_documents.csv` naming its rows and `dtm_terms.csv`
/// its columns.
///
/// Row *i* is the document with `doc_id` *i* (run order, as in `documents.csv`); column *j* the
/// *j*-th term of `term_frequency.csv` (most frequent first, ties by term), so the first columns
/// are the frequent terms. An entry is a term's count in a document: the `count` column of
/// `document_terms.csv`, whose rows are exactly the matrix's nonzero entries (the same terms,
/// within the run's `--min-tf` … bounds).
enum DocumentTermMatrix {
    /// The terms listed, by id, in `term_frequency.csv`'s order: the matrix's columns.
    static func columns(_ context: ReportContext) -> [Int] {
        context.termsByFrequency
    }

    /// `dtm_documents.csv`: the matrix's rows.
    static func documents(_ context: ReportContext) -> CSVTable {
        let (documents, order, paths) = (context.counts.documents, context.documents.order, context.documents.paths)
        return CSVTable(header: ["row", "doc_id", "path", "record"], itemCount: order.count) { number, rows in
            rows.append(.integer(number + 1))
            rows.append(.integer(number + 1))
            rows.append(number, of: paths)
            let record = documents.span[order[number]].record
            rows.append(record.map(CSVTable.Cell.integer) ?? .text(""))
            rows.endRow()
        }
    }

    /// `dtm_terms.csv`: the matrix's columns.
    static func terms(_ context: ReportContext) -> CSVTable {
        let columns = columns(context)
        let (counts, terms) = (context.counts, context.terms)
        return CSVTable(header: ["column", "term", "pos", "term_count", "doc_count"], itemCount: columns.count) {
            index, rows in
            let id = columns[index]
            rows.append(.integer(index + 1))
            rows.appendTerm(id, of: terms)
            rows.append(.integer(counts.termFrequency[id]))
            rows.append(.integer(counts.documentFrequency[id]))
            rows.endRow()
        }
    }

    /// Writes `dtm.mtx` into `sink`: the banner, a comment naming the row and column files, the
    /// size line (documents, terms, entries), then one `row column count` line per entry, row by
    /// row, columns ascending. ASCII, LF line ends.
    ///
    /// The entries are written as a table of documents (`CSVTable.init(header:itemCount:rowsOf:)`
    /// without a header), so that the publisher's spare workers make them in pieces while the
    /// file is written, as they make the rows of `document_terms.csv`.
    static func write(_ context: ReportContext, to sink: ReportSink) throws(ReportError) {
        let columns = columns(context)
        var column = [Int32](repeating: 0, count: context.counts.terms.count)
        for (index, id) in columns.enumerated() { column[id] = Int32(index + 1) }
        let order = context.documents.order
        let counts = context.counts
        // The header's count of entries: every document with a column's term is one, which is
        // what the term's document frequency counts (a pass over every document's terms found
        // the same number).
        let entries = columns.reduce(0) { $0 + counts.documentFrequency[$1] }
        let file = "dtm.mtx"
        let lines = CSVTable(header: [], itemCount: order.count) { [column] number, rows in
            counts.forEachTerm(ofDocument: order[number], orderedBy: { column[Int($0)] > 0 ? UInt32(column[Int($0)]) : nil }) {
                matrixColumn, count in
                rows.appendLine { bytes in
                    CSVText.appendLine(number + 1, Int(matrixColumn), count, separator: UInt8(ascii: " "), to: &bytes)
                }
            }
        }
        var chunks = ChunkWriter(sink: sink, file: file, encoding: .utf8, chunkSize: CSVTable.chunkSize)
        var rows = CSVTable.RowWriter(csv: .unix, capacity: chunks.bufferCapacity)
        rows.bytes += (
            "%%MatrixMarket matrix coordinate integer general\n"
                + "% kotoba document-term matrix: rows are dtm_documents.csv (doc_id), columns dtm_terms.csv\n"
                + "\(order.count) \(columns.count) \(entries)\n").utf8
        try lines.writeRows(into: &rows, chunks: &chunks, file: file)
        try chunks.flush(&rows.bytes)
    }
}
