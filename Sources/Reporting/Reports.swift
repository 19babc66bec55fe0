import Analysis
import Corpus
import Foundation

/// The tables of a run, computed from merged counts. Every row order is fixed by counts and then
/// by term text, so the same counts give the same bytes.
public enum Reports {

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
        // The maps are small files but slow to compute (Kruskal's scaling, the correspondence
        // analysis over every document): their first files come next, so that the maps are
        // made while the large tables can still be shared, not at the end by one worker while
        // the other waits for them. The network (its layout) is built by the first graph file: it
        // comes after the large files, not among the small ones at the end, where the workers
        // given the other graph files and report.html would wait for it.
        let largestFirst = [
            "cooccurrence.csv", "compound_candidates.csv", "mds.csv", "correspondence.csv", "cooccurrence.json",
            "document_terms.csv", "document_terms.json", "dtm.mtx", "compound_candidates.json", "graph/nodes.csv",
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
}
