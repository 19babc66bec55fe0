/// Agglomerative hierarchical clustering as R's `hclust` does it (Murtagh's nearest-neighbour
/// chain of `hclust.f`, with the same Lance–Williams updates, the same order of comparisons and
/// so the same choice among tied pairs), and `cutree`.
public struct HierarchicalClustering: Sendable, Equatable {
    /// How the distance between two clusters is found: R's `ward.D2`, `average` (UPGMA) and
    /// `complete`.
    public enum Method: String, Sendable, CaseIterable, Codable {
        case wardD2 = "ward.D2"
        case average
        case complete
    }

    /// Each step's two members as R's `merge` gives them: −i for object i (from 1), +s for the
    /// cluster made at step s.
    public let merges: [(Int, Int)]
    /// Each step's height (for `ward.D2`, on the scale of the distances).
    public let heights: [Double]
    /// The objects (from 1) in the dendrogram's order, left to right (R's `order`).
    public let order: [Int]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.merges.elementsEqual(rhs.merges, by: ==) && lhs.heights == rhs.heights && lhs.order == rhs.order
    }

    /// Clusters `count` objects from their distances, given as R's `dist` holds them: for i < j
    /// (from 0), the distance of i and j at j − i − 1 + i(2·count − i − 1)/2.
    public init(distances: [Double], count n: Int, method: Method) {
        precondition(n >= 2 && distances.count == n * (n - 1) / 2)
        // hclust.f, 1-based as it is, so that every comparison is the same.
        func offset(_ i: Int, _ j: Int) -> Int { j + (i - 1) * n - (i * (i + 1)) / 2 - 1 }
        var diss = distances
        if method == .wardD2 { diss = diss.map { $0 * $0 } }
        var flag = [Bool](repeating: true, count: n + 1)
        var membr = [Double](repeating: 1, count: n + 1)
        var nn = [Int](repeating: 0, count: n + 1)
        var disnn = [Double](repeating: 0, count: n + 1)
        var ia = [Int](repeating: 0, count: n + 1)
        var ib = [Int](repeating: 0, count: n + 1)
        var crit = [Double](repeating: 0, count: n + 1)
        let inf = Double.greatestFiniteMagnitude
        var (im, jm, jj) = (0, 0, 0)
        for i in 1..<n {
            var dmin = inf
            for j in (i + 1)...n where dmin > diss[offset(i, j)] {
                dmin = diss[offset(i, j)]
                jm = j
            }
            nn[i] = jm
            disnn[i] = dmin
        }
        var ncl = n
        while ncl > 1 {
            var dmin = inf
            for i in 1..<n where flag[i] && disnn[i] < dmin {
                dmin = disnn[i]
                im = i
                jm = nn[i]
            }
            ncl -= 1
            let i2 = min(im, jm)
            let j2 = max(im, jm)
            ia[n - ncl] = i2
            ib[n - ncl] = j2
            crit[n - ncl] = method == .wardD2 ? dmin.squareRoot() : dmin
            flag[j2] = false
            dmin = inf
            for k in 1...n where flag[k] && k != i2 {
                let ind1 = i2 < k ? offset(i2, k) : offset(k, i2)
                let ind2 = j2 < k ? offset(j2, k) : offset(k, j2)
                let d12 = diss[offset(i2, j2)]
                switch method {
                case .wardD2:
                    diss[ind1] = (membr[i2] + membr[k]) * diss[ind1] + (membr[j2] + membr[k]) * diss[ind2] - membr[k] * d12
                    diss[ind1] = diss[ind1] / (membr[i2] + membr[j2] + membr[k])
                case .complete:
                    diss[ind1] = max(diss[ind1], diss[ind2])
                case .average:
                    diss[ind1] = (membr[i2] * diss[ind1] + membr[j2] * diss[ind2]) / (membr[i2] + membr[j2])
                }
                if i2 < k {
                    if diss[ind1] < dmin {
                        dmin = diss[ind1]
                        jj = k
                    }
                } else if diss[ind1] < disnn[k] {
                    disnn[k] = diss[ind1]
                    nn[k] = i2
                }
            }
            membr[i2] += membr[j2]
            disnn[i2] = dmin
            nn[i2] = jj
            for i in 1..<n where flag[i] && (nn[i] == i2 || nn[i] == j2) {
                var dmin = inf
                if i + 1 <= n {
                    for j in (i + 1)...n where flag[j] && diss[offset(i, j)] < dmin {
                        dmin = diss[offset(i, j)]
                        jj = j
                    }
                }
                nn[i] = jj
                disnn[i] = dmin
            }
        }
        // HCASS2: R's merge and order.
        var iia = ia
        var iib = ib
        if n > 2 {
            for i in 1...(n - 2) {
                let k = min(ia[i], ib[i])
                for j in (i + 1)...(n - 1) {
                    if ia[j] == k { iia[j] = -i }
                    if ib[j] == k { iib[j] = -i }
                }
            }
        }
        for i in 1...(n - 1) {
            iia[i] = -iia[i]
            iib[i] = -iib[i]
        }
        for i in 1...(n - 1) {
            if iia[i] > 0 && iib[i] < 0 { swap(&iia[i], &iib[i]) }
            if iia[i] > 0 && iib[i] > 0 {
                let (k1, k2) = (min(iia[i], iib[i]), max(iia[i], iib[i]))
                iia[i] = k1
                iib[i] = k2
            }
        }
        var iorder = [Int](repeating: 0, count: n + 2)
        iorder[1] = iia[n - 1]
        iorder[2] = iib[n - 1]
        var loc = 2
        if n > 2 {
            for i in stride(from: n - 2, through: 1, by: -1) {
                for j in 1...loc where iorder[j] == i {
                    iorder[j] = iia[i]
                    if j == loc {
                        loc += 1
                        iorder[loc] = iib[i]
                    } else {
                        loc += 1
                        var k = loc
                        while k >= j + 2 {
                            iorder[k] = iorder[k - 1]
                            k -= 1
                        }
                        iorder[j + 1] = iib[i]
                    }
                    break
                }
            }
        }
        merges = (1..<n).map { (iia[$0], iib[$0]) }
        heights = Array(crit[1..<n])
        order = (1...n).map { -iorder[$0] }
    }

    /// The cluster (from 1) of each object when the tree is cut into `k` clusters, numbered as
    /// R's `cutree` numbers them: in the order their first object comes.
    public func memberships(clusters k: Int) -> [Int] {
        let n = merges.count + 1
        precondition(k >= 1 && k <= n)
        // Union of the first n − k steps.
        var parent = Array(0..<n)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        var representative = [Int](repeating: 0, count: n)  // an object of each step's cluster
        for (step, (a, b)) in merges.prefix(n - k).enumerated() {
            let left = a < 0 ? -a - 1 : representative[a - 1]
            let right = b < 0 ? -b - 1 : representative[b - 1]
            parent[root(right)] = root(left)
            representative[step] = left
        }
        var numbers: [Int: Int] = [:]
        return (0..<n).map { object in
            let top = root(object)
            if let number = numbers[top] { return number }
            numbers[top] = numbers.count + 1
            return numbers.count
        }
    }
}
