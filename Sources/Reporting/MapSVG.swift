import Multivariate

/// The multivariate maps of `report.html` as inline SVG: the correspondence analysis biplot,
/// the dendrogram of the word clustering and the MDS plot. Labels are placed by `LabelPlacer`
/// so that none covers another; numbers have two decimals in the C locale (`NetworkSVG.fixed`),
/// so the same maps give the same bytes.
enum MapSVG {
    /// Cluster colours: ColorBrewer's "Dark2" and "Set1", darker than the network's fills so
    /// that text in them reads on white.
    static let clusterColours = [
        "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
        "#e41a1c", "#377eb8", "#4daf4a", "#984ea3",
    ]

    /// The most groups or documents the biplot draws.
    static let drawnColumns = 300

    static func clusterColour(_ cluster: Int) -> String { clusterColours[(cluster - 1) % clusterColours.count] }

    /// The section of the page holding the three maps.
    static func section(_ maps: MultivariateMaps, _ context: ReportContext) -> String {
        var html = "<h2>対応分析 Correspondence analysis</h2>\n"
        if let svg = biplot(maps, context) {
            html += "<p class=\"note\">Terms (circles, area by frequency) and \(maps.correspondence.kind == "group" ? "groups" : "documents") "
                + "(red squares) on the first two axes, symmetric map (principal coordinates), as KH Coder's 対応分析; "
                + "the terms most distinctive by χ². Numbers in correspondence.csv."
                + (maps.correspondence.labels.count > drawnColumns
                    ? " The \(maps.correspondence.labels.count) documents are not drawn (more than \(drawnColumns))." : "")
                + "</p>\n" + svg
        } else {
            html += "<p class=\"note\">Correspondence analysis needs two terms and two \(maps.correspondence.kind)s with counts, "
                + "and two axes to draw.</p>\n"
        }
        html += "<h2>階層的クラスター分析 Word clustering</h2>\n"
        if let svg = dendrogram(maps, context) {
            html += "<p class=\"note\">The most frequent terms clustered by their presence in the co-occurrence unit; "
                + "colours are the \(maps.clustering.clusters) clusters of clusters.csv, the dashed line where the tree is cut.</p>\n" + svg
        } else {
            html += "<p class=\"note\">Clustering needs two terms or more.</p>\n"
        }
        html += "<h2>多次元尺度構成法 Multidimensional scaling</h2>\n"
        if let svg = scalingPlot(maps, context) {
            html += svg
        } else {
            html += "<p class=\"note\">Scaling needs three terms or more.</p>\n"
        }
        return html
    }

    // MARK: The three pictures

    static func biplot(_ maps: MultivariateMaps, _ context: ReportContext) -> String? {
        let map = maps.correspondence
        guard let analysis = map.analysis, analysis.singularValues.count >= 2 else { return nil }
        let shown = context.terms.shown
        let (rows, columns) = (analysis.rowPrincipal, analysis.columnPrincipal)
        let frequencies = map.table.map { $0.reduce(0, +) }
        let largest = Double(frequencies.max() ?? 1)
        var points: [Plot.Point] = map.terms.indices.map { i in
            Plot.Point(
                x: rows[i][0], y: rows[i][1], label: shown[map.terms[i]].text, radius: 3 + 11 * (Double(frequencies[i]) / largest).squareRoot(),
                shape: .circle, fill: "#7fd6d3", stroke: "#2a9d99", text: "#000000", title: "\(shown[map.terms[i]].text) (\(shown[map.terms[i]].partOfSpeech)) \(frequencies[i])")
        }
        // Columns are labelled up to 40, drawn up to `drawnColumns` (a survey's thousands of
        // documents would bury the terms and weigh megabytes); all are in correspondence.csv.
        let labelColumns = map.labels.count <= 40
        for (j, label) in map.labels.enumerated() where map.labels.count <= drawnColumns {
            let name = map.kind == "document" ? "doc \(label)" : label
            points.append(
                Plot.Point(
                    x: columns[j][0], y: columns[j][1], label: labelColumns ? name : "", radius: 5, shape: .square,
                    fill: "#ffb3a3", stroke: "#dc143c", text: "#dc143c", title: name))
        }
        let eigenvalues = analysis.eigenvalues
        let total = analysis.totalInertia
        func axis(_ k: Int) -> String {
            "成分\(k + 1) (固有値 \(String(format: "%.4f", eigenvalues[k])), \(NetworkSVG.fixed(100 * eigenvalues[k] / total))%)"
        }
        return Plot(points: points, xTitle: axis(0), yTitle: axis(1), title: "correspondence analysis biplot").svg()
    }

