import Analysis
import Bytes
import Corpus
import Foundation

/// The tables with a row per document: `documents.csv`, `speakers.csv`, `document_themes.csv`
/// and `document_terms.csv`.
extension Reports {
    /// `documents.csv`: one row per document, in run order (`doc_id` counts from 1), then one
    /// column per document variable, in order of first appearance (empty where a document has none).
    public static func documents(_ counts: CorpusCounts) -> CSVTable {
        documents(ReportContext(counts))
    }

    static func documents(_ context: ReportContext) -> CSVTable {
        let (documents, paths) = (context.counts.documents, context.documents.paths)
        let order = context.documents.order
        // Documents of a table all have the same variables: only a document whose names differ
        // from the one before's (byte for byte) can add a column.
        var variableNames: [String] = []
        var previous: Int?
        for index in order {
            defer { previous = index }
            let all = documents.span
            let variables = all[index].variables
            let before = previous.map { all[$0].variables }
            if let before, sameNames(variables, before) { continue }
            for variable in variables where !variableNames.contains(variable.name) {
                variableNames.append(variable.name)
            }
        }
        let header = [
            "doc_id", "path", "record", "encoding", "bytes", "sha256", "characters", "paragraphs", "footnotes",
            "sentences", "tokens", "terms", "speakers",
        ]
        return CSVTable(header: header + variableNames, itemCount: order.count) { [variableNames] number, rows in
            rows.append(.integer(number + 1))
            rows.append(number, of: paths)
            // Read through a span, field by field (`ReportContext.Documents`).
            let variables = { () -> [DocumentVariable] in
                let documents = documents.span
                let index = order[number]
                rows.append(documents[index].record.map(CSVTable.Cell.integer) ?? .text(""))
                rows.append(.text(documents[index].encoding))
                rows.append(.integer(documents[index].byteCount))
                rows.append(.text(documents[index].sha256))
                rows.append(
                    integers: [
                        documents[index].characterCount, documents[index].paragraphCount, documents[index].footnoteCount,
                        documents[index].sentenceCount, documents[index].tokenCount, documents[index].termCount,
                        documents[index].speakers.count,
                    ], decimals: [])
                return documents[index].variables
            }()
            if variables.count == variableNames.count
                && zip(variables, variableNames).allSatisfy({ $0.name.hasSameUTF8(as: $1) })
            {
                for variable in variables { rows.append(.text(variable.value)) }
            } else {
                // A variable named twice in a document has its first value.
                for name in variableNames {
                    rows.append(.text(variables.first { $0.name == name }?.value ?? ""))
                }
            }
            rows.endRow()
        }
    }

