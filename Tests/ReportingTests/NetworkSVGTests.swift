import Foundation
import Testing

@testable import Reporting

/// The SVG picture: self-contained, escaped, deterministic, with separated labels.
struct NetworkSVGTests {
    @Test func theSVGIsSelfContainedAndEscaped() {
        let svg = NetworkSVG.render(GraphExportTests.network)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"700\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(!svg.contains("<script") && !svg.contains("href") && !svg.contains("url("))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
        #expect(svg.components(separatedBy: "<line").count - 1 == 2)
        #expect(svg.components(separatedBy: "<title>").count - 1 == 5)  // the picture's and one per node
        #expect(svg.contains(">A&amp;B&lt;&quot;x&quot;&gt;</text>"))
        #expect(svg.contains(">𠮷野家</text>") && svg.contains(">👍🏽</text>"))
        #expect(svg.contains("<title>A&amp;B&lt;&quot;x&quot;&gt; (名詞&apos;) frequency 12, community 1</title>"))
        #expect(!svg.contains("\u{1}"))
        #expect(svg == NetworkSVG.render(GraphExportTests.network))
    }

    @Test func nodesAreFilledByCommunityAndSizedByFrequency() {
        var network = GraphExportTests.network
        network.nodes[3].community = 12  // past the palette (with x): grey; y is alone: white
        network.nodes.append(.init(term: "x", pos: "名詞", frequency: 1, documents: 1, community: 12, x: 0.9, y: 0.9))
        network.nodes.append(.init(term: "y", pos: "名詞", frequency: 1, documents: 1, community: 13, x: 0.1, y: 0.9))
        network.nodes.append(.init(term: "z", pos: "名詞", frequency: 1, documents: 1, community: 1, x: 0.9, y: 0.1))
        let svg = NetworkSVG.render(network)
        let circles = svg.components(separatedBy: "<circle").dropFirst()
        func attribute(_ name: String, _ element: String) -> String? {
            guard let start = element.range(of: " \(name)=\"") else { return nil }
            return element[start.upperBound...].split(separator: "\"").first.map(String.init)
        }
        #expect(circles.map { attribute("fill", $0) } == ["#8dd3c7", "#8dd3c7", "#ffffb3", "#a0a0a0", "#a0a0a0", "#ffffff", "#ffffb3"])
        // Area ∝ frequency: 12 → 20 px, 3 → 20 × √(3/12) = 10 px, 1 → clamped to 5.77 (not below 4).
        #expect(circles.map { attribute("r", $0) } == ["20.00", "15.28", "10.00", "8.16", "5.77", "5.77", "5.77"])
    }

    @Test func edgesGrowWithJaccardAndCrossCommunityEdgesAreDotted() {
        let svg = NetworkSVG.render(GraphExportTests.network)
        let lines = svg.components(separatedBy: "<line").dropFirst()
        #expect(lines.first?.contains("stroke-width=\"3.00\" stroke-opacity=\"1.00\"") == true)
        #expect(lines.last?.contains("stroke-width=\"0.60\" stroke-opacity=\"0.20\"") == true)
        var crossing = GraphExportTests.network
        crossing.edges.append(.init(source: 0, target: 2, sentences: 1, jaccard: 0.5))
        #expect(NetworkSVG.render(crossing).components(separatedBy: "stroke-dasharray").count - 1 == 1)
    }

    @Test func labelsDoNotOverlapInTheDrawing() {
        let network = NetworkFixtures.largeNetwork
        let svg = NetworkSVG.render(network)
        #expect(svg == NetworkSVG.render(network))
        let texts = svg.components(separatedBy: "<text x=\"").dropFirst().compactMap { element -> SIMD2<Double>? in
            let fields = element.split(separator: "\"")
            guard fields.count > 2, let x = Double(fields[0]), let y = Double(fields[2]) else { return nil }
            return SIMD2(x, y)
        }
        #expect(texts.count == network.nodes.count)
        let style = NetworkStyle()
        let radii = network.radii(style: style)
        let boxes = texts.indices.map { node -> NetworkLayout.Box in
            let size = style.labelSize(of: network.nodes[node].term)
            let half = SIMD2(max(size.width / 2, radii[node]), max(size.height / 2, radii[node]))
            return NetworkLayout.box(texts[node], half)
        }
        #expect(NetworkLayout.overlappingPairs(boxes).isEmpty)
    }

    @Test func numbersAreFormattedInTheCLocale() {
        #expect(NetworkSVG.fixed(1.005) == "1.00" || NetworkSVG.fixed(1.005) == "1.01")
        #expect(NetworkSVG.fixed(-0.004) == "0.00")
        #expect(NetworkSVG.fixed(-2.5) == "-2.50")
        #expect(NetworkSVG.fixed(12.345678) == "12.35")
        #expect(NetworkSVG.fixed(.nan) == "0")
    }
}
