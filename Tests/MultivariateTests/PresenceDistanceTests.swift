import Foundation
import Multivariate
import Testing
import TestSupport

/// The distances from 2×2 tables against R's own on the presence matrix: `dist(method =
/// "binary")` for Jaccard, `dist` of the standardized rows (KH Coder's `t(scale(t(d)))`) for
/// Euclid, the cosine of the rows, and Dice and Simpson from the rows' cross-products.
struct PresenceDistanceTests {
    static let program = """
        args <- commandArgs(trailingOnly = TRUE)
        m <- as.matrix(read.table(args[1]))
        out <- function(name, x) cat(name, sprintf("%.17g", as.vector(x)), "\\n")
        both <- m %*% t(m); size <- rowSums(m)
        low <- lower.tri(both)
        a <- both[low]; ai <- outer(size, size, function(x, y) x)[low]; aj <- outer(size, size, function(x, y) y)[low]
        out("jaccard", dist(m, method = "binary"))
        out("euclid", dist(t(scale(t(m)))))
        out("cosine", 1 - a / sqrt(ai * aj))
        out("dice", 1 - 2 * a / (ai + aj))
        out("simpson", 1 - a / pmin(ai, aj))
        """

    @Test func distancesFromTheTwoByTwoTablesAreRs() throws {
        let (_, presence) = RFixtures.jaccard(objects: 12, units: 30, seed: 5)
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("presence.txt")
        try RFixtures.write(presence.map { $0.map(Double.init) }, to: file)
        let r = try TestSupport.runR(Self.program, arguments: [file.path])
        let units = presence[0].count
        for distance in PresenceDistance.allCases {
            var ours: [Double] = []
            // R's dist order: for each column i, the rows j > i.
            for i in presence.indices {
                for j in (i + 1)..<presence.count {
                    let a = (0..<units).filter { presence[i][$0] == 1 && presence[j][$0] == 1 }.count
                    let first = presence[i].reduce(0, +)
                    let second = presence[j].reduce(0, +)
                    ours.append(distance.distance(a: a, b: first - a, c: second - a, n: units))
                }
            }
            let theirs = try #require(r[distance.rawValue])
            #expect(ours.count == theirs.count)
            for (mine, their) in zip(ours, theirs) { #expect(abs(mine - their) < 1e-12, "\(distance)") }
        }
    }
}