    /// Whether two lists of variables have the same names, byte for byte.
    private static func sameNames(_ lhs: [DocumentVariable], _ rhs: [DocumentVariable]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.name.hasSameUTF8(as: $1.name) }
    }

    /// `speakers.csv`: per document, each speaker in order of their first turn, with their turns,
    /// paragraphs, sentences and characters.
    public static func speakers(_ counts: CorpusCounts) -> CSVTable {
        speakers(ReportContext(counts))
    }

    static func speakers(_ context: ReportContext) -> CSVTable {
        let (documents, order, paths) = (context.counts.documents, context.documents.order, context.documents.paths)
        return CSVTable(
            header: ["doc_id", "path", "speaker", "turns", "paragraphs", "sentences", "characters"], itemCount: order.count
        ) { number, rows in
            for speaker in documents.span[order[number]].speakers {
                rows.append(.integer(number + 1))
                rows.append(number, of: paths)
                rows.append(.text(speaker.name))
                rows.append(.integer(speaker.turns))
                rows.append(.integer(speaker.paragraphs))
                rows.append(.integer(speaker.sentences))
                rows.append(.integer(speaker.characters))
                rows.endRow()
            }
        }
    }

    /// `document_themes.csv`: one row per document and theme (zeros included, so the table is
    /// complete for pivoting): whether the theme is present, its occurrences and sentences.
    public static func documentThemes(_ counts: CorpusCounts) -> CSVTable {
        documentThemes(ReportContext(counts))
    }

    static func documentThemes(_ context: ReportContext) -> CSVTable {
        let (documents, order, paths) = (context.counts.documents, context.documents.order, context.documents.paths)
        let themeNames = FormattedTexts(context.counts.themeNames, as: paths)
        // Documents × themes rows: made as the table is written.
        return CSVTable(
            header: ["doc_id", "path", "theme", "present", "occurrences", "sentences"], itemCount: order.count
        ) { number, rows in
            let index = order[number]
            let (occurrences, sentences) = (documents.span[index].themeOccurrences, documents.span[index].themeSentences)
            for theme in 0..<themeNames.count {
                rows.append(.integer(number + 1))
                rows.append(number, of: paths)
                rows.append(theme, of: themeNames)
                rows.append(.integer(occurrences[theme] > 0 ? 1 : 0))
                rows.append(.integer(occurrences[theme]))
                rows.append(.integer(sentences[theme]))
                rows.endRow()
            }
        }
    }

    /// `document_terms.csv`: the document-term matrix in long form (rows only where a term occurs),
    /// with TF-IDF as quanteda computes it by default (`dfm_tfidf`: count × log10(N / df)) and as
    /// RMeCab's `docDF(weight = "tf*idf")` does (count × (log2(N / df) + 1)).
    public static func documentTerms(_ counts: CorpusCounts, bounds: TermBounds = TermBounds()) -> CSVTable {
        documentTerms(ReportContext(counts, bounds: bounds))
    }

    static func documentTerms(_ context: ReportContext) -> CSVTable {
        let counts = context.counts
        let terms = context.terms
        let allowed = terms.allowed
        let total = Double(counts.documentCount)
        // The terms in display order, found once: documents then sort by integers. Terms shown
        // alike go by id, as a stable sort of the ids by term leaves them.
        let byPlace = terms.ranks.indices.sorted { (terms.ranks[$0], $0) < (terms.ranks[$1], $1) }
        var places = [UInt32](repeating: 0, count: byPlace.count)
        for (place, id) in byPlace.enumerated() { places[id] = UInt32(place) }
        // Each term's inverse document frequencies, found once: count × these is the row's TF-IDF.
        let idf = counts.documentFrequency.map { frequency in
            let ratio = total / Double(frequency)
            return (quanteda: log10(ratio), rmecab: log2(ratio) + 1)
        }
        let (order, paths) = (context.documents.order, context.documents.paths)
        // A row's cells: the document's own, then its term's and the count's.
        @Sendable func appendDocument(_ number: Int, to rows: inout CSVTable.RowWriter) {
            rows.append(.integer(number + 1))
            rows.append(number, of: paths)
        }
        @Sendable func appendTerm(_ id: Int, count: Int, to rows: inout CSVTable.RowWriter) {
            rows.appendTerm(id, of: terms)
            rows.append(integers: [count], decimals: [Double(count) * idf[id].quanteda, Double(count) * idf[id].rmecab])
        }
        // Most rows count a term once (all but a few of a survey's), and those rows' cells after
        // the document's own depend on the term alone (one times an IDF is that IDF, to the bit):
        // each term's are formatted once, as a writer of the terms' CSV files writes them.
        var cells = CSVTable.RowWriter(csv: terms.texts.format)
        let once = FormattedCells(count: idf.count, guardsFormulas: terms.texts.format.guardsFormulas) { id, text in
            guard allowed[id] else { return false }
            appendTerm(id, count: 1, to: &cells)
            text.append(contentsOf: cells.bytes)
            // The next term's cells start a row of their own, in the same room.
            cells.endRow()
            cells.bytes.removeAll(keepingCapacity: true)
            return true
        }
        // Rows are made document by document as the table is written.
        let header = ["doc_id", "path", "term", "pos", "count", "tfidf", "tfidf_rmecab"]
        return CSVTable(header: header, itemCount: order.count) { [places] number, rows in
            // The document's own cells, formatted once for all its rows (CSV files).
            let own = rows.formatted { appendDocument(number, to: &$0) }
            // The document's listed terms by place: in display order.
            counts.forEachTerm(ofDocument: order[number], orderedBy: { allowed[Int($0)] ? places[Int($0)] : nil }) {
                place, count in
                let id = byPlace[Int(place)]
                if let own { rows.appendFormatted(own.span, cells: 2) } else { appendDocument(number, to: &rows) }
                if count == 1, once.serve(id, in: rows) {
                    once.append(id, cells: 5, to: &rows)
                } else {
                    appendTerm(id, count: count, to: &rows)
                }
                rows.endRow()
            }
        }
    }
}
