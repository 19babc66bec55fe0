import Foundation
import Multivariate
import Testing
import TestSupport

/// hclust, cutree, cmdscale and isoMDS against R on the same distances.
struct ClusteringAndScalingTests {
    static let program = """
        args <- commandArgs(trailingOnly = TRUE)
        suppressMessages(library(MASS))
        v <- scan(args[1], quiet = TRUE)
        n <- as.integer(args[2]); k <- as.integer(args[3])
        m <- matrix(0, n, n); m[lower.tri(m)] <- v; d <- as.dist(m)
        out <- function(name, x) cat(name, sprintf("%.17g", as.vector(x)), "\\n")
        for (method in c("ward.D2", "average", "complete")) {
            h <- hclust(d, method = method)
            out(paste0(method, "_merge"), h$merge)
            out(paste0(method, "_height"), h$height)
            out(paste0(method, "_order"), h$order)
            out(paste0(method, "_cutree"), cutree(h, k = k))
        }
        out("cmdscale", cmdscale(d, k = 2))
        start <- as.matrix(read.table(args[4]))
        i <- isoMDS(d, y = start, k = 2, trace = FALSE)
        out("isomds_stress", i$stress)
        out("isomds_points", i$points)
        j <- isoMDS(d, y = start, k = 2, maxit = 3000, tol = 1e-6, trace = FALSE)
        out("isomds_long_stress", j$stress)
        out("isomds_long_points", j$points)
        """

    /// Jaccard distances of random presence rows (with ties), and rounded distances (many ties).
    static let cases: [(name: String, distances: [Double], count: Int)] = {
        let jaccard = RFixtures.jaccard(objects: 18, units: 40, seed: 7)
        let small = RFixtures.jaccard(objects: 9, units: 12, seed: 11)
        let tied = small.distances.map { ($0 * 4).rounded() / 4 + 0.25 }
        return [("jaccard", jaccard.distances, 18), ("small", small.distances, 9), ("tied", tied, 9)]
    }()

    @Test(arguments: 0..<3)
    func matchesR(index: Int) throws {
        let (name, distances, n) = Self.cases[index]
        let k = 4
        let classical = try ClassicalScaling(distances: distances, count: n)
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("d.txt")
        try Data((distances.map { String(format: "%.17g", $0) }.joined(separator: "\n") + "\n").utf8).write(to: file)
        let start = directory.appendingPathComponent("start.txt")
        try RFixtures.write(classical.points, to: start)
        print("\(name): clustering and scaling against \(try TestSupport.rVersions())")
        let r = try TestSupport.runR(Self.program, arguments: [file.path, "\(n)", "\(k)", start.path])
        for method in HierarchicalClustering.Method.allCases {
            let ours = HierarchicalClustering(distances: distances, count: n, method: method)
            let merge = r["\(method.rawValue)_merge"]!.map { Int($0) }
            let steps = n - 1
            #expect(ours.merges.map(\.0) == Array(merge.prefix(steps)), "\(name) \(method.rawValue)")
            #expect(ours.merges.map(\.1) == Array(merge.suffix(steps)), "\(name) \(method.rawValue)")
            for (mine, theirs) in zip(ours.heights, r["\(method.rawValue)_height"]!) {
                #expect(abs(mine - theirs) < 1e-9, "\(name) \(method.rawValue)")
            }
            #expect(ours.order == r["\(method.rawValue)_order"]!.map { Int($0) }, "\(name) \(method.rawValue)")
            #expect(ours.memberships(clusters: k) == r["\(method.rawValue)_cutree"]!.map { Int($0) })
        }
        #expect(RFixtures.differenceUpToSign(classical.points, RFixtures.matrix(r["cmdscale"]!, rows: n)) < 1e-6)
        let kruskal = try KruskalScaling(distances: distances, count: n, start: classical.points)
        #expect(abs(kruskal.stress - r["isomds_stress"]![0]) < 1e-4, "\(name): \(kruskal.stress)")
        #expect(RFixtures.differenceUpToSign(kruskal.points, RFixtures.matrix(r["isomds_points"]!, rows: n)) < 1e-4)
        let long = try KruskalScaling(
            distances: distances, count: n, start: classical.points, iterations: 3000, tolerance: 1e-6)
        #expect(abs(long.stress - r["isomds_long_stress"]![0]) < 1e-4, "\(name): \(long.stress)")
    }

    @Test func cutreeNumbersClustersByTheirFirstObject() {
        // Objects 0 and 2 close, 1 and 3 close: two clusters, the first holding object 1 (from 1).
        let distances = [5.0, 1.0, 5.0, 5.0, 1.0, 5.0]
        let tree = HierarchicalClustering(distances: distances, count: 4, method: .average)
        #expect(tree.memberships(clusters: 2) == [1, 2, 1, 2])
        #expect(tree.memberships(clusters: 4) == [1, 2, 3, 4])
        #expect(tree.memberships(clusters: 1) == [1, 1, 1, 1])
    }

    @Test func kruskalRefusesAZeroDistance() {
        #expect(throws: MultivariateError.self) {
            try KruskalScaling(distances: [0, 1, 1], count: 3, start: [[0, 0], [1, 0], [0, 1]])
        }
    }
}
