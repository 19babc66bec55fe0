import Foundation

/// Node positions for a network picture: a force-directed layout, then label-overlap removal.
///
/// The force layout is Fruchterman–Reingold as igraph's `layout_with_fr` computes it, which KH
/// Coder's co-occurrence network uses with the Jaccard coefficients as weights: every pair of
/// nodes repels with force 1/d, every link attracts with d² × weight, and each step's move is
/// capped by a temperature that cools linearly to zero. Unlike igraph it starts from fixed
/// positions (a sunflower spiral in node order) instead of random ones, and runs a fixed number
/// of steps (igraph's default, 500, not KH Coder's 512 per node, which costs too much for
/// little change), so the same network always gets the same picture.
///
/// Each connected component is laid out on its own and the components are packed side by side,
/// largest first, in rows; the result is normalized to [0, 1] on each axis, as KH Coder does.
public enum NetworkLayout {
    /// A label's footprint in pixels: its text box united with its node circle, both centered on
    /// the node.
    public struct Box: Sendable, Equatable {
        public var minX: Double
        public var minY: Double
        public var maxX: Double
        public var maxY: Double

        /// Whether the two boxes share interior points (touching edges do not overlap).
        public func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// Positions in [0, 1] × [0, 1] (y grows downward, as in SVG) for `nodeCount` nodes joined by
    /// `links`, whose weights scale the attraction.
    public static func forceDirected(nodeCount: Int, links: [Communities.Link], iterations: Int = 500) -> [SIMD2<Double>] {
        guard nodeCount > 0 else { return [] }
        let components = connectedComponents(nodeCount: nodeCount, links: links)
        var positions = [SIMD2<Double>](repeating: .zero, count: nodeCount)
        var local: [[SIMD2<Double>]] = []
        for nodes in components {
            let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
            let inside = links.compactMap { link -> Communities.Link? in
                guard let a = index[link.a], let b = index[link.b], a != b else { return nil }
                return Communities.Link(a, b, weight: link.weight)
            }
            local.append(fruchtermanReingold(nodeCount: nodes.count, links: inside, iterations: iterations))
        }
        // Pack: each component gets a square cell with side √(size), rows as wide as the total.
        let sides = components.map { Double($0.count).squareRoot() }
        let gap = 0.5
        let rowLimit = max(sides.max() ?? 1, 1.3 * sides.reduce(0) { $0 + ($1 + gap) * ($1 + gap) }.squareRoot())
        var cursor = SIMD2<Double>(0, 0)
        var rowHeight = 0.0
        for (number, nodes) in components.enumerated() {
            let side = sides[number]
            if cursor.x > 0 && cursor.x + side > rowLimit {
                cursor = SIMD2(0, cursor.y + rowHeight + gap)
                rowHeight = 0
            }
            let points = local[number]
            let low = points.reduce(SIMD2(Double.infinity, .infinity)) { pointwiseMin($0, $1) }
            let high = points.reduce(SIMD2(-Double.infinity, -.infinity)) { pointwiseMax($0, $1) }
            let extent = max(high.x - low.x, high.y - low.y)
            let scale = extent > 0 ? side / extent : 0
            let middle = (low + high) / 2
            for (position, node) in nodes.enumerated() {
                positions[node] = cursor + SIMD2(side / 2, side / 2) + (points[position] - middle) * scale
            }
            cursor.x += side + gap
            rowHeight = max(rowHeight, side)
        }
        return normalized(positions)
    }

    /// Moves `positions` (in [0, 1], mapped onto `style`'s canvas inside its margin) until no two
    /// footprints of `labels` with node circles of `radii` overlap: first pairwise nudges (each
    /// overlapping pair is pushed apart along the axis where they overlap least, half each), then,
    /// for any footprint still overlapping, a search along a spiral around it for a free place
    /// (as the wordcloud `wordlayout` KH Coder uses for fixed labels). Footprints are kept inside
    /// the canvas. Positions stay in [0, 1].
    public static func separatingLabels(
        _ positions: [SIMD2<Double>], labels: [String], radii: [Double], style: NetworkStyle
    ) -> [SIMD2<Double>] {
        precondition(positions.count == labels.count && labels.count == radii.count, "one label and radius per node")
        let count = positions.count
        let (width, height, margin) = (Double(style.width), Double(style.height), style.margin)
        let gap = 1.0  // half the space kept between footprints
        let half = (0..<count).map { node -> SIMD2<Double> in
            let size = style.labelSize(of: labels[node])
            return SIMD2(max(size.width / 2, radii[node]) + gap, max(size.height / 2, radii[node]) + gap)
        }
        // The range each center may take: its footprint inside the canvas, the center inside the
        // margin (a footprint wider than the canvas is centered).
        let canvas = SIMD2(width, height)
        let lower = half.map { pointwiseMin(pointwiseMax(SIMD2(margin, margin), $0), canvas / 2) }
        let upper = half.map { pointwiseMax(pointwiseMin(canvas - SIMD2(margin, margin), canvas - $0), canvas / 2) }
        func clamp(_ point: SIMD2<Double>, _ node: Int) -> SIMD2<Double> {
            pointwiseMin(pointwiseMax(point, lower[node]), upper[node])
        }
        let area = SIMD2(width - 2 * margin, height - 2 * margin)
        let initial = positions.map { SIMD2(margin, margin) + $0 * area }
        var centers = initial.enumerated().map { clamp($1, $0) }

        for _ in 0..<200 {
            var moved = false
            for i in 0..<count {
                for j in (i + 1)..<count {
                    let distance = centers[j] - centers[i]
                    let overlap = half[i] + half[j] - SIMD2(abs(distance.x), abs(distance.y))
                    guard overlap.x > 0 && overlap.y > 0 else { continue }
                    moved = true
                    var push = SIMD2<Double>.zero
                    if overlap.x <= overlap.y {
                        push.x = (distance.x < 0 ? -1 : 1) * (overlap.x / 2 + 0.01)
                    } else {
                        push.y = (distance.y < 0 ? -1 : 1) * (overlap.y / 2 + 0.01)
                    }
                    centers[i] = clamp(centers[i] - push, i)
                    centers[j] = clamp(centers[j] + push, j)
                }
            }
            if !moved { break }
        }

        // Fallback: place footprints one by one in node order, spiralling out where taken.
        var placed: [Box] = []
        for node in 0..<count {
            let origin = centers[node]
            var candidate = origin
            var angle = 0.0
            while placed.contains(where: { $0.overlaps(box(candidate, half[node])) }) {
                angle += 0.1
                let radius = 1.5 * angle
                guard radius < 2 * max(width, height) else {
                    candidate = origin  // no free place: leave it where it was
                    break
                }
                candidate = clamp(origin + SIMD2(cos(angle), sin(angle)) * radius, node)
            }
            centers[node] = candidate
            placed.append(box(candidate, half[node]))
        }
        // Nodes that did not move keep their exact coordinates (no round trip through pixels).
        return centers.indices.map { node in
            guard centers[node] != initial[node] else { return positions[node] }
            return pointwiseMin(pointwiseMax((centers[node] - SIMD2(margin, margin)) / area, .zero), SIMD2(1, 1))
        }
    }

