/// Modularity communities by greedy agglomeration (Clauset, Newman and Moore 2004, "Finding
/// community structure in very large networks"), the algorithm of igraph's
/// `fastgreedy.community` that KH Coder's co-occurrence network uses for サブグラフ検出
/// (modularity).
///
/// KH Coder calls `fastgreedy.community(n2, merges=TRUE, modularity=TRUE)` without `weights`, and
/// igraph then uses the graph's `weight` edge attribute, which KH Coder sets to the Jaccard
/// coefficient: so the communities here are weighted by the links' weights too. Pass weight 1 for
/// the unweighted algorithm.
///
/// Every step merges the two linked communities whose merger raises modularity most; ties go to
/// the pair with the lowest community numbers, so the result never depends on hashing. Merging
/// goes on until no linked communities remain, and the partition kept is the first one with the
/// highest modularity, as igraph's membership vector is.
public enum Communities {
    /// An undirected weighted link between nodes `a` and `b` (indices from 0).
    public struct Link: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var weight: Double

        public init(_ a: Int, _ b: Int, weight: Double = 1) {
            self.a = a
            self.b = b
            self.weight = weight
        }
    }

    /// The community of each of `nodeCount` nodes, numbered 0… by descending community size,
    /// then by the lowest node index in the community. Self-links and links with a non-positive
    /// weight are ignored; nodes without links are communities of their own.
    public static func fastGreedy(nodeCount: Int, links: [Link]) -> [Int] {
        let usable = links.filter { $0.a != $0.b && $0.weight > 0 && $0.weight.isFinite }
        let total = usable.reduce(0) { $0 + $1.weight }
        guard nodeCount > 0, total > 0 else { return renumber(Array(0..<nodeCount)) }
        // e[i][j]: fraction of link ends joining communities i and j (each direction), a[i]: the
        // fraction of link ends in community i.
        var e: [[Int: Double]] = Array(repeating: [:], count: nodeCount)
        var a = [Double](repeating: 0, count: nodeCount)
        for link in usable {
            let share = link.weight / (2 * total)
            e[link.a][link.b, default: 0] += share
            e[link.b][link.a, default: 0] += share
            a[link.a] += share
            a[link.b] += share
        }
        var modularity = -a.reduce(0) { $0 + $1 * $1 }
        var owner = Array(0..<nodeCount)  // each node's current community
        var best = (modularity: modularity, owner: owner)
        while true {
            var choice: (gain: Double, i: Int, j: Int)?
            for i in 0..<nodeCount {
                for (j, eij) in e[i] where j > i {
                    let gain = 2 * (eij - a[i] * a[j])
                    if let current = choice {
                        guard gain > current.gain || (gain == current.gain && (i, j) < (current.i, current.j)) else {
                            continue
                        }
                    }
                    choice = (gain, i, j)
                }
            }
            guard let (gain, i, j) = choice else { break }
            // Merge j into i: i's links gain j's, in ascending order of the other community.
            for k in e[j].keys.sorted() where k != i {
                let ejk = e[j][k] ?? 0
                e[i][k, default: 0] += ejk
                e[k][i, default: 0] += ejk
                e[k][j] = nil
            }
            e[i][j] = nil
            e[j] = [:]
            a[i] += a[j]
            a[j] = 0
            for node in owner.indices where owner[node] == j { owner[node] = i }
            modularity += gain
            if modularity > best.modularity { best = (modularity, owner) }
        }
        return renumber(best.owner)
    }

    /// The modularity of a partition, Q = Σ_c [L_c / m − (d_c / 2m)²] with link weights: L_c is
    /// the weight of links inside community c, d_c the weighted degree of its nodes, m the total
    /// weight.
    public static func modularity(nodeCount: Int, links: [Link], membership: [Int]) -> Double {
        precondition(membership.count == nodeCount, "one community per node")
        let usable = links.filter { $0.a != $0.b && $0.weight > 0 && $0.weight.isFinite }
        let total = usable.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let count = (membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var degree = [Double](repeating: 0, count: count)
        for link in usable {
            let (first, second) = (membership[link.a], membership[link.b])
            if first == second { inside[first] += link.weight }
            degree[first] += link.weight
            degree[second] += link.weight
        }
        return (0..<count).reduce(0) { sum, c in
            sum + inside[c] / total - (degree[c] / (2 * total)) * (degree[c] / (2 * total))
        }
    }

    /// Community labels renumbered 0… by descending size, then by lowest member index.
    static func renumber(_ labels: [Int]) -> [Int] {
        var members: [Int: [Int]] = [:]
        for (node, label) in labels.enumerated() { members[label, default: []].append(node) }
        let order = members.values.sorted { lhs, rhs in
            lhs.count != rhs.count ? lhs.count > rhs.count : (lhs.first ?? 0) < (rhs.first ?? 0)
        }
        var result = labels
        for (number, nodes) in order.enumerated() {
            for node in nodes { result[node] = number }
        }
        return result
    }
}
