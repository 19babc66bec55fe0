import Analysis
import Corpus
import Foundation

/// The tables of a run, computed from merged counts. Every row order is fixed by counts and then
/// by term text, so the same counts give the same bytes.
public enum Reports {

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
                rows.append(.integer(documents[index].characterCount))
                rows.append(.integer(documents[index].paragraphCount))
                rows.append(.integer(documents[index].footnoteCount))
                rows.append(.integer(documents[index].sentenceCount))
                rows.append(.integer(documents[index].tokenCount))
                rows.append(.integer(documents[index].termCount))
                rows.append(.integer(documents[index].speakers.count))
                return documents[index].variables
            }()
            if variables.count == variableNames.count
                && zip(variables, variableNames).allSatisfy({ sameBytes($0.name, $1) })
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
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { sameBytes($0.name, $1.name) }
    }

    /// Whether two strings have the same UTF-8 bytes (which makes them equal, without the
    /// normalization `==` may need).
    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8 { left in rhs.withUTF8 { left.elementsEqual($0) } }
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

    /// `term_frequency.csv`: every term by descending frequency. `rank` gives tied terms the same
    /// (lowest) rank, as quanteda's `ties_method = "min"`; `doc_ratio` is the share of documents
    /// that contain the term; `sentence_count` the sentences that contain it.
    public static func termFrequency(_ counts: CorpusCounts, bounds: TermBounds = TermBounds()) -> CSVTable {
        termFrequency(ReportContext(counts, bounds: bounds))
    }

    static func termFrequency(_ context: ReportContext) -> CSVTable {
        let counts = context.counts
        let terms = context.terms
        let (termFrequency, documentFrequency, sentenceFrequency) = (
            counts.termFrequency, counts.documentFrequency, counts.sentenceFrequency
        )
        let documentCount = counts.documentCount
        let order = termFrequency.indices.filter { terms.allowed[$0] }.sorted { lhs, rhs in
            let (left, right) = (termFrequency[lhs], termFrequency[rhs])
            return left != right ? left > right : terms.ranks[lhs] < terms.ranks[rhs]
        }
        // Each row's rank: its position, or the rank of the row before if their counts tie.
        var ranks = [Int](repeating: 1, count: order.count)
        for position in order.indices.dropFirst() {
            let tied = termFrequency[order[position]] == termFrequency[order[position - 1]]
            ranks[position] = tied ? ranks[position - 1] : position + 1
        }
        return CSVTable(
            header: ["rank", "term", "pos", "term_count", "doc_count", "doc_ratio", "sentence_count"],
            itemCount: order.count
        ) { [ranks] position, rows in
            let id = order[position]
            rows.append(.integer(ranks[position]))
            rows.appendTerm(id, of: terms)
            rows.append(.integer(termFrequency[id]))
            rows.append(.integer(documentFrequency[id]))
            rows.append(.decimal(ratio(documentFrequency[id], documentCount)))
            rows.append(.integer(sentenceFrequency[id]))
            rows.endRow()
        }
    }

    /// `cooccurrence.csv`: pairs of terms found together in at least `minimumCount` units (the
    /// counts' `unit`), with their 2×2 counts (a, b, c, d, n), Jaccard and the other measures of
    /// `AssociationMeasure` (empty where one has no value): see `pairColumns`. `term_a` sorts
    /// before `term_b`. Rows go by descending `measure` (Jaccard unless `--measure` says
    /// otherwise; pairs where it has no value last), then descending `a`, then by the terms.
    ///
    /// The pairs are sorted as compact (ids, display ranks, count, score) values, so ties compare
    /// integers instead of term text; each row is written into the file as it is made.
    public static func cooccurrence(
        _ counts: CorpusCounts, minimumCount: Int, bounds: TermBounds = TermBounds(), measure: AssociationMeasure = .jaccard
    ) -> CSVTable {
        cooccurrence(ReportContext(counts, bounds: bounds), minimumCount: minimumCount, measure: measure)
    }

    static func cooccurrence(_ context: ReportContext, minimumCount: Int, measure: AssociationMeasure) -> CSVTable {
        struct Pair {
            let first: Int32
            let second: Int32
            /// The terms' places in display order (`displayRanks`).
            let firstRank: Int32
            let secondRank: Int32
            let both: Int
            let score: Double
        }
        let counts = context.counts
        let terms = context.terms
        let (ranks, allowed) = (terms.ranks, terms.allowed)
        let (unitFrequency, unitCount) = (counts.unitFrequency, counts.unitCount)
        @Sendable func table(_ first: Int32, _ second: Int32, both: Int) -> PairCounts {
            PairCounts(both: both, first: unitFrequency[Int(first)], second: unitFrequency[Int(second)], units: unitCount)
        }
        var pairs: [Pair] = []
        for (key, both) in counts.pairUnits where both >= minimumCount {
            var (first, second) = (key.first, key.second)
            guard allowed[Int(first)] && allowed[Int(second)] else { continue }
            if ranks[Int(second)] < ranks[Int(first)] { swap(&first, &second) }
            let score = measure.score(table(first, second, both: both))
            pairs.append(
                Pair(
                    first: first, second: second, firstRank: ranks[Int(first)], secondRank: ranks[Int(second)], both: both,
                    score: score))
        }
        pairs.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.both != rhs.both { return lhs.both > rhs.both }
            if lhs.firstRank != rhs.firstRank { return lhs.firstRank < rhs.firstRank }
            return lhs.secondRank < rhs.secondRank
        }
        let unit = FormattedTexts([counts.unitName], as: terms.texts)
        return CSVTable(header: ["term_a", "pos_a", "term_b", "pos_b"] + pairColumns, itemCount: pairs.count) {
            [pairs] index, rows in
            let pair = pairs[index]
            rows.appendTerm(Int(pair.first), of: terms)
            rows.appendTerm(Int(pair.second), of: terms)
            appendPairCells(table(pair.first, pair.second, both: pair.both), unit: unit, to: &rows)
            rows.endRow()
        }
    }

    /// The columns every pair table ends with: the unit, the 2×2 table, Jaccard, and every other
    /// measure of `AssociationMeasure` but the count (that is `a`).
    static let pairColumns = ["unit", "a", "b", "c", "d", "n", "jaccard"] + pairMeasures.map(\.rawValue)

    /// The measures after Jaccard in a pair table, in `AssociationMeasure` order.
    static let pairMeasures = AssociationMeasure.allCases.filter { $0 != .count && $0 != .jaccard }

    /// The cells of `pairColumns` for `table` (empty where a measure has no value).
    static func pairCells(_ table: PairCounts, unit: String) -> [CSVTable.Cell] {
        var rows = CSVTable.RowWriter()
        appendPairCells(table, unit: FormattedTexts([unit]), to: &rows)
        rows.endRow()
        return rows.takeRows()[0]
    }

    /// Appends the cells of `pairColumns` for `table` to the current row of `rows`; `unit` is
    /// the unit's name, formatted.
    static func appendPairCells(_ table: PairCounts, unit: FormattedTexts, to rows: inout CSVTable.RowWriter) {
        rows.append(0, of: unit)
        rows.append(.integer(table.a))
        rows.append(.integer(table.b))
        rows.append(.integer(table.c))
        rows.append(.integer(table.d))
        rows.append(.integer(table.n))
        rows.append(.decimal(table.jaccard))
        for measure in pairMeasures { rows.append(.decimal(measure.value(table) ?? .nan)) }
    }

    /// `theme_terms.csv`: per theme, in theme-file order, the `top` terms most associated with it
    /// over sentences (KH Coder's 関連語検索 from a coding rule): by descending `measure`, then
    /// descending `a`, then by term; only terms in at least `minimumCount` of the theme's
    /// sentences. Each row carries the 2×2 table (a: sentences with theme and term, b: with the
    /// theme only, c: with the term only, d: neither) and the measures of `cooccurrence.csv`.
    public static func themeTerms(
        _ counts: CorpusCounts, top: Int, minimumCount: Int, bounds: TermBounds = TermBounds(),
        measure: AssociationMeasure = .jaccard
    ) -> CSVTable {
        themeTerms(ReportContext(counts, bounds: bounds), top: top, minimumCount: minimumCount, measure: measure)
    }

    static func themeTerms(_ context: ReportContext, top: Int, minimumCount: Int, measure: AssociationMeasure) -> CSVTable {
        let counts = context.counts
        let (shown, ranks, allowed) = (context.terms.shown, context.terms.ranks, context.terms.allowed)
        return CSVTable(header: ["theme", "rank", "term", "pos"] + pairColumns, streamingRows: { emit in
            for (theme, name) in counts.themeNames.enumerated() {
                var scored: [(id: Int, table: PairCounts, score: Double)] = []
                for (id32, both) in counts.themeTermSentences[theme] where both >= minimumCount && allowed[Int(id32)] {
                    let id = Int(id32)
                    let table = PairCounts(
                        both: both, first: counts.themeSentences[theme], second: counts.sentenceFrequency[id],
                        units: counts.sentenceCount)
                    scored.append((id, table, measure.score(table)))
                }
                let best = first(top, of: scored) { lhs, rhs in
                    if lhs.score != rhs.score { return lhs.score > rhs.score }
                    if lhs.table.a != rhs.table.a { return lhs.table.a > rhs.table.a }
                    return ranks[lhs.id] < ranks[rhs.id]
                }
                for (rank, item) in best.enumerated() {
                    try emit(
                        [.text(name), .integer(rank + 1), .text(shown[item.id].text), .text(shown[item.id].partOfSpeech)]
                            + pairCells(item.table, unit: CooccurrenceUnit.sentence.rawValue))
                }
            }
        })
    }

    /// `theme_cooccurrence.csv`: every pair of themes, in theme-file order, with the sentences
    /// where both occur, the 2×2 table over sentences and the measures of `cooccurrence.csv`
    /// (KH Coder's コード間の関連, whose default is Jaccard).
    public static func themeCooccurrence(_ counts: CorpusCounts) -> CSVTable {
        var rows: [[CSVTable.Cell]] = []
        for first in counts.themeNames.indices {
            for second in counts.themeNames.indices where second > first {
                let table = PairCounts(
                    both: counts.themePairSentences[first][second], first: counts.themeSentences[first],
                    second: counts.themeSentences[second], units: counts.sentenceCount)
                rows.append(
                    [.text(counts.themeNames[first]), .text(counts.themeNames[second])]
                        + pairCells(table, unit: CooccurrenceUnit.sentence.rawValue))
            }
        }
        return CSVTable(header: ["theme_a", "theme_b"] + pairColumns, rows: rows)
    }

    /// `themes.csv`: per theme, in the order of the theme file: its forms (joined by `" | "` in
    /// the CSV, an array in `themes.json`), occurrences, and the sentences and documents where it
    /// occurs, with their shares.
    public static func themes(_ counts: CorpusCounts, themes: [Theme]) -> CSVTable {
        CSVTable(
            header: [
                "theme", "forms", "occurrences", "sentences", "sentence_ratio", "documents", "document_ratio",
            ],
            rows: themes.indices.map { index in
                [
                    .text(themes[index].name), .list(themes[index].forms),
                    .integer(counts.themeOccurrences[index]), .integer(counts.themeSentences[index]),
                    .decimal(ratio(counts.themeSentences[index], counts.sentenceCount)),
                    .integer(counts.themeDocuments[index]),
                    .decimal(ratio(counts.themeDocuments[index], counts.documentCount)),
                ]
            })
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
        // Rows are made document by document as the table is written.
        let header = ["doc_id", "path", "term", "pos", "count", "tfidf", "tfidf_rmecab"]
        return CSVTable(header: header, itemCount: order.count) { [places] number, rows in
            // The document's listed terms as (place << 32 | count), sorted: in display order.
            var items: [UInt64] = []
            for (id, count) in counts.terms(ofDocument: order[number]) where allowed[Int(id)] {
                items.append(UInt64(places[Int(id)]) << 32 | UInt64(UInt32(truncatingIfNeeded: count)))
            }
            items.sort()
            for item in items {
                let id = byPlace[Int(item >> 32)]
                let count = Int(UInt32(truncatingIfNeeded: item))
                rows.append(.integer(number + 1))
                rows.append(number, of: paths)
                rows.appendTerm(id, of: terms)
                rows.append(.integer(count))
                rows.append(.decimal(Double(count) * idf[id].quanteda))
                rows.append(.decimal(Double(count) * idf[id].rmecab))
                rows.endRow()
            }
        }
    }

    /// `compound_candidates.csv`: noun compounds of two or more nouns, by FLR (KH Coder's 複合語の
    /// 検出), with how often each occurred as a whole and its LR.
    public static func compoundCandidates(_ counts: CorpusCounts) -> CSVTable {
        // A key holds its nouns joined by a separator byte: the compound is the key without it,
        // the nouns the key with a space for it.
        let separator = UInt8(ascii: "\u{1F}")
        let ranked = CompoundRanking.rankKeys(counts.compounds).filter { $0.key.joined.utf8.contains(separator) }
        return CSVTable(header: ["rank", "compound", "nouns", "frequency", "lr", "flr"], itemCount: ranked.count) {
            index, rows in
            let item = ranked[index]
            rows.append(.integer(index + 1))
            var key = item.key.joined
            key.withUTF8Span { key in
                var text: [UInt8] = []
                text.reserveCapacity(key.count)
                for position in key.indices where key[unchecked: position] != separator { text.append(key[unchecked: position]) }
                rows.appendText(utf8: text.span)
                text.removeAll(keepingCapacity: true)
                for position in key.indices {
                    let byte = key[unchecked: position]
                    text.append(byte == separator ? UInt8(ascii: " ") : byte)
                }
                rows.appendText(utf8: text.span)
            }
            rows.append(.integer(item.frequency))
            rows.append(.decimal(item.lr))
            rows.append(.decimal(item.flr))
            rows.endRow()
        }
    }

    /// `group_terms.csv`: each group's characteristic terms, those more frequent in the group than
    /// expected, by descending G², at most `top` a group; with the 2×2 table over term occurrences
    /// (a in the group, b elsewhere, c the group's other terms, d the rest), the expected a, G²
    /// and χ².
    public static func groupTerms(_ counts: CorpusCounts, top: Int, bounds: TermBounds = TermBounds()) -> CSVTable {
        groupTerms(ReportContext(counts, bounds: bounds), top: top)
    }

    static func groupTerms(_ context: ReportContext, top: Int) -> CSVTable {
        let counts = context.counts
        let (shown, ranks, allowed) = (context.terms.shown, context.terms.ranks, context.terms.allowed)
        let total = counts.groupTotals.values.reduce(0, +)
        // Each term's occurrences in all groups, summed once.
        var overallCounts = [Int](repeating: 0, count: counts.terms.count)
        for terms in counts.groupTerms.values {
            for (id, count) in terms { overallCounts[Int(id)] += count }
        }
        var rows: [[CSVTable.Cell]] = []
        for group in counts.groupTotals.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let inGroup = counts.groupTotals[group] ?? 0
            var scored: [(id: Int, table: PairCounts, g2: Double)] = []
            for (id32, a) in counts.groupTerms[group] ?? [:] where allowed[Int(id32)] {
                let id = Int(id32)
                let overall = overallCounts[id]
                let table = PairCounts(both: a, first: overall, second: inGroup, units: total)
                guard Double(a) > Keyness.expected(table) else { continue }
                scored.append((id, table, Keyness.logLikelihood(table)))
            }
            let best = first(top, of: scored) { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : ranks[$0.id] < ranks[$1.id] }
            for (rank, item) in best.enumerated() {
                rows.append([
                    .text(GroupName.shown(group)), .integer(rank + 1), .text(shown[item.id].text), .text(shown[item.id].partOfSpeech),
                    .integer(item.table.a), .integer(item.table.b), .integer(item.table.c), .integer(item.table.d),
                    .integer(item.table.n), .decimal(Keyness.expected(item.table)), .decimal(item.g2),
                    .decimal(Keyness.chiSquare(item.table)),
                ])
            }
        }
        return CSVTable(
            header: ["group", "rank", "term", "pos", "a", "b", "c", "d", "n", "expected", "g2", "chi2"], rows: rows)
    }

    /// Settings that shape the reports (not the counts).
    public struct Options: Sendable {
        public var minimumPairCount: Int
        public var bounds: TermBounds
        public var groupTop: Int
        /// Dialect, encoding and header language of the CSV files.
        public var csv: CSVFormat
        /// Also write each table as JSON (`--format json`).
        public var json: Bool
        /// Edges drawn in the co-occurrence network (ties at the cut are kept, as KH Coder does).
        public var networkEdges: Int
        /// Terms listed per theme in `theme_terms.csv`.
        public var themeTermsTop = 30
        /// The measure pairs are ranked and network edges chosen by.
        public var measure: AssociationMeasure
        /// The multivariate maps' settings.
        public var maps = MapOptions()
        /// Where the CSV files record their rows, for the files too long for Excel (a limit of
        /// its own in tests).
        public var spreadsheetRows = SpreadsheetRows()

        public init(
            minimumPairCount: Int = 2, bounds: TermBounds = TermBounds(), groupTop: Int = 30,
            csv: CSVFormat = .excel, json: Bool = false, networkEdges: Int = 60, measure: AssociationMeasure = .jaccard
        ) {
            self.minimumPairCount = minimumPairCount
            self.bounds = bounds
            self.groupTop = groupTop
            self.csv = csv
            self.json = json
            self.networkEdges = networkEdges
            self.measure = measure
        }
    }

    /// The tables of a run by file stem, in the order they are listed.
    public static func tables(counts: CorpusCounts, themes: [Theme], options: Options)
        -> [(stem: String, table: @Sendable () -> CSVTable)]
    {
        tables(ReportContext(counts, options: options), themes: themes, options: options)
    }

    static func tables(
        _ context: ReportContext, themes: [Theme], options: Options, maps shared: ComputedOnce<MultivariateMaps>? = nil
    ) -> [(stem: String, table: @Sendable () -> CSVTable)] {
        let counts = context.counts
        let maps = shared ?? ComputedOnce { MultivariateMaps(context, options: options.maps) }
        var tables: [(stem: String, table: @Sendable () -> CSVTable)] = [
            ("documents", { documents(context) }),
            ("term_frequency", { termFrequency(context) }),
            ("document_terms", { documentTerms(context) }),
            ("dtm_documents", { DocumentTermMatrix.documents(context) }),
            ("dtm_terms", { DocumentTermMatrix.terms(context) }),
            ("compound_candidates", { compoundCandidates(counts) }),
            ("cooccurrence", {
                cooccurrence(context, minimumCount: options.minimumPairCount, measure: options.measure)
            }),
            ("themes", { Reports.themes(counts, themes: themes) }),
            ("document_themes", { documentThemes(context) }),
            ("theme_cooccurrence", { themeCooccurrence(counts) }),
            ("theme_terms", {
                themeTerms(context, top: options.themeTermsTop, minimumCount: options.minimumPairCount, measure: options.measure)
            }),
            ("speakers", { speakers(context) }),
            ("kwic", { KwicTable.table(context) }),
            ("collocations", { CollocationTable.table(context) }),
        ]
        if counts.grouping != nil {
            tables.append(("group_terms", { groupTerms(context, top: options.groupTop) }))
            tables.append(("theme_by_group", { ThemeCrosstab.table(counts) }))
        }
        let mapTables: [(stem: String, table: @Sendable () -> CSVTable)] = [
            ("correspondence", { correspondence(maps.value, context, dimensions: options.maps.correspondenceDimensions) }),
            ("correspondence_inertia", { correspondenceInertia(maps.value) }),
            ("correspondence_table", { correspondenceTable(maps.value, context) }),
            ("clusters", { clusters(maps.value, context) }),
            ("cluster_merges", { clusterMerges(maps.value, context) }),
            ("cluster_distances", { clusterDistances(maps.value, context) }),
            ("mds", { mds(maps.value, context) }),
        ]
        return tables + mapTables
    }

    /// The report files of a run, ready for `ReportPublisher`: every table as CSV (and JSON if
    /// asked), `data_dictionary.csv`, `summary.json`, the co-occurrence network for Gephi in
    /// `graph/`, and `report.html`. The summary and the network (with its layout) are built once,
    /// here, for the files that share them; so are the terms as shown and the documents' order
    /// (`ReportContext`), for every table.
    public static func files(counts: CorpusCounts, themes: [Theme], options: Options) -> [ReportFile] {
        var files: [ReportFile] = []
        let format = options.csv
        let context = ReportContext(counts, options: options)
        // term_frequency.csv's table also gives the summary its top terms; a table written as CSV
        // and JSON is built once for both (for a streamed table, what its rows are made from: the
        // sorted pairs, say; the rows are made again for each file). Other tables are built in
        // their file's render, so each is freed as soon as it is written.
        let termFrequency = ComputedOnce { Reports.termFrequency(context) }
        let maps = ComputedOnce { MultivariateMaps(context, options: options.maps) }
        for (stem, make) in tables(context, themes: themes, options: options, maps: maps) {
            let table: @Sendable () -> CSVTable
            if stem == "term_frequency" {
                table = { termFrequency.value }
            } else if options.json {
                let shared = ComputedOnce(make)
                table = { shared.value }
            } else {
                table = make
            }
            files.append(csvFile(stem + ".csv", options: options) { table() })
            if options.json {
                files.append(ReportFile(name: stem + ".json") { sink in try table().json(file: stem + ".json", to: sink) })
            }
        }
        files.append(ReportFile(name: "dtm.mtx") { sink in try DocumentTermMatrix.write(context, to: sink) })
        files.append(csvFile("data_dictionary.csv", options: options) { ColumnCatalog.table() })
        if options.json {
            files.append(
                ReportFile(name: "data_dictionary.json") { sink in
                    try ColumnCatalog.table().json(file: "data_dictionary.json", to: sink)
                })
        }
        // The summary and the network (with its layout) are built by the first file that needs
        // them, on a writer thread, not before writing starts.
        let summary = ComputedOnce { ReportSummary(context, themes: themes, termFrequency: termFrequency.value) }
        files.append(ReportFile(name: "summary.json") { try summary.value.json() })
        let network = ComputedOnce {
            CooccurrenceNetwork.build(
                context,
                options: CooccurrenceNetwork.Options(
                    maximumEdges: options.networkEdges, minimumPairCount: options.minimumPairCount,
                    bounds: options.bounds, measure: options.measure))
        }
        files += [
            csvFile("graph/nodes.csv", options: options) { GraphExport.nodesTable(network.value) },
            csvFile("graph/edges.csv", options: options) { GraphExport.edgesTable(network.value) },
            ReportFile(name: "graph/cooccurrence.graphml") { GraphExport.graphML(network.value) },
            ReportFile(name: "graph/cooccurrence.gexf") { GraphExport.gexf(network.value) },
        ]
        let linked = files.map(\.name) + ["report.html", "manifest.json"]
        // Written after the others, so that it names the CSV files too long for Excel.
        var html = ReportFile(name: "report.html") {
            let network = network.value
            return HTMLReport.render(
                summary: summary.value,
                network: network.edges.isEmpty ? nil : NetworkSVG.render(network, canvas: network.canvas()),
                files: linked, tooLong: options.spreadsheetRows.overflowing, rowLimit: options.spreadsheetRows.limit,
                maps: MapSVG.section(maps.value, context))
        }
        html.rendersLast = true
        files.append(html)
        // The longest to write first: files are rendered in list order, a few at a time, so the
        // longest starts at once instead of being left to run alone at the end (workers with no
        // file left help write the rows of those still being written, but not sort them).
        // Compound candidates are a small file but slow to rank; they come second, before the
        // pairs' JSON, whose worker would only wait for the pairs the CSV's worker is sorting.
        let largestFirst = [
            "cooccurrence.csv", "compound_candidates.csv", "cooccurrence.json", "document_terms.csv",
            "document_terms.json", "dtm.mtx", "compound_candidates.json",
        ]
        return files.enumerated().sorted { lhs, rhs in
            let (left, right) = (
                largestFirst.firstIndex(of: lhs.element.name) ?? largestFirst.count,
                largestFirst.firstIndex(of: rhs.element.name) ?? largestFirst.count
            )
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The CSV file `name` of `table`, in the options' format, its rows recorded in
    /// `options.spreadsheetRows`.
    static func csvFile(_ name: String, options: Options, table: @escaping @Sendable () -> CSVTable) -> ReportFile {
        ReportFile(name: name) { sink in
            let rows = try table().render(options.csv, file: name, to: sink)
            options.spreadsheetRows.record(file: name, rows: rows)
        }
    }

    /// Each term as shown: its most frequent written form with its part of speech, by term id.
    static func displayTerms(_ counts: CorpusCounts) -> [Term] {
        counts.terms.indices.map { id in
            Term(text: counts.displayText(of: Int32(id)), partOfSpeech: counts.terms[id].partOfSpeech)
        }
    }

    /// Each term's place when the terms are sorted as shown (`Term`'s order), by term id; terms
    /// shown alike share a place. Comparing places is comparing the terms shown.
    ///
    /// The terms are sorted by what `Term.<` compares, found once per term rather than once per
    /// comparison: the UTF-8 bytes of text and part of speech, and, for `Term.<`'s test whether
    /// the texts are equal (canonical equivalence, as `String.==`), a number per distinct text.
    static func displayRanks(_ shown: [Term]) -> [Int32] {
        var textNumbers: [String: Int32] = [:]
        let textNumber = shown.map { term in
            if let number = textNumbers[term.text] { return number }
            let number = Int32(textNumbers.count)
            textNumbers[term.text] = number
            return number
        }
        let texts = shown.map { Array($0.text.utf8) }
        let partsOfSpeech = shown.map { Array($0.partOfSpeech.utf8) }
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            if textNumber[lhs] != textNumber[rhs] { return texts[lhs].lexicographicallyPrecedes(texts[rhs]) }
            return partsOfSpeech[lhs].lexicographicallyPrecedes(partsOfSpeech[rhs])
        }
        let sorted = shown.indices.sorted(by: precedes)
        var ranks = [Int32](repeating: 0, count: shown.count)
        var place: Int32 = 0
        for (position, id) in sorted.enumerated() {
            if position > 0 && precedes(sorted[position - 1], id) { place += 1 }
            ranks[id] = place
        }
        return ranks
    }

    /// The first `count` of `items` in the order `precedes` sorts them, items it leaves tied in
    /// their order: `items.sorted(by: precedes).prefix(count)` without sorting them all.
    ///
    /// - Complexity: O(*n* log *count*) comparisons, and O(*count*) moves for each item kept.
    static func first<Item>(_ count: Int, of items: [Item], by precedes: (Item, Item) -> Bool) -> [Item] {
        guard count > 0 else { return [] }
        // The best so far, in order. An item goes after every kept item it does not precede, so
        // tied items keep their order, as a stable sort keeps them.
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        for index in items.indices {
            if kept.count == count, let last = kept.last, !precedes(items[index], items[last]) { continue }
            var (low, high) = (0, kept.count)
            while low < high {
                let middle = (low + high) / 2
                if precedes(items[index], items[kept[middle]]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(index, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept.map { items[$0] }
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}