    /// The footprint of each node in pixels on `style`'s canvas, as `separatingLabels` keeps
    /// them apart (without its spacing).
    public static func footprints(
        _ positions: [SIMD2<Double>], labels: [String], radii: [Double], style: NetworkStyle
    ) -> [Box] {
        let area = SIMD2(Double(style.width) - 2 * style.margin, Double(style.height) - 2 * style.margin)
        return positions.indices.map { node in
            let size = style.labelSize(of: labels[node])
            let half = SIMD2(max(size.width / 2, radii[node]), max(size.height / 2, radii[node]))
            return box(SIMD2(style.margin, style.margin) + positions[node] * area, half)
        }
    }

    /// Pairs of overlapping boxes, lower index first.
    public static func overlappingPairs(_ boxes: [Box]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) { pairs.append((i, j)) }
        }
        return pairs
    }

    static func box(_ center: SIMD2<Double>, _ half: SIMD2<Double>) -> Box {
        Box(minX: center.x - half.x, minY: center.y - half.y, maxX: center.x + half.x, maxY: center.y + half.y)
    }

    /// The force layout of one connected component (unnormalized).
    static func fruchtermanReingold(nodeCount: Int, links: [Communities.Link], iterations: Int) -> [SIMD2<Double>] {
        let goldenAngle = Double.pi * (3 - 5.0.squareRoot())
        var positions = (0..<nodeCount).map { node in
            let radius = (Double(node) + 0.5).squareRoot()
            return SIMD2(cos(Double(node) * goldenAngle), sin(Double(node) * goldenAngle)) * radius
        }
        guard nodeCount > 1, iterations > 0 else { return positions }
        let start = Double(nodeCount).squareRoot()
        let cooling = start / Double(iterations)
        var temperature = start
        var moves = [SIMD2<Double>](repeating: .zero, count: nodeCount)
        for _ in 0..<iterations {
            for node in moves.indices { moves[node] = .zero }
            for v in 0..<nodeCount {
                for u in (v + 1)..<nodeCount {
                    var delta = positions[v] - positions[u]
                    var squared = (delta * delta).sum()
                    if squared == 0 {  // igraph jitters randomly; a fixed nudge keeps runs equal
                        delta = SIMD2(1e-9, Double(u - v) * 1e-9)
                        squared = (delta * delta).sum()
                    }
                    moves[v] += delta / squared
                    moves[u] -= delta / squared
                }
            }
            for link in links {
                let delta = positions[link.a] - positions[link.b]
                let pull = (delta * delta).sum().squareRoot() * link.weight
                moves[link.a] -= delta * pull
                moves[link.b] += delta * pull
            }
            for node in 0..<nodeCount {
                let length = (moves[node] * moves[node]).sum().squareRoot()
                if length > temperature { moves[node] *= temperature / length }
                positions[node] += moves[node]
            }
            temperature -= cooling
        }
        return positions
    }

    /// Connected components as ascending node lists, largest first, then by lowest node.
    static func connectedComponents(nodeCount: Int, links: [Communities.Link]) -> [[Int]] {
        var parent = Array(0..<nodeCount)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for link in links {
            let (a, b) = (root(link.a), root(link.b))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [Int: [Int]] = [:]
        for node in 0..<nodeCount { groups[root(node), default: []].append(node) }
        return groups.values.sorted { lhs, rhs in
            lhs.count != rhs.count ? lhs.count > rhs.count : (lhs.first ?? 0) < (rhs.first ?? 0)
        }
    }

    /// Each axis scaled to [0, 1]; an axis without extent goes to 0.5.
    static func normalized(_ points: [SIMD2<Double>]) -> [SIMD2<Double>] {
        guard let first = points.first else { return [] }
        let low = points.reduce(first) { pointwiseMin($0, $1) }
        let high = points.reduce(first) { pointwiseMax($0, $1) }
        let extent = high - low
        return points.map { point in
            SIMD2(
                extent.x > 0 ? (point.x - low.x) / extent.x : 0.5,
                extent.y > 0 ? (point.y - low.y) / extent.y : 0.5)
        }
    }
}
