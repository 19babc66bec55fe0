import Analysis

/// What the tables of one run share, each part made once, by the first table that needs it
/// (a second waits for it): the terms as shown, their display order, which are listed, and their
/// text and part of speech formatted for the files; the documents in run order, with their
/// paths formatted. Without it every table found the terms' shown forms, sorted them, sorted the
/// documents (copying their summaries) and escaped the same text again for each of its rows.
final class ReportContext: Sendable {
    /// The terms, by id.
    struct Terms: Sendable {
        /// Each term as shown: its most frequent written form and its part of speech.
        let shown: [Term]
        /// Each term's place in display order (`Reports.displayRanks`): comparing places is
        /// comparing the terms shown.
        let ranks: [Int32]
        /// Whether the term is listed (within the run's `TermBounds`).
        let allowed: [Bool]
        /// The text and the part of speech shown, formatted.
        let texts: FormattedTexts
        let partsOfSpeech: FormattedTexts
    }

    /// The documents, in run order (input, then row).
    ///
    /// Tables read the summaries of `counts.documents` through a span (`documents.span[i].field`),
    /// field by field: the array's subscript copies a summary whole (retaining its strings and
    /// arrays, releasing them after) even to read one number, where the span's reads the field
    /// in place.
    struct Documents: Sendable {
        /// Indices of `counts.documents`, in run order.
        let order: [Int]
        /// Each document's path formatted, by place in run order.
        let paths: FormattedTexts
    }

    let counts: CorpusCounts
    let bounds: TermBounds
    private let termsOnce: ComputedOnce<Terms>
    private let byFrequencyOnce: ComputedOnce<[Int]>
    private let documentsOnce: ComputedOnce<Documents>

    /// The context of `counts`, with terms listed within `bounds`, and texts formatted for CSV
    /// files in `csv`'s dialect and, if `json`, for JSON files.
    init(_ counts: CorpusCounts, bounds: TermBounds = TermBounds(), csv: CSVFormat = .excel, json: Bool = false) {
        self.counts = counts
        self.bounds = bounds
        let termsOnce = ComputedOnce {
            let shown = Reports.displayTerms(counts)
            return Terms(
                shown: shown, ranks: Reports.displayRanks(shown), allowed: bounds.allowed(in: counts),
                texts: FormattedTexts(shown.map(\.text), csv: csv, json: json),
                partsOfSpeech: FormattedTexts(shown.map(\.partOfSpeech), csv: csv, json: json))
        }
        self.termsOnce = termsOnce
        byFrequencyOnce = ComputedOnce {
            let (termFrequency, terms) = (counts.termFrequency, termsOnce.value)
            return termFrequency.indices.filter { terms.allowed[$0] }.sorted { lhs, rhs in
                let (left, right) = (termFrequency[lhs], termFrequency[rhs])
                return left != right ? left > right : terms.ranks[lhs] < terms.ranks[rhs]
            }
        }
        documentsOnce = ComputedOnce {
            let order = counts.sortedDocumentIndices
            // Read through a span, field by field (see `Documents`).
            let documents = counts.documents.span
            let paths = order.map { documents[$0].path }
            return Documents(order: order, paths: FormattedTexts(paths, csv: csv, json: json))
        }
    }

    /// The context of a run's reports.
    convenience init(_ counts: CorpusCounts, options: Reports.Options) {
        self.init(counts, bounds: options.bounds, csv: options.csv, json: options.json)
    }

    var terms: Terms { termsOnce.value }
    /// The listed terms' ids by descending frequency, then in display order: the rows of
    /// `term_frequency.csv` and the columns of `dtm.mtx` (`dtm_terms.csv`), sorted once for the three.
    var termsByFrequency: [Int] { byFrequencyOnce.value }
    var documents: Documents { documentsOnce.value }
}

extension CSVTable.RowWriter {
    /// Adds the term `id` as two cells: its text as shown and its part of speech.
    @inline(__always)
    mutating func appendTerm(_ id: Int, of terms: ReportContext.Terms) {
        append(id, of: terms.texts)
        append(id, of: terms.partsOfSpeech)
    }
}
