import Analysis
import Foundation

/// `theme_by_group.csv`: KH Coder's コーディング・クロス集計 for each theme over the groups of
/// `--group-by` (speakers, folders, or a document variable): per group, its sentences, those where
/// the theme occurs and their share; per cell, the expected count and the adjusted (standardized)
/// residual; per theme, Pearson's χ² of the groups × (with, without) table with its degrees of
/// freedom and p-value, as R's `chisq.test(correct = TRUE)` that KH Coder calls computes it (Yates'
/// continuity correction only when there are two groups, as R applies it only to 2×2 tables).
///
///     expected  E = row total × column total / N
///     residual  (O − E) / √(E (1 − row total / N)(1 − column total / N))
public enum ThemeCrosstab {
    /// One theme's test over the groups.
    struct Test: Equatable {
        var chiSquare: Double
        var degrees: Int
        var pValue: Double
    }

    /// Pearson's χ² of `withTheme[i]` against `units[i] − withTheme[i]` over the groups; nil
    /// when the table has fewer than two groups with sentences, or the theme is in none or all of
    /// them (a zero margin: R gives NaN there).
    static func test(withTheme: [Int], units: [Int]) -> Test? {
        let rows = zip(withTheme, units).filter { $0.1 > 0 }
        let total = Double(rows.reduce(0) { $0 + $1.1 })
        let present = Double(rows.reduce(0) { $0 + $1.0 })
        guard rows.count >= 2, present > 0, present < total else { return nil }
        let correction = rows.count == 2
        var statistic = 0.0
        for (with, all) in rows {
            for (observed, column) in [(Double(with), present), (Double(all - with), total - present)] {
                let expected = Double(all) * column / total
                var difference = abs(observed - expected)
                if correction { difference = max(0, difference - 0.5) }
                statistic += difference * difference / expected
            }
        }
        let degrees = rows.count - 1
        return Test(chiSquare: statistic, degrees: degrees, pValue: ChiSquareDistribution.upperTail(statistic, degrees: degrees))
    }

    /// The adjusted residual of a group's count of sentences with the theme.
    static func adjustedResidual(observed: Int, rowTotal: Int, columnTotal: Int, total: Int) -> Double? {
        let (row, column, n) = (Double(rowTotal), Double(columnTotal), Double(total))
        guard n > 0 else { return nil }
        let expected = row * column / n
        let variance = expected * (1 - row / n) * (1 - column / n)
        guard variance > 0 else { return nil }
        return (Double(observed) - expected) / variance.squareRoot()
    }

    /// The table, one row per theme and group (groups in UTF-8 order of their keys, so the unnamed
    /// group, `GroupName.unnamed`, first; themes in file order).
    public static func table(_ counts: CorpusCounts) -> CSVTable {
        let groups = counts.groupSentences.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let units = groups.map { counts.groupSentences[$0] ?? 0 }
        let total = units.reduce(0, +)
        var rows: [[CSVTable.Cell]] = []
        for (theme, name) in counts.themeNames.enumerated() {
            let withTheme = groups.map { counts.groupThemeSentences[$0]?[theme] ?? 0 }
            let present = withTheme.reduce(0, +)
            let test = Self.test(withTheme: withTheme, units: units)
            for (index, group) in groups.enumerated() {
                let expected = total > 0 ? Double(units[index]) * Double(present) / Double(total) : 0
                let residual = adjustedResidual(
                    observed: withTheme[index], rowTotal: units[index], columnTotal: present, total: total)
                rows.append([
                    .text(name), .text(GroupName.shown(group)), .integer(units[index]), .integer(withTheme[index]),
                    .decimal(units[index] > 0 ? Double(withTheme[index]) / Double(units[index]) : 0),
                    .decimal(expected), .decimal(residual ?? .nan), .decimal(test?.chiSquare ?? .nan),
                    test.map { .integer($0.degrees) } ?? .text(""), .decimal(test?.pValue ?? .nan),
                ])
            }
        }
        return CSVTable(
            header: [
                "theme", "group", "sentences", "theme_sentences", "share", "expected", "adjusted_residual", "chi2",
                "df", "p_value",
            ],
            rows: rows)
    }
}
