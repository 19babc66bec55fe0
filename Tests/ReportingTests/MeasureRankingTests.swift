import Foundation
import Testing

@testable import Reporting

/// `--measure`: pairs ranked, and network edges chosen, by any measure.
struct MeasureRankingTests {
    @Test(arguments: AssociationMeasure.allCases)
    func cooccurrenceRowsGoByTheChosenMeasure(measure: AssociationMeasure) throws {
        let table = Reports.cooccurrence(NetworkFixtures.large, minimumCount: 1, measure: measure)
        let scores = table.rows.map { row -> Double in
            let counts = PairCounts(
                both: Self.integer(row[5]), first: Self.integer(row[5]) + Self.integer(row[6]),
                second: Self.integer(row[5]) + Self.integer(row[7]), units: Self.integer(row[9]))
            return measure.score(counts)
        }
        #expect(scores.count > 100)
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "\(measure.rawValue) is not descending")
    }

    @Test func networkEdgesAreTheStrongestByTheChosenMeasure() {
        let byCount = CooccurrenceNetwork.build(
            NetworkFixtures.large, options: .init(maximumEdges: 10, layoutIterations: 5, measure: .count))
        let all = Reports.cooccurrence(NetworkFixtures.large, minimumCount: 2, measure: .count)
        let tenth = Self.integer(all.rows[9][5])
        // Every pair with more shared sentences than the tenth is drawn, none with fewer.
        #expect(byCount.edges.allSatisfy { $0.sentences >= tenth })
        #expect(byCount.edges.count >= all.rows.filter { Self.integer($0[5]) > tenth }.count)
    }

    static func integer(_ cell: CSVTable.Cell) -> Int {
        if case .integer(let value) = cell { return value }
        return -1
    }
}