    static func scalingPlot(_ maps: MultivariateMaps, _ context: ReportContext) -> String? {
        let map = maps.clustering
        let shown = context.terms.shown
        let frequency = context.counts.termFrequency
        let (objects, coordinates, method): ([Int], [[Double]], String)
        if let kruskal = map.kruskal {
            (objects, coordinates, method) = (map.kruskalObjects, kruskal.points, "Kruskal (stress \(NetworkSVG.fixed(kruskal.stress))%)")
        } else if let classical = map.classical, classical.points.allSatisfy({ $0.count == 2 }) {
            (objects, coordinates, method) = (Array(map.terms.indices), classical.points, "classical")
        } else {
            return nil
        }
        let largest = Double(objects.map { frequency[map.terms[$0]] }.max() ?? 1)
        let points = zip(objects, coordinates).map { object, point in
            let id = map.terms[object]
            let colour = clusterColour(map.memberships[object])
            return Plot.Point(
                x: point[0], y: point[1], label: shown[id].text,
                radius: 3 + 11 * (Double(frequency[id]) / largest).squareRoot(), shape: .circle, fill: colour + "55",
                stroke: colour, text: "#000000", title: "\(shown[id].text) (\(shown[id].partOfSpeech)) \(frequency[id]), cluster \(map.memberships[object])")
        }
        let dropped = map.kruskal == nil ? 0 : map.terms.count - map.kruskalObjects.count
        let note = "<p class=\"note\">\(XMLText.escaped(method)) scaling of the clustered terms' distances "
            + "(\(XMLText.escaped(context.counts.unitName)) unit), coloured by cluster; classical and Kruskal coordinates in mds.csv."
            + (dropped > 0 ? " \(dropped) terms at distance 0 from another are left out, as KH Coder leaves them out." : "")
            + "</p>\n"
        return note + Plot(points: points, xTitle: "次元1", yTitle: "次元2", title: "multidimensional scaling").svg()
    }

    static func dendrogram(_ maps: MultivariateMaps, _ context: ReportContext) -> String? {
        let map = maps.clustering
        guard let tree = map.tree else { return nil }
        let shown = context.terms.shown
        let n = map.terms.count
        let (rowHeight, labelWidth, plotWidth, top) = (18.0, 170.0, 640.0, 24.0)
        let height = top + Double(n) * rowHeight + 30
        let maximum = tree.heights.max() ?? 1
        func x(_ height: Double) -> Double { labelWidth + 10 + plotWidth * (maximum > 0 ? height / maximum : 0) }
        var leafRow = [Int](repeating: 0, count: n)
        for (row, object) in tree.order.enumerated() { leafRow[object - 1] = row }
        // Each step's position (row, height) and cluster (the cluster of its members, or 0 above the cut).
        var position: [(y: Double, x: Double, cluster: Int)] = []
        func place(_ member: Int) -> (y: Double, x: Double, cluster: Int) {
            if member < 0 {
                let object = -member - 1
                return (top + (Double(leafRow[object]) + 0.5) * rowHeight, x(0), map.memberships[object])
            }
            return position[member - 1]
        }
        var svg = SVGElement.opening(width: Int(labelWidth + plotWidth + 40), height: Int(height), fontSize: "13")
        svg += "<title>dendrogram: \(n) terms, \(map.clusters) clusters</title>\n<g fill=\"none\" stroke-width=\"1.5\">\n"
        for (step, (a, b)) in tree.merges.enumerated() {
            let (first, second) = (place(a), place(b))
            let cluster = first.cluster == second.cluster ? first.cluster : 0
            let level = x(tree.heights[step])
            let colour = cluster > 0 ? clusterColour(cluster) : "#888888"
            svg += "<path d=\"M\(NetworkSVG.fixed(first.x)) \(NetworkSVG.fixed(first.y))H\(NetworkSVG.fixed(level))"
                + "V\(NetworkSVG.fixed(second.y))H\(NetworkSVG.fixed(second.x))\" stroke=\"\(colour)\"/>\n"
            position.append(((first.y + second.y) / 2, level, cluster))
        }
        svg += "</g>\n"
        // KH Coder's cut line: halfway between the heights where k and k − 1 clusters form.
        let sorted = tree.heights.sorted()
        if map.clusters > 1, map.clusters <= n - 1 + 1, sorted.count >= map.clusters {
            let upper = sorted[sorted.count - map.clusters + 1]
            let lower = sorted[sorted.count - map.clusters]
            let cut = x((upper + lower) / 2)
            svg += "<line x1=\"\(NetworkSVG.fixed(cut))\" y1=\"\(Int(top - 6))\" x2=\"\(NetworkSVG.fixed(cut))\" "
                + "y2=\"\(NetworkSVG.fixed(top + Double(n) * rowHeight))\" stroke=\"#000000\" stroke-dasharray=\"5 4\"/>\n"
        }
        svg += "<g text-anchor=\"end\" dominant-baseline=\"central\">\n"
        for object in 0..<n {
            let id = map.terms[object]
            svg += "<text x=\"\(Int(labelWidth))\" y=\"\(NetworkSVG.fixed(top + (Double(leafRow[object]) + 0.5) * rowHeight))\" "
                + "fill=\"\(clusterColour(map.memberships[object]))\">\(XMLText.escaped(shown[id].text))</text>\n"
        }
        svg += "</g>\n<g font-size=\"11\" fill=\"#444444\" text-anchor=\"middle\">\n"
        let baseline = top + Double(n) * rowHeight + 18
        for tick in 0...4 {
            let value = maximum * Double(tick) / 4
            svg += "<text x=\"\(NetworkSVG.fixed(x(value)))\" y=\"\(NetworkSVG.fixed(baseline))\">\(NetworkSVG.fixed(value))</text>\n"
        }
        return svg + "</g>\n</svg>\n"
    }
}

