import Foundation
import Testing

@testable import Analysis
@testable import Reporting

/// The crosstab's χ², residuals and p-values against hand computation and closed forms.
struct ThemeCrosstabTests {
    @Test(arguments: [0.1, 1, 3.841458820694124, 10, 40])
    func pValuesEqualTheClosedFormsOfSmallDegrees(x: Double) {
        let y = x / 2
        // Q(1/2, y) = erfc(√y); Q(1, y) = e^−y; Q(3/2, y) = erfc(√y) + 2√(y/π) e^−y; Q(2, y) = e^−y (1 + y).
        let expected = [
            erfc(y.squareRoot()), exp(-y), erfc(y.squareRoot()) + 2 * (y / Double.pi).squareRoot() * exp(-y),
            exp(-y) * (1 + y),
        ]
        for (index, value) in expected.enumerated() {
            let p = ChiSquareDistribution.upperTail(x, degrees: index + 1)
            #expect(abs(p - value) <= 1e-12 * max(1, value), "df \(index + 1), x \(x): \(p) != \(value)")
        }
        #expect(abs(ChiSquareDistribution.upperTail(3.841458820694124, degrees: 1) - 0.05) < 1e-12)
    }

    @Test func twoGroupsGetYatesCorrectionAsRDoes() throws {
        // A: 6 of 10 sentences, B: 4 of 20. All |O − E| = 8/3, less 1/2: 13/6; Σ 1/E = 27/40.
        let test = try #require(ThemeCrosstab.test(withTheme: [6, 4], units: [10, 20]))
        #expect(abs(test.chiSquare - 169.0 * 27 / (36 * 40)) < 1e-12)
        #expect(test.degrees == 1)
        #expect(abs(test.pValue - erfc((test.chiSquare / 2).squareRoot())) < 1e-12)
        let residual = try #require(ThemeCrosstab.adjustedResidual(observed: 6, rowTotal: 10, columnTotal: 10, total: 30))
        #expect(abs(residual - (8.0 / 3) / (40.0 / 27).squareRoot()) < 1e-12)
    }

    @Test func threeGroupsAreUncorrected() throws {
        // 5, 2, 3 of 10 sentences each: χ² = (14/3)/(10/3) + (14/3)/(20/3) = 2.1, df 2, p = e^−1.05.
        let test = try #require(ThemeCrosstab.test(withTheme: [5, 2, 3], units: [10, 10, 10]))
        #expect(abs(test.chiSquare - 2.1) < 1e-12)
        #expect(test.degrees == 2 && abs(test.pValue - exp(-1.05)) < 1e-12)
        // A theme in no sentence, or one group only, has no test.
        #expect(ThemeCrosstab.test(withTheme: [0, 0], units: [10, 10]) == nil)
        #expect(ThemeCrosstab.test(withTheme: [3, 0], units: [10, 0]) == nil)
    }

    @Test func theTableHasARowPerThemeAndGroup() throws {
        let term = Term(text: "地域", partOfSpeech: "名詞")
        var counts = CorpusCounts(themeNames: ["p", "q"], grouping: .folder)
        for (path, themes) in [("x/a.txt", [[1, 0], [0, 0]]), ("y/b.txt", [[0, 2], [1, 0], [0, 0]])] {
            counts.add(
                DocumentSummary(path: path, byteCount: 1, sha256: path, characterCount: 1, paragraphCount: 1, tokenCount: 1),
                sentences: themes.map { SentenceAnalysis(terms: [term], themeOccurrences: $0) })
        }
        let table = ThemeCrosstab.table(counts)
        #expect(table.rows.map { [$0[0], $0[1], $0[2], $0[3]] } == [
            [.text("p"), .text("x"), .integer(2), .integer(1)], [.text("p"), .text("y"), .integer(3), .integer(1)],
            [.text("q"), .text("x"), .integer(2), .integer(0)], [.text("q"), .text("y"), .integer(3), .integer(1)],
        ])
        #expect(table.rows[0][4] == .decimal(0.5))
        #expect(table.rows[0][5] == .decimal(2.0 * 2 / 5))
    }
}
