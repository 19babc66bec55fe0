import Analysis

/// `kwic.csv`: the concordance lines every document keeps (`DocumentSummary.kwic`), in run
/// order, each with its document; also the table `kotoba kwic` prints.
public enum KwicTable {
    public static let header = [
        "path", "record", "paragraph", "sentence", "speaker", "match", "left", "keyword", "right", "start", "end",
    ]

    /// The row of `line`, from the document at `path` (`record`: its row in a table).
    public static func row(_ line: KwicLine, path: String, record: Int?) -> [CSVTable.Cell] {
        [
            .text(path), record.map(CSVTable.Cell.integer) ?? .text(""), .integer(line.paragraph),
            .integer(line.sentence), .text(line.speaker ?? ""), .text(line.match), .text(line.left),
            .text(line.keyword), .text(line.right), .integer(line.start), .integer(line.end),
        ]
    }

    /// Every document's lines, documents in run order, lines in text order.
    public static func table(_ counts: CorpusCounts) -> CSVTable {
        table(ReportContext(counts))
    }

    static func table(_ context: ReportContext) -> CSVTable {
        let (documents, order, paths) = (context.counts.documents, context.documents.order, context.documents.paths)
        return CSVTable(header: header, itemCount: order.count) { number, rows in
            let index = order[number]
            let (record, lines) = (documents.span[index].record, documents.span[index].kwic)
            for line in lines {
                rows.append(number, of: paths)
                rows.append(record.map(CSVTable.Cell.integer) ?? .text(""))
                rows.append(.integer(line.paragraph))
                rows.append(.integer(line.sentence))
                rows.append(.text(line.speaker ?? ""))
                rows.append(.text(line.match))
                rows.append(.text(line.left))
                rows.append(.text(line.keyword))
                rows.append(.text(line.right))
                rows.append(.integer(line.start))
                rows.append(.integer(line.end))
                rows.endRow()
            }
        }
    }
}
