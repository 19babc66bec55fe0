import Analysis
import Multivariate

/// The tables of the multivariate maps (`MultivariateMaps`), from the maps computed once.
extension Reports {
    /// `correspondence_inertia.csv`: each axis's eigenvalue (principal inertia), singular value,
    /// share of the total inertia and cumulative share.
    static func correspondenceInertia(_ maps: MultivariateMaps) -> CSVTable {
        let header = ["dimension", "eigenvalue", "singular_value", "share", "cumulative_share"]
        guard let analysis = maps.correspondence.analysis else { return CSVTable(header: header, rows: []) }
        let eigenvalues = analysis.eigenvalues
        let total = analysis.totalInertia
        var cumulative = 0.0
        return CSVTable(
            header: header,
            rows: eigenvalues.indices.map { k in
                cumulative += eigenvalues[k]
                return [
                    .integer(k + 1), .decimal(eigenvalues[k]), .decimal(analysis.singularValues[k]),
                    .decimal(total > 0 ? eigenvalues[k] / total : 0), .decimal(total > 0 ? cumulative / total : 0),
                ]
            })
    }

    /// `correspondence.csv`: every term, then every group (or document), on each of the first
    /// `dimensions` axes: mass, standard and principal coordinates, contribution to the axis.
    static func correspondence(_ maps: MultivariateMaps, _ context: ReportContext, dimensions: Int) -> CSVTable {
        let header = ["kind", "label", "pos", "frequency", "mass", "dimension", "standard", "principal", "contribution"]
        let map = maps.correspondence
        guard let analysis = map.analysis else { return CSVTable(header: header, rows: []) }
        let shown = context.terms.shown
        let axes = min(dimensions, analysis.singularValues.count)
        var rows: [[CSVTable.Cell]] = []
        let (rowPrincipal, columnPrincipal) = (analysis.rowPrincipal, analysis.columnPrincipal)
        for (i, id) in map.terms.enumerated() {
            for k in 0..<axes {
                let standard = analysis.rowStandard[i][k]
                rows.append([
                    .text("term"), .text(shown[id].text), .text(shown[id].partOfSpeech), .integer(map.table[i].reduce(0, +)),
                    .decimal(analysis.rowMasses[i]), .integer(k + 1), .decimal(standard), .decimal(rowPrincipal[i][k]),
                    .decimal(analysis.rowMasses[i] * standard * standard),
                ])
            }
        }
        for (j, label) in map.labels.enumerated() {
            for k in 0..<axes {
                let standard = analysis.columnStandard[j][k]
                rows.append([
                    .text(map.kind), .text(label), .text(""), .integer(map.table.reduce(0) { $0 + $1[j] }),
                    .decimal(analysis.columnMasses[j]), .integer(k + 1), .decimal(standard),
                    .decimal(columnPrincipal[j][k]), .decimal(analysis.columnMasses[j] * standard * standard),
                ])
            }
        }
        return CSVTable(header: header, rows: rows)
    }

    /// `correspondence_table.csv`: the table analysed, in long form (cells with a count only):
    /// terms by descending χ², columns as in `correspondence.csv`.
    static func correspondenceTable(_ maps: MultivariateMaps, _ context: ReportContext) -> CSVTable {
        let map = maps.correspondence
        let shown = context.terms.shown
        var rows: [[CSVTable.Cell]] = []
        for (i, id) in map.terms.enumerated() {
            for (j, label) in map.labels.enumerated() where map.table[i][j] > 0 {
                rows.append([.text(shown[id].text), .text(shown[id].partOfSpeech), .text(label), .integer(map.table[i][j])])
            }
        }
        return CSVTable(header: ["term", "pos", "label", "count"], rows: rows)
    }

    /// `clusters.csv`: the clustered terms by descending frequency (`number` is the term's
    /// number in `cluster_merges.csv`), with their cluster when the tree is cut into `clusters`,
    /// and their place in the dendrogram.
    static func clusters(_ maps: MultivariateMaps, _ context: ReportContext) -> CSVTable {
        let map = maps.clustering
        let shown = context.terms.shown
        var leaves = [Int](repeating: 0, count: map.terms.count)
        for (position, object) in (map.tree?.order ?? Array(1...max(1, map.terms.count))).enumerated()
        where object <= map.terms.count {
            leaves[object - 1] = position + 1
        }
        let frequency = context.counts.termFrequency
        let unitFrequency = context.counts.unitFrequency
        return CSVTable(
            header: ["number", "term", "pos", "frequency", "units", "cluster", "clusters", "leaf"],
            rows: map.terms.enumerated().map { i, id in
                [
                    .integer(i + 1), .text(shown[id].text), .text(shown[id].partOfSpeech), .integer(frequency[id]),
                    .integer(unitFrequency[id]), .integer(map.memberships[i]), .integer(map.clusters), .integer(leaves[i]),
                ]
            })
    }