/// A scatter plot with labels kept apart: points scaled into the canvas with one scale for both
/// axes (distances are true), labels placed by `LabelPlacer`.
struct Plot {
    enum Shape { case circle, square }

    struct Point {
        var x: Double
        var y: Double
        var label: String
        var radius: Double
        var shape: Shape
        var fill: String
        var stroke: String
        var text: String
        var title: String
    }

    var points: [Point]
    var xTitle: String
    var yTitle: String
    var title: String
    var width = 900.0
    var height = 680.0
    var margin = 70.0
    var fontSize = 13.0

    func svg() -> String {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let (minX, maxX, minY, maxY) = (xs.min() ?? 0, xs.max() ?? 1, ys.min() ?? 0, ys.max() ?? 1)
        let spanX = max(maxX - minX, 1e-12)
        let spanY = max(maxY - minY, 1e-12)
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        let offsetX = (width - scale * spanX) / 2
        let offsetY = (height - scale * spanY) / 2
        func canvasX(_ x: Double) -> Double { offsetX + (x - minX) * scale }
        func canvasY(_ y: Double) -> Double { height - offsetY - (y - minY) * scale }
        let placed = points.map { SIMD2(canvasX($0.x), canvasY($0.y)) }
        let labels = LabelPlacer.place(
            anchors: placed, radii: points.map(\.radius), labels: points.map(\.label), fontSize: fontSize,
            width: width, height: height)
        let fixed = NetworkSVG.fixed
        var svg = SVGElement.opening(width: Int(width), height: Int(height), fontSize: fixed(fontSize))
        svg += "<title>\(XMLText.escaped(title)): \(points.count) points</title>\n"
        // The origin's axes, dashed, and the axes' names.
        svg += "<g stroke=\"#999999\" stroke-dasharray=\"4 4\">\n"
        if minX <= 0 && maxX >= 0 {
            svg += "<line x1=\"\(fixed(canvasX(0)))\" y1=\"0\" x2=\"\(fixed(canvasX(0)))\" y2=\"\(Int(height))\"/>\n"
        }
        if minY <= 0 && maxY >= 0 {
            svg += "<line x1=\"0\" y1=\"\(fixed(canvasY(0)))\" x2=\"\(Int(width))\" y2=\"\(fixed(canvasY(0)))\"/>\n"
        }
        svg += "</g>\n<g fill=\"#444444\" font-size=\"12\">\n"
        svg += "<text x=\"\(Int(width) - 8)\" y=\"\(Int(height) - 8)\" text-anchor=\"end\">\(XMLText.escaped(xTitle))</text>\n"
        svg += "<text x=\"8\" y=\"16\">\(XMLText.escaped(yTitle))</text>\n</g>\n<g stroke-width=\"1.2\">\n"
        for (index, point) in points.enumerated() {
            let (x, y, r) = (placed[index].x, placed[index].y, point.radius)
            switch point.shape {
            case .circle:
                svg += "<circle cx=\"\(fixed(x))\" cy=\"\(fixed(y))\" r=\"\(fixed(r))\" "
            case .square:
                svg += "<rect x=\"\(fixed(x - r))\" y=\"\(fixed(y - r))\" width=\"\(fixed(2 * r))\" height=\"\(fixed(2 * r))\" "
            }
            svg += "fill=\"\(point.fill)\" stroke=\"\(point.stroke)\"><title>\(XMLText.escaped(point.title))</title>"
            svg += point.shape == .circle ? "</circle>\n" : "</rect>\n"
        }
        svg += "</g>\n<g stroke=\"#bbbbbb\" stroke-width=\"0.8\">\n"
        // A thin leader where a label had to move away from its point.
        for (index, label) in labels.enumerated() where label.moved && !points[index].label.isEmpty {
            svg += "<line x1=\"\(fixed(placed[index].x))\" y1=\"\(fixed(placed[index].y))\" "
                + "x2=\"\(fixed(label.center.x))\" y2=\"\(fixed(label.center.y))\"/>\n"
        }
        svg += "</g>\n<g text-anchor=\"middle\" dominant-baseline=\"central\" stroke=\"#ffffff\" stroke-width=\"3\" "
        svg += "stroke-opacity=\"0.85\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n"
        for (index, point) in points.enumerated() where !point.label.isEmpty {
            svg += "<text x=\"\(fixed(labels[index].center.x))\" y=\"\(fixed(labels[index].center.y))\" fill=\"\(point.text)\">"
                + XMLText.escaped(point.label) + "</text>\n"
        }
        return svg + "</g>\n</svg>\n"
    }
}

