import Foundation
import Testing
import TestSupport

@testable import Reporting

/// The χ² that chooses the correspondence analysis's terms (KH Coder's
/// `chisq.test(cbind(d[, i], n_total − d[, i]))`), computed from a term's occurrences only, against
/// R's own `chisq.test` on the dense table.
struct CorrespondenceChiSquareTests {
    @Test func theSparseStatisticIsRsOnTheDenseTable() throws {
        // Column totals (term occurrences per document or group) and three terms' counts.
        let totals: [Double] = [12, 7, 30, 5, 9, 18, 4]
        let terms: [[Double]] = [[3, 0, 1, 0, 2, 0, 0], [0, 0, 0, 0, 0, 1, 0], [1, 2, 6, 1, 0, 3, 1]]
        let total = totals.reduce(0, +)
        var program = "totals <- c(\(totals.map { String(Int($0)) }.joined(separator: ", ")))\n"
        for (index, counts) in terms.enumerated() {
            program += "x <- c(\(counts.map { String(Int($0)) }.joined(separator: ", ")))\n"
            program += "cat(\"t\(index)\", sprintf('%.17g', suppressWarnings(chisq.test(cbind(x, totals - x))$statistic)), \"\\n\")\n"
        }
        let oracle = try TestSupport.runR(program)
        for (index, counts) in terms.enumerated() {
            let present = counts.indices.filter { counts[$0] > 0 }.map { (column: $0, count: counts[$0]) }
            let sparse = MultivariateMaps.chiSquare(present: present, totals: totals, total: total)
            let expected = try #require(oracle["t\(index)"]?.first)
            #expect(abs(sparse - expected) <= 1e-9 * max(1, expected), "term \(index): \(sparse) against R's \(expected)")
            #expect(abs(sparse - MultivariateMaps.chiSquare(counts, totals: totals, total: total)) <= 1e-9 * max(1, expected))
        }
        // Two columns: Yates's correction, as R applies it to a 2 × 2 table.
        let two = try TestSupport.runR(
            "cat('y', sprintf('%.17g', chisq.test(cbind(c(4, 1), c(20, 30) - c(4, 1)))$statistic), '\\n')")
        let yates = MultivariateMaps.chiSquare(present: [(0, 4), (1, 1)], totals: [20, 30], total: 50)
        #expect(abs(yates - (try #require(two["y"]?.first))) <= 1e-9)
    }
}
