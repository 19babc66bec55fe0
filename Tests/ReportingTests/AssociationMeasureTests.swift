import Foundation
import Testing

@testable import Reporting

/// Every measure on 2×2 tables computed by hand from docs/MEASURES.md §2, to 1e-12.
struct AssociationMeasureTests {
    func values(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> [AssociationMeasure: Double?] {
        let table = PairCounts(both: a, first: a + b, second: a + c, units: a + b + c + d)
        return Dictionary(uniqueKeysWithValues: AssociationMeasure.allCases.map { ($0, $0.value(table)) })
    }

    func expectClose(_ actual: Double??, _ expected: Double, _ name: String) {
        guard let actual = actual ?? nil else {
            Issue.record("\(name) has no value")
            return
        }
        #expect(abs(actual - expected) < 1e-12, "\(name): \(actual) != \(expected)")
    }

    @Test func aTableWithEveryCellFilled() {
        // a = 10, b = 20, c = 30, d = 40, N = 100; E = 30 · 40 / 100 = 12.
        let measures = values(10, 20, 30, 40)
        expectClose(measures[.count], 10, "count")
        expectClose(measures[.jaccard], 10.0 / 60, "jaccard")
        expectClose(measures[.dice], 20.0 / 70, "dice")
        expectClose(measures[.simpson], 10.0 / 30, "simpson")
        expectClose(measures[.cosine], 1 / (2 * 3.0.squareRoot()), "cosine")  // 10 / √1200
        expectClose(measures[.lift], 10.0 / 12, "lift")
        expectClose(measures[.pmi], log(10.0 / 12), "pmi")
        expectClose(measures[.npmi], log(10.0 / 12) / log(10), "npmi")  // −ln(10/100) = ln 10
        // Expected cells 12, 18, 28, 42.
        let g2 = 2 * (10 * log(10.0 / 12) + 20 * log(20.0 / 18) + 30 * log(30.0 / 28) + 40 * log(40.0 / 42))
        expectClose(measures[.g2], g2, "g2")
        expectClose(measures[.chi2], 50.0 / 63, "chi2")  // 100 · (400 − 600)² / (30 · 70 · 40 · 60)
        expectClose(measures[.tscore], -2 / 10.0.squareRoot(), "tscore")
    }

    @Test func termsThatNeverMeet() {
        // a = 0, b = 5, c = 5, d = 10: PMI and t-score have no value; NPMI is −1.
        let measures = values(0, 5, 5, 10)
        expectClose(measures[.jaccard], 0, "jaccard")
        expectClose(measures[.lift], 0, "lift")
        #expect(measures[.pmi] == .some(nil))
        #expect(measures[.tscore] == .some(nil))
        expectClose(measures[.npmi], -1, "npmi")
        expectClose(measures[.chi2], 20.0 / 9, "chi2")  // 20 · 25² / (5 · 15 · 5 · 15)
        // Expected cells 1.25, 3.75, 3.75, 11.25; a = 0 adds nothing.
        let g2 = 2 * (5 * log(5 / 3.75) + 5 * log(5 / 3.75) + 10 * log(10 / 11.25))
        expectClose(measures[.g2], g2, "g2")
    }

    @Test func aPairInEveryUnit() {
        // a = N = 7: every similarity is 1, PMI 0, NPMI 1 by convention, no association to test.
        let measures = values(7, 0, 0, 0)
        for measure in [AssociationMeasure.jaccard, .dice, .simpson, .cosine, .lift, .npmi] {
            expectClose(measures[measure], 1, measure.rawValue)
        }
        expectClose(measures[.pmi], 0, "pmi")
        expectClose(measures[.g2], 0, "g2")
        expectClose(measures[.chi2], 0, "chi2")
        expectClose(measures[.tscore], 0, "tscore")
    }

    @Test func measuresWithoutAValueAreEmptyCells() throws {
        let table = CSVTable(header: ["pmi"], rows: [[.decimal(.nan)]])
        #expect(String(decoding: try table.render(.unix, file: "t.csv"), as: UTF8.self) == "pmi\n\n")
        #expect(String(decoding: table.json(), as: UTF8.self) == "[\n{\"pmi\":null}\n]\n")
    }
}