/// Places each label near its point without covering another label or point: candidates
/// around the point (right, left, above, below, the diagonals), then farther out, the first free
/// one taken; points are taken in order (callers put the important first). A label with no free
/// place takes the candidate covering least.
enum LabelPlacer {
    struct Placement {
        var center: SIMD2<Double>
        var moved: Bool
    }

    /// A label's width in pixels: a full-width character (kana, kanji) is one em, others 0.6.
    static func width(of label: String, fontSize: Double) -> Double {
        label.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 1.0 : 0.6) } * fontSize
    }

    static func place(
        anchors: [SIMD2<Double>], radii: [Double], labels: [String], fontSize: Double, width: Double, height: Double
    ) -> [Placement] {
        struct Box {
            var minX, minY, maxX, maxY: Double
            func overlap(_ other: Box) -> Double {
                max(0, min(maxX, other.maxX) - max(minX, other.minX)) * max(0, min(maxY, other.maxY) - max(minY, other.minY))
            }
        }
        var taken: [Box] = anchors.indices.map { i in
            Box(minX: anchors[i].x - radii[i], minY: anchors[i].y - radii[i], maxX: anchors[i].x + radii[i], maxY: anchors[i].y + radii[i])
        }
        let directions: [SIMD2<Double>] = [
            SIMD2(1, 0), SIMD2(-1, 0), SIMD2(0, -1), SIMD2(0, 1), SIMD2(1, -1), SIMD2(-1, -1), SIMD2(1, 1), SIMD2(-1, 1),
        ]
        var placements: [Placement] = []
        for (index, label) in labels.enumerated() {
            let (w, h) = (LabelPlacer.width(of: label, fontSize: fontSize), fontSize * 1.25)
            guard !label.isEmpty else {
                placements.append(Placement(center: anchors[index], moved: false))
                continue
            }
            var best: (box: Box, cost: Double, moved: Bool)?
            search: for ring in 0..<8 {
                for direction in directions {
                    let gap = radii[index] + 2 + Double(ring) * h
                    let center = anchors[index] + SIMD2(direction.x * (gap + w / 2), direction.y * (gap + h / 2))
                    var box = Box(minX: center.x - w / 2, minY: center.y - h / 2, maxX: center.x + w / 2, maxY: center.y + h / 2)
                    // Kept inside the canvas.
                    let dx = max(0, -box.minX) - max(0, box.maxX - width)
                    let dy = max(0, -box.minY) - max(0, box.maxY - height)
                    box = Box(minX: box.minX + dx, minY: box.minY + dy, maxX: box.maxX + dx, maxY: box.maxY + dy)
                    var cost = 0.0
                    for (other, placed) in taken.enumerated() where other != index { cost += box.overlap(placed) }
                    if best == nil || cost < best!.cost { best = (box, cost, ring > 0) }
                    if cost == 0 { break search }
                }
            }
            let box = best!.box
            taken.append(box)
            placements.append(Placement(center: SIMD2((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2), moved: best!.moved))
        }
        return placements
    }
}
