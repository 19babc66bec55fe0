import Analysis

/// A co-occurrence network as KH Coder's 共起ネットワーク draws it by default: the strongest
/// pairs of terms by Jaccard coefficient (over the counts' unit, the pairs of `cooccurrence.csv`), their
/// terms as nodes, modularity communities (`Communities.fastGreedy`, weighted by Jaccard) and a
/// deterministic layout with labels kept apart (`NetworkLayout`).
///
/// Everything is ordered by counts and term text, never by hashing, so the same counts always
/// give the same network, coordinates included.
public struct CooccurrenceNetwork: Sendable, Equatable {
    /// A term of a chosen edge.
    public struct Node: Sendable, Equatable {
        /// The term as shown (its most frequent written form) and its part of speech.
        public var term: String
        public var pos: String
        /// Occurrences of the term, and documents containing it.
        public var frequency: Int
        public var documents: Int
        /// Community number: 0 is the largest community.
        public var community: Int
        /// Position in [0, 1], y growing downward.
        public var x: Double
        public var y: Double

        public init(term: String, pos: String, frequency: Int, documents: Int, community: Int, x: Double, y: Double) {
            self.term = term
            self.pos = pos
            self.frequency = frequency
            self.documents = documents
            self.community = community
            self.x = x
            self.y = y
        }
    }

    /// A chosen pair: node indices (`source` < `target`), the sentences containing both terms and
    /// their Jaccard coefficient.
    public struct Edge: Sendable, Equatable {
        public var source: Int
        public var target: Int
        public var sentences: Int
        public var jaccard: Double

        public init(source: Int, target: Int, sentences: Int, jaccard: Double) {
            self.source = source
            self.target = target
            self.sentences = sentences
            self.jaccard = jaccard
        }
    }

    /// Which pairs become edges, and how the picture is laid out.
    public struct Options: Sendable {
        /// How many of the strongest pairs to draw (KH Coder's default, 上位60). Pairs tied with
        /// the last one are drawn too, as KH Coder does (see `build`).
        public var maximumEdges = 60
        /// Pairs must share at least this many sentences (as `cooccurrence.csv`).
        public var minimumPairCount = 2
        /// Terms outside these bounds are left out.
        public var bounds = TermBounds()
        /// The canvas labels are separated for.
        public var style = NetworkStyle()
        /// Steps of the force layout.
        public var layoutIterations = 500
        /// Only terms at least as frequent as the `candidateTerms`-th most frequent are drawn.
        public var candidateTerms = 150
        /// The measure the edges are chosen by (their weight stays the Jaccard coefficient).
        public var measure: AssociationMeasure = .jaccard

        public init(
            maximumEdges: Int = 60, minimumPairCount: Int = 2, bounds: TermBounds = TermBounds(),
            style: NetworkStyle = NetworkStyle(), layoutIterations: Int = 500, candidateTerms: Int = 150,
            measure: AssociationMeasure = .jaccard
        ) {
            self.candidateTerms = candidateTerms
            self.measure = measure
            self.maximumEdges = maximumEdges
            self.minimumPairCount = minimumPairCount
            self.bounds = bounds
            self.style = style
            self.layoutIterations = layoutIterations
        }
    }

    /// Nodes by descending frequency, then by term text and part of speech (UTF-8 order).
    public var nodes: [Node]
    /// Edges by descending Jaccard, then descending shared sentences, then by node indices.
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// At most this many times `maximumEdges` edges are drawn, ties included.
    public static let tieAllowance = 2

    /// The network of `counts`.
    ///
    /// Edge choice follows KH Coder (`plotR/network.pm`): it sets the threshold to the quantile
    /// of all coefficients at 1 − edges / pairs and keeps every pair at or above it, which keeps
    /// the top `maximumEdges` pairs and every pair tied with the last of them. So do we: pairs are
    /// ranked by Jaccard and all pairs whose Jaccard equals the `maximumEdges`-th are kept, so the
    /// network may have more edges than `maximumEdges` (up to `tieAllowance` times as many; past
    /// that, ties are broken by shared sentences and then by the terms, deterministically).
    ///
    /// Like KH Coder, which draws only terms above a minimum frequency (最小出現数), the network
    /// considers the frequent terms only: those at least as frequent as the `candidateTerms`-th
    /// most frequent allowed term. Without that, a large corpus has thousands of rare pairs with
    /// a Jaccard of 1 (two terms found only together), all tied at the cut.
    public static func build(_ counts: CorpusCounts, options: Options) -> CooccurrenceNetwork {
        build(ReportContext(counts, bounds: options.bounds), options: options)
    }

