import Testing

@testable import Reporting

/// Force layout, component packing, label widths and label-overlap removal.
struct NetworkLayoutTests {
    @Test(arguments: [
        ("abc", 1.8), ("地域", 2.0), ("𠮷", 1.0), ("👍🏽", 1.0), ("e\u{301}", 0.6), ("ｱ", 0.6), ("カ", 1.0),
        ("ＩＣＴ", 3.0), ("A&B", 1.8), ("👨‍👩‍👧", 1.0),
    ])
    func labelWidthsCountGraphemesFullOrNarrow(text: String, ems: Double) {
        #expect(abs(NetworkStyle.ems(of: text) - ems) < 1e-12)
    }

    @Test func theForceLayoutIsDeterministicAndNormalized() {
        let links = (0..<9).map { Communities.Link($0, $0 + 1) } + [Communities.Link(0, 9), Communities.Link(2, 7)]
        let first = NetworkLayout.forceDirected(nodeCount: 10, links: links)
        let second = NetworkLayout.forceDirected(nodeCount: 10, links: links)
        #expect(first == second)
        #expect(first.allSatisfy { $0.x >= 0 && $0.x <= 1 && $0.y >= 0 && $0.y <= 1 })
        #expect(first.map(\.x).min() == 0 && first.map(\.x).max() == 1)
        #expect(first.map(\.y).min() == 0 && first.map(\.y).max() == 1)
        #expect(Set(first.map { [$0.x, $0.y] }).count == 10)
    }

    @Test func linkedNodesEndUpCloserThanUnlinkedOnes() {
        // A path 0–1–2–3–4: its ends are further apart than neighbours.
        let links = (0..<4).map { Communities.Link($0, $0 + 1) }
        let points = NetworkLayout.forceDirected(nodeCount: 5, links: links)
        func distance(_ a: Int, _ b: Int) -> Double { ((points[a] - points[b]) * (points[a] - points[b])).sum().squareRoot() }
        #expect(distance(0, 4) > distance(0, 1))
        #expect(distance(0, 4) > distance(3, 4))
    }

    @Test func componentsAreSideBySide() {
        // Two triangles (0, 2, 4) and (1, 3, 5): the larger-or-first component on the left.
        let links = [
            Communities.Link(0, 2), Communities.Link(2, 4), Communities.Link(4, 0),
            Communities.Link(1, 3), Communities.Link(3, 5), Communities.Link(5, 1),
        ]
        let points = NetworkLayout.forceDirected(nodeCount: 6, links: links)
        let left = [0, 2, 4].map { points[$0].x }
        let right = [1, 3, 5].map { points[$0].x }
        #expect((left.max() ?? 1) < (right.min() ?? 0))
    }

    @Test func noLabelsOverlapOnASixtyEdgeNetwork() {
        let network = NetworkFixtures.largeNetwork
        #expect(network.edges.count >= 60)
        let style = NetworkStyle()
        let boxes = NetworkLayout.footprints(
            network.nodes.map { SIMD2($0.x, $0.y) }, labels: network.nodes.map(\.term),
            radii: network.radii(style: style), style: style)
        #expect(NetworkLayout.overlappingPairs(boxes).isEmpty)
        #expect(boxes.allSatisfy { $0.minX >= 0 && $0.minY >= 0 && $0.maxX <= 900 && $0.maxY <= 700 })
        #expect(network.nodes.allSatisfy { $0.x >= 0 && $0.x <= 1 && $0.y >= 0 && $0.y <= 1 })
    }

    @Test func crowdedLabelsAreSeparated() {
        // Ten long labels all at the same point.
        let labels = (0..<10).map { "共起ネットワーク\($0)" }
        let style = NetworkStyle()
        let radii = [Double](repeating: 10, count: 10)
        let start = [SIMD2<Double>](repeating: SIMD2(0.5, 0.5), count: 10)
        let separated = NetworkLayout.separatingLabels(start, labels: labels, radii: radii, style: style)
        let boxes = NetworkLayout.footprints(separated, labels: labels, radii: radii, style: style)
        #expect(NetworkLayout.overlappingPairs(boxes).isEmpty)
        #expect(separated == NetworkLayout.separatingLabels(start, labels: labels, radii: radii, style: style))
        // Already separated positions do not move.
        #expect(NetworkLayout.separatingLabels(separated, labels: labels, radii: radii, style: style) == separated)
    }

    @Test func twoRunsGiveIdenticalCoordinates() {
        let again = CooccurrenceNetwork.build(NetworkFixtures.large, options: CooccurrenceNetwork.Options())
        #expect(again.nodes.map(\.x) == NetworkFixtures.largeNetwork.nodes.map(\.x))
        #expect(again.nodes.map(\.y) == NetworkFixtures.largeNetwork.nodes.map(\.y))
    }
}