    /// `cluster_merges.csv`: the merge table as R's `hclust` gives it (a negative member is a
    /// term's number, a positive one an earlier step), with the terms of single members, the
    /// height and the size of the cluster made.
    static func clusterMerges(_ maps: MultivariateMaps, _ context: ReportContext) -> CSVTable {
        let map = maps.clustering
        let header = ["step", "member_a", "member_b", "term_a", "term_b", "height", "size"]
        guard let tree = map.tree else { return CSVTable(header: header, rows: []) }
        let shown = context.terms.shown
        var sizes: [Int] = []
        var rows: [[CSVTable.Cell]] = []
        for (step, (a, b)) in tree.merges.enumerated() {
            func size(_ member: Int) -> Int { member < 0 ? 1 : sizes[member - 1] }
            func term(_ member: Int) -> String { member < 0 ? shown[map.terms[-member - 1]].text : "" }
            sizes.append(size(a) + size(b))
            rows.append([
                .integer(step + 1), .integer(a), .integer(b), .text(term(a)), .text(term(b)), .decimal(tree.heights[step]),
                .integer(sizes[step]),
            ])
        }
        return CSVTable(header: header, rows: rows)
    }

    /// `cluster_distances.csv`: every pair of clustered terms (by number), its 2×2 counts over
    /// the units and its distance.
    static func clusterDistances(_ maps: MultivariateMaps, _ context: ReportContext) -> CSVTable {
        let map = maps.clustering
        let shown = context.terms.shown
        let frequency = context.counts.unitFrequency
        var rows: [[CSVTable.Cell]] = []
        var index = 0
        for i in map.terms.indices {
            for j in (i + 1)..<max(i + 1, map.terms.count) {
                let (first, second, a) = (map.terms[i], map.terms[j], map.both[index])
                rows.append([
                    .integer(i + 1), .text(shown[first].text), .text(shown[first].partOfSpeech), .integer(j + 1),
                    .text(shown[second].text), .text(shown[second].partOfSpeech), .integer(a), .integer(frequency[first] - a),
                    .integer(frequency[second] - a), .integer(map.units), .decimal(map.distances[index]),
                ])
                index += 1
            }
        }
        return CSVTable(
            header: ["number_a", "term_a", "pos_a", "number_b", "term_b", "pos_b", "a", "b", "c", "n", "distance"], rows: rows)
    }

    /// `mds.csv`: the clustered terms placed in two dimensions by classical scaling, then by
    /// Kruskal's non-metric scaling from it (with its stress, in percent, on every row).
    static func mds(_ maps: MultivariateMaps, _ context: ReportContext) -> CSVTable {
        let map = maps.clustering
        let shown = context.terms.shown
        let frequency = context.counts.termFrequency
        var rows: [[CSVTable.Cell]] = []
        func append(_ method: String, _ object: Int, _ point: [Double], stress: Double?) {
            let id = map.terms[object]
            rows.append([
                .text(method), .integer(object + 1), .text(shown[id].text), .text(shown[id].partOfSpeech),
                .integer(frequency[id]), .decimal(point.count > 0 ? point[0] : .nan),
                .decimal(point.count > 1 ? point[1] : .nan), stress.map(CSVTable.Cell.decimal) ?? .text(""),
            ])
        }
        if let classical = map.classical {
            for (object, point) in classical.points.enumerated() { append("classical", object, point, stress: nil) }
        }
        if let kruskal = map.kruskal {
            for (place, point) in kruskal.points.enumerated() {
                append("kruskal", map.kruskalObjects[place], point, stress: kruskal.stress)
            }
        }
        return CSVTable(header: ["method", "number", "term", "pos", "frequency", "x", "y", "stress"], rows: rows)
    }

    /// A reason the maps cannot be drawn with these options, for a usage error (exit 64): a
    /// group variable with one value (correspondence analysis compares two or more), or more
    /// clusters than terms to cluster.
    public static func mapProblem(counts: CorpusCounts, options: Options) -> String? {
        let context = ReportContext(counts, bounds: options.bounds)
        if let grouping = counts.grouping {
            let groups = MultivariateMaps.namedGroups(counts)
            if groups.count < 2 {
                let found = groups.first.map { "one value, '\($0)'" } ?? "no value"
                return "--group-by \(grouping.name): correspondence analysis compares two groups or more, and '\(grouping.name)' has \(found)"
            }
        }
        if let clusters = options.maps.clusters {
            let terms = MultivariateMaps.clusterTerms(context, count: options.maps.clusterTerms).count
            if clusters > terms {
                return "--clusters \(clusters): there are only \(terms) terms to cluster (--cluster-terms \(options.maps.clusterTerms))"
            }
        }
        return nil
    }
}
