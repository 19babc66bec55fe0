import Testing

@testable import Reporting

/// `Communities.fastGreedy` against published results, with modularity recomputed here
/// independently of the library.
struct CommunitiesTests {
    /// Zachary's karate club (W. W. Zachary 1977; igraph's "Zachary" graph): 34 members, 78
    /// friendships, numbered from 1 as published.
    static let karate: [(Int, Int)] = [
        (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (1, 11), (1, 12), (1, 13), (1, 14),
        (1, 18), (1, 20), (1, 22), (1, 32), (2, 3), (2, 4), (2, 8), (2, 14), (2, 18), (2, 20), (2, 22),
        (2, 31), (3, 4), (3, 8), (3, 9), (3, 10), (3, 14), (3, 28), (3, 29), (3, 33), (4, 8), (4, 13),
        (4, 14), (5, 7), (5, 11), (6, 7), (6, 11), (6, 17), (7, 17), (9, 31), (9, 33), (9, 34), (10, 34),
        (14, 34), (15, 33), (15, 34), (16, 33), (16, 34), (19, 33), (19, 34), (20, 34), (21, 33),
        (21, 34), (23, 33), (23, 34), (24, 26), (24, 28), (24, 30), (24, 33), (24, 34), (25, 26),
        (25, 28), (25, 32), (26, 32), (27, 30), (27, 34), (28, 34), (29, 32), (29, 34), (30, 33),
        (30, 34), (31, 33), (31, 34), (32, 33), (32, 34), (33, 34),
    ]

    /// Q = Σ_c [L_c / m − (d_c / 2m)²], unweighted, written out again here.
    func modularity(_ edges: [(Int, Int)], _ membership: [Int]) -> Double {
        let m = Double(edges.count)
        var inside: [Int: Double] = [:]
        var degree: [Int: Double] = [:]
        for (a, b) in edges {
            if membership[a] == membership[b] { inside[membership[a], default: 0] += 1 }
            degree[membership[a], default: 0] += 1
            degree[membership[b], default: 0] += 1
        }
        return Set(membership).reduce(0) { sum, c in
            let d = degree[c] ?? 0
            return sum + (inside[c] ?? 0) / m - (d / (2 * m)) * (d / (2 * m))
        }
    }

    @Test func karateClubSplitsIntoThreeCommunitiesWithModularity0_3807() {
        #expect(Self.karate.count == 78)
        let edges = Self.karate.map { ($0.0 - 1, $0.1 - 1) }
        let membership = Communities.fastGreedy(nodeCount: 34, links: edges.map { Communities.Link($0.0, $0.1) })
        // igraph's cluster_fast_greedy on this graph: 3 communities, modularity 0.3806706.
        #expect(Set(membership).count == 3)
        let q = modularity(edges, membership)
        #expect(abs(q - 0.3806706) < 1e-6)
        #expect(abs(Communities.modularity(nodeCount: 34, links: edges.map { Communities.Link($0.0, $0.1) }, membership: membership) - q) < 1e-12)
        // The instructor (1) and the administrator (34) end up apart.
        #expect(membership[0] != membership[33])
        // Numbered by size: community 0 is the largest.
        let sizes = (0..<3).map { c in membership.filter { $0 == c }.count }
        #expect(sizes == sizes.sorted(by: >))
    }

    @Test func twoCliquesJoinedByOneEdgeAreTwoCommunities() {
        var edges: [(Int, Int)] = []
        for offset in [0, 5] {
            for i in 0..<5 { for j in (i + 1)..<5 { edges.append((offset + i, offset + j)) } }
        }
        edges.append((0, 5))
        let membership = Communities.fastGreedy(nodeCount: 10, links: edges.map { Communities.Link($0.0, $0.1) })
        #expect(membership == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        // By hand: 2 × (10/21 − (21/42)²) = 0.452381.
        #expect(abs(modularity(edges, membership) - 0.452381) < 1e-6)
    }

    @Test func weightsDecideAmongOtherwiseEqualSplits() {
        // A square whose sides 0–1 and 2–3 are heavy: unweighted every split into adjacent pairs
        // has modularity 0; weighted, {0, 1} {2, 3} has 2 × (1/2.2 − (2.2/4.4)²) = 0.409.
        let links = [
            Communities.Link(0, 1, weight: 1), Communities.Link(1, 2, weight: 0.1),
            Communities.Link(2, 3, weight: 1), Communities.Link(3, 0, weight: 0.1),
        ]
        let membership = Communities.fastGreedy(nodeCount: 4, links: links)
        #expect(membership == [0, 0, 1, 1])
        #expect(abs(Communities.modularity(nodeCount: 4, links: links, membership: membership) - (2 * (1 / 2.2 - 0.25))) < 1e-12)
        let heavyOther = links.map { Communities.Link($0.a, $0.b, weight: 1.1 - $0.weight) }
        #expect(Communities.fastGreedy(nodeCount: 4, links: heavyOther) == [0, 1, 1, 0])
    }

    @Test func nodesWithoutLinksAreAlone() {
        #expect(Communities.fastGreedy(nodeCount: 3, links: []) == [0, 1, 2])
        #expect(Communities.fastGreedy(nodeCount: 4, links: [Communities.Link(2, 3)]) == [1, 2, 0, 0])
    }
}