    /// The network of `context`'s counts (its terms bounded by `options.bounds`).
    static func build(_ context: ReportContext, options: Options) -> CooccurrenceNetwork {
        let counts = context.counts
        let terms = context.terms
        let (shown, ranks) = (terms.shown, terms.ranks)
        var allowed = options.bounds == context.bounds ? terms.allowed : options.bounds.allowed(in: counts)
        let frequencies = counts.termFrequency.indices.filter { allowed[$0] }.map { counts.termFrequency[$0] }
        if frequencies.count > options.candidateTerms, options.candidateTerms > 0 {
            let floor = frequencies.sorted(by: >)[options.candidateTerms - 1]
            for id in allowed.indices where counts.termFrequency[id] < floor { allowed[id] = false }
        }
        struct Candidate {
            let first: Int
            let second: Int
            let sentences: Int
            let jaccard: Double
            let score: Double
        }
        let (unitFrequency, unitCount) = (counts.unitFrequency, counts.unitCount)
        var candidates: [Candidate] = []
        for (pair, both) in counts.pairUnits where both >= options.minimumPairCount {
            let (first, second) = (Int(pair.first), Int(pair.second))
            guard allowed[first] && allowed[second] else { continue }
            let table = PairCounts(
                both: both, first: unitFrequency[first], second: unitFrequency[second], units: unitCount)
            candidates.append(
                Candidate(
                    first: first, second: second, sentences: both, jaccard: table.jaccard,
                    score: options.measure.score(table)))
        }
        candidates.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.sentences != rhs.sentences { return lhs.sentences > rhs.sentences }
            let (left, right) = ((ranks[lhs.first], ranks[lhs.second]), (ranks[rhs.first], ranks[rhs.second]))
            return left != right ? left < right : (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
        guard options.maximumEdges > 0, !candidates.isEmpty else { return CooccurrenceNetwork(nodes: [], edges: []) }
        if candidates.count > options.maximumEdges {
            let threshold = candidates[options.maximumEdges - 1].score
            candidates = candidates.filter { $0.score >= threshold }
            // Ties are kept up to twice the edges asked for; beyond that a picture is unreadable,
            // and the pairs sharing more sentences, then by term, are drawn.
            candidates = Array(candidates.prefix(options.maximumEdges * Self.tieAllowance))
        }

        var termIDs = Array(Set(candidates.flatMap { [$0.first, $0.second] }))
        termIDs.sort { lhs, rhs in
            let (left, right) = (counts.termFrequency[lhs], counts.termFrequency[rhs])
            if left != right { return left > right }
            if ranks[lhs] != ranks[rhs] { return ranks[lhs] < ranks[rhs] }
            return counts.terms[lhs] < counts.terms[rhs]  // two keys shown alike (case-folded forms)
        }
        var nodeIndex: [Int: Int] = [:]
        for (index, id) in termIDs.enumerated() { nodeIndex[id] = index }
        var edges = candidates.compactMap { candidate -> Edge? in
            guard let a = nodeIndex[candidate.first], let b = nodeIndex[candidate.second] else { return nil }
            return Edge(source: min(a, b), target: max(a, b), sentences: candidate.sentences, jaccard: candidate.jaccard)
        }
        edges.sort { lhs, rhs in
            if lhs.jaccard != rhs.jaccard { return lhs.jaccard > rhs.jaccard }
            if lhs.sentences != rhs.sentences { return lhs.sentences > rhs.sentences }
            return (lhs.source, lhs.target) < (rhs.source, rhs.target)
        }

        let links = edges.map { Communities.Link($0.source, $0.target, weight: $0.jaccard) }
        let membership = Communities.fastGreedy(nodeCount: termIDs.count, links: links)
        var network = CooccurrenceNetwork(
            nodes: termIDs.enumerated().map { index, id in
                Node(
                    term: shown[id].text, pos: shown[id].partOfSpeech, frequency: counts.termFrequency[id],
                    documents: counts.documentFrequency[id], community: membership[index], x: 0.5, y: 0.5)
            },
            edges: edges)
        network.layOut(style: network.canvas(options.style), iterations: options.layoutIterations)
        return network
    }

    /// `base` made tall enough for this network's labels and circles to fit without overlapping:
    /// the canvas holds at least three times their footprints' area. A network of KH Coder's
    /// size fits the default 900 × 700; a larger one (many tied edges) gets a taller picture
    /// rather than labels piled on each other (and a label separation that cannot succeed).
    public func canvas(_ base: NetworkStyle = NetworkStyle()) -> NetworkStyle {
        let radii = radii(style: base)
        let footprints = nodes.indices.reduce(0.0) { total, index in
            let size = base.labelSize(of: nodes[index].term)
            return total + max(size.width, 2 * radii[index]) * max(size.height, 2 * radii[index])
        }
        let usableWidth = Double(base.width) - 2 * base.margin
        let neededHeight = 3 * footprints / max(1, usableWidth) + 2 * base.margin
        var style = base
        style.height = max(base.height, Int(neededHeight.rounded(.up)))
        return style
    }

    /// Places the nodes: force layout, then labels separated for `style`.
    public mutating func layOut(style: NetworkStyle = NetworkStyle(), iterations: Int = 500) {
        let links = edges.map { Communities.Link($0.source, $0.target, weight: $0.jaccard) }
        let forced = NetworkLayout.forceDirected(nodeCount: nodes.count, links: links, iterations: iterations)
        let positions = NetworkLayout.separatingLabels(forced, labels: nodes.map(\.term), radii: radii(style: style), style: style)
        for (index, position) in positions.enumerated() {
            nodes[index].x = position.x
            nodes[index].y = position.y
        }
    }

    /// Each node's circle radius in pixels for `style`: area proportional to frequency.
    public func radii(style: NetworkStyle) -> [Double] {
        let most = nodes.map(\.frequency).max() ?? 0
        return nodes.map { style.radius(frequency: $0.frequency, maximumFrequency: most) }
    }

    /// Nodes per community, indexed by community number.
    public var communitySizes: [Int] {
        var sizes = [Int](repeating: 0, count: (nodes.map(\.community).max() ?? -1) + 1)
        for node in nodes { sizes[node.community] += 1 }
        return sizes
    }
}
