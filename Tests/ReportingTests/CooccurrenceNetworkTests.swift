import Analysis
import Testing

@testable import Reporting

/// Edge choice, node order and communities of `CooccurrenceNetwork.build`, on `NetworkFixtures`.
struct CooccurrenceNetworkTests {
    typealias Options = CooccurrenceNetwork.Options

    func pairs(_ network: CooccurrenceNetwork) -> [String] {
        network.edges.map { network.nodes[$0.source].term + network.nodes[$0.target].term }
    }

    @Test func allPairsAboveTheMinimumCountAreRankedByJaccard() {
        let network = CooccurrenceNetwork.build(NetworkFixtures.small, options: Options())
        // Nodes by descending frequency, ties by text: A and C (4), B, E, F (3), D (2).
        #expect(network.nodes.map(\.term) == ["A", "C", "B", "E", "F", "D"])
        #expect(network.nodes.map(\.frequency) == [4, 4, 3, 3, 3, 2])
        #expect(network.nodes.allSatisfy { $0.pos == "名詞" && $0.documents == 1 })
        // By Jaccard, then shared sentences, then node indices: CD (1, 5) before EF (3, 4).
        #expect(pairs(network) == ["AB", "CD", "EF", "AC"])
        #expect(network.edges.map(\.jaccard) == [0.75, 0.5, 0.5, 2.0 / 6])
        #expect(network.edges.map(\.sentences) == [3, 2, 2, 2])
        #expect(network.edges.map { [$0.source, $0.target] } == [[0, 2], [1, 5], [3, 4], [0, 1]])
    }

    @Test func pairsTiedWithTheLastKeptEdgeAreKeptToo() {
        // KH Coder's threshold rule: the second edge has Jaccard 0.5, and so has the third.
        #expect(pairs(CooccurrenceNetwork.build(NetworkFixtures.small, options: Options(maximumEdges: 2))) == ["AB", "CD", "EF"])
        #expect(pairs(CooccurrenceNetwork.build(NetworkFixtures.small, options: Options(maximumEdges: 1))) == ["AB"])
        #expect(CooccurrenceNetwork.build(NetworkFixtures.small, options: Options(maximumEdges: 0)).nodes.isEmpty)
    }

    @Test func theMinimumPairCountAndTermBoundsFilterPairs() {
        #expect(pairs(CooccurrenceNetwork.build(NetworkFixtures.small, options: Options(minimumPairCount: 3))) == ["AB"])
        #expect(pairs(CooccurrenceNetwork.build(NetworkFixtures.small, options: Options(minimumPairCount: 1))).last == "CB")
        // A and C occur four times: without them only EF is left (BD never co-occur).
        let bounded = CooccurrenceNetwork.build(
            NetworkFixtures.small, options: Options(bounds: TermBounds(maximumCount: 3)))
        #expect(pairs(bounded) == ["EF"])
    }

    @Test func communitiesAreNumberedByDescendingSizeThenLowestNode() {
        let network = CooccurrenceNetwork.build(NetworkFixtures.small, options: Options())
        // {A, B}, {C, D}, {E, F}: modularity 0.486 against 0.365 with A–D merged (by hand).
        #expect(network.nodes.map(\.community) == [0, 1, 0, 2, 2, 1])
        #expect(network.communitySizes == [2, 2, 2])
    }

    @Test func theEdgesAreTheTopRowsOfTheCooccurrenceReport() {
        let network = NetworkFixtures.largeNetwork
        let rows = Reports.cooccurrence(NetworkFixtures.large, minimumCount: 2).rows
        #expect(network.edges.count >= 60)
        guard rows.count > network.edges.count, case .decimal(let last) = rows[network.edges.count - 1][10],
            case .decimal(let next) = rows[network.edges.count][10]
        else {
            Issue.record("expected more than \(network.edges.count) co-occurrence rows")
            return
        }
        #expect(last == network.edges.last?.jaccard)
        #expect(next < last)
        var fromReport: [String] = []
        for row in rows.prefix(network.edges.count) {
            guard case .text(let a) = row[0], case .text(let b) = row[2] else { continue }
            fromReport.append([a, b].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "|"))
        }
        let fromNetwork = network.edges.map { edge in
            [network.nodes[edge.source].term, network.nodes[edge.target].term]
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "|")
        }
        #expect(fromNetwork.sorted() == fromReport.sorted())
        #expect(network.communitySizes.count > 1)
        #expect(network.communitySizes == network.communitySizes.sorted(by: >))
    }

    @Test func buildingTwiceGivesTheSameNetwork() {
        #expect(CooccurrenceNetwork.build(NetworkFixtures.large, options: Options()) == NetworkFixtures.largeNetwork)
        // Merged counts (other term ids, other hash order) give the same network too.
        var merged = CorpusCounts(themeNames: [])
        merged.merge(NetworkFixtures.small)
        merged.merge(NetworkFixtures.large)
        var reversed = CorpusCounts(themeNames: [])
        reversed.merge(NetworkFixtures.large)
        reversed.merge(NetworkFixtures.small)
        #expect(CooccurrenceNetwork.build(merged, options: Options()) == CooccurrenceNetwork.build(reversed, options: Options()))
    }
}
