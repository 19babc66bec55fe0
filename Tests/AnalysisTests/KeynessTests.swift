import Foundation
import Testing
import TestSupport
import Tokenization

@testable import Analysis
@testable import Reporting

struct KeynessTests {
    // Hand-computed with the formulas of docs/MEASURES.md §4 (Python, float64).
    @Test(arguments: [
        (10, 20, 30, 940, 30.06907506178831, 69.3012600229095),
        (5, 0, 0, 5, 13.862943611198906, 10.0),  // 0 cells: 0 · ln 0 = 0
        (0, 3, 4, 10, 1.7986670345650653, 1.120879120879121),
        (7, 0, 3, 0, 0.0, 0.0),  // an empty margin
    ])
    func logLikelihoodAndChiSquare(a: Int, b: Int, c: Int, d: Int, g2: Double, chi2: Double) {
        let table = PairCounts(both: a, first: a + b, second: a + c, units: a + b + c + d)
        #expect(abs(Keyness.logLikelihood(table) - g2) < 1e-9)
        #expect(abs(Keyness.chiSquare(table) - chi2) < 1e-9)
    }
}
