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
        let documents = counts.sortedDocuments
        return CSVTable(header: header, streamingRows: { emit in
            for document in documents {
                for line in document.kwic { try emit(row(line, path: document.path, record: document.record)) }
            }
        })
    }
}
