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

    /// The statistics gathered column by column as the cells go by (`chiSquares`) are the
    /// sparse function's on each term's cells, to the bit: random columns of a fixed sequence,
    /// terms given twice in a row in a column, terms not listed, dropped columns, and two columns.
    @Test(arguments: [7, 2])
    func theStatisticsGatheredColumnByColumnAreTheSparseFunctions(columnCount: Int) {
        var random = SplitMix(state: UInt64(columnCount))
        let termCount = 40
        let allowed = (0..<termCount).map { $0 % 9 != 4 }
        // Per column, (term, count) in term order, some terms twice in a row, some counts 0.
        let columns: [[(Int32, Int)]] = (0..<columnCount).map { _ in
            var cells: [(Int32, Int)] = []
            for id in 0..<termCount where Int.random(in: 0..<3, using: &random) == 0 {
                cells.append((Int32(id), Int.random(in: 0...6, using: &random)))
                if Int.random(in: 0..<8, using: &random) == 0 { cells.append((Int32(id), Int.random(in: 1...3, using: &random))) }
            }
            return cells
        }
        let cells = MultivariateMaps.ColumnCells(columns: columnCount, allowed: allowed) { column, body in
            for (id, count) in columns[column] { body(id, count) }
        }
        // Column 1 is dropped when there are more than two: it takes no part in the sums.
        let place = (0..<columnCount).map { column in columnCount > 2 && column == 1 ? -1 : (column < 1 || columnCount == 2 ? column : column - 1) }
        let totals = (0..<(place.filter { $0 >= 0 }.count)).map { _ in Double(Int.random(in: 40...90, using: &random)) }
        let total = totals.reduce(0, +)
        var frequency = [Int](repeating: 0, count: termCount)
        var present = [[(column: Int, count: Double)]](repeating: [], count: termCount)
        for column in 0..<columnCount where place[column] >= 0 {
            // Each term's cell in the column: its counts summed, listed terms with a count only.
            var inColumn: [Int: Int] = [:]
            for (id, count) in columns[column] where count > 0 && allowed[Int(id)] { inColumn[Int(id), default: 0] += count }
            for (id, count) in inColumn {
                frequency[id] += count
                present[id].append((place[column], Double(count)))
            }
        }
        let gathered = MultivariateMaps.chiSquares(cells, place: place, frequency: frequency, totals: totals, total: total)
        #expect(frequency.contains { $0 > 0 })
        for id in 0..<termCount {
            if frequency[id] == 0 {
                #expect(gathered[id].isNaN, "term \(id)")
                continue
            }
            let sparse = MultivariateMaps.chiSquare(present: present[id], totals: totals, total: total)
            #expect(gathered[id].bitPattern == sparse.bitPattern, "term \(id): \(gathered[id]) against \(sparse)")
        }
    }
}
