/// A co-occurrence network drawn as an inline `<svg>` element for an HTML report, in KH Coder's
/// style: edges as grey lines whose width and darkness grow with the Jaccard coefficient (KH
/// Coder maps the coefficient to opacity from 0.2 to 1), dotted between communities; nodes as
/// circles whose area is proportional to frequency (its bubble plot), filled by community
/// (`CommunityPalette`); Japanese labels centered on the nodes, where the layout separated them.
///
/// The element has no scripts and no external references; every text is escaped and every number
/// written with two decimals in the C locale, so the same network always gives the same bytes.
public enum NetworkSVG {
    /// The network on a `width` × `height` canvas. Positions are the network's own; labels are
    /// separated again for this canvas (which moves nothing when the network was laid out for the
    /// same size, as it is by default).
    public static func render(_ network: CooccurrenceNetwork, width: Int = 900, height: Int = 700) -> String {
        var style = NetworkStyle()
        style.width = max(1, width)
        style.height = max(1, height)
        return render(network, canvas: style)
    }

    /// The network drawn in `style` (its canvas as `CooccurrenceNetwork.canvas()` sized it).
    public static func render(_ network: CooccurrenceNetwork, canvas style: NetworkStyle) -> String {
        let radii = network.radii(style: style)
        let labels = network.nodes.map(\.term)
        let positions = NetworkLayout.separatingLabels(
            network.nodes.map { SIMD2($0.x, $0.y) }, labels: labels, radii: radii, style: style)
        let area = SIMD2(Double(style.width) - 2 * style.margin, Double(style.height) - 2 * style.margin)
        let points = positions.map { SIMD2(style.margin, style.margin) + $0 * area }
        let sizes = network.communitySizes

        var svg = SVGElement.opening(width: style.width, height: style.height, fontSize: fixed(style.fontSize))
        svg += "<title>co-occurrence network: \(network.nodes.count) terms, \(network.edges.count) edges</title>\n"

        let weights = network.edges.map(\.jaccard)
        let (low, high) = (weights.min() ?? 0, weights.max() ?? 0)
        svg += "<g stroke=\"#1a1a1a\" stroke-linecap=\"round\">\n"
        for edge in network.edges {
            let strength = high > low ? (edge.jaccard - low) / (high - low) : 1
            let (from, to) = (points[edge.source], points[edge.target])
            svg += "<line x1=\"\(fixed(from.x))\" y1=\"\(fixed(from.y))\" x2=\"\(fixed(to.x))\" y2=\"\(fixed(to.y))\" "
            svg += "stroke-width=\"\(fixed(0.6 + 2.4 * strength))\" stroke-opacity=\"\(fixed(0.2 + 0.8 * strength))\""
            if network.nodes[edge.source].community != network.nodes[edge.target].community {
                svg += " stroke-dasharray=\"2 3\""
            }
            svg += "/>\n"
        }
        svg += "</g>\n<g stroke=\"#666666\" stroke-width=\"0.8\">\n"
        for (index, node) in network.nodes.enumerated() {
            let fill = CommunityPalette.hex(CommunityPalette.colour(community: node.community, size: sizes[node.community]))
            svg += "<circle cx=\"\(fixed(points[index].x))\" cy=\"\(fixed(points[index].y))\" r=\"\(fixed(radii[index]))\" "
            svg += "fill=\"\(fill)\"><title>"
            svg += XMLText.escaped("\(node.term) (\(node.pos)) frequency \(node.frequency), community \(node.community + 1)")
            svg += "</title></circle>\n"
        }
        // A white halo under each label keeps it readable where lines cross it.
        svg += "</g>\n<g fill=\"#000000\" text-anchor=\"middle\" dominant-baseline=\"central\" "
        svg += "stroke=\"#ffffff\" stroke-width=\"3\" stroke-opacity=\"0.85\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n"
        for (index, node) in network.nodes.enumerated() {
            svg += "<text x=\"\(fixed(points[index].x))\" y=\"\(fixed(points[index].y))\">"
            svg += XMLText.escaped(node.term) + "</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// `value` with two decimals, C locale, half away from zero; non-finite values as 0.
    static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int64((abs(value) * 100).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let fraction = hundredths % 100
        return sign + String(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
