import Foundation
import TestSupport

/// Inputs the multivariate tests hand to both kotoba's code and R, and how they compare.
enum RFixtures {
    /// A table of counts, `rows` × `columns`, from a fixed sequence; no row or column is empty.
    static func counts(rows: Int, columns: Int, seed: UInt64) -> [[Double]] {
        var random = SplitMix(state: seed)
        var table = (0..<rows).map { _ in (0..<columns).map { _ in Double(Int.random(in: 0...25, using: &random)) } }
        for i in 0..<rows { table[i][i % columns] += 1 }
        for j in 0..<columns { table[j % rows][j] += 1 }
        return table
    }

    /// Jaccard distances (R's `dist(method = "binary")`) between `objects` random presence rows of
    /// `units` units, in dist order, with the presence matrix (by object then unit).
    static func jaccard(objects: Int, units: Int, seed: UInt64) -> (distances: [Double], presence: [[Int]]) {
        var random = SplitMix(state: seed)
        var presence = (0..<objects).map { _ in (0..<units).map { _ in Int.random(in: 0..<10, using: &random) < 3 ? 1 : 0 } }
        for i in 0..<objects { presence[i][i % units] = 1 }
        var distances: [Double] = []
        for i in 0..<objects {
            for j in (i + 1)..<objects {
                var (a, other) = (0, 0)
                for u in 0..<units {
                    if presence[i][u] == 1 && presence[j][u] == 1 { a += 1 } else if presence[i][u] + presence[j][u] == 1 { other += 1 }
                }
                distances.append(1 - Double(a) / Double(a + other))
            }
        }
        return (distances, presence)
    }

    /// Writes rows of numbers, one a line, separated by spaces, with every digit R needs.
    static func write(_ rows: [[Double]], to url: URL) throws {
        let text = rows.map { $0.map { String(format: "%.17g", $0) }.joined(separator: " ") }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url)
    }

    /// The largest difference between `ours` and `theirs` (points by axis) once each axis of
    /// theirs is signed as ours.
    static func differenceUpToSign(_ ours: [[Double]], _ theirs: [[Double]]) -> Double {
        guard let axes = ours.first?.count else { return 0 }
        var largest = 0.0
        for k in 0..<axes {
            var same = 0.0
            var flipped = 0.0
            for i in ours.indices {
                same = max(same, abs(ours[i][k] - theirs[i][k]))
                flipped = max(flipped, abs(ours[i][k] + theirs[i][k]))
            }
            largest = max(largest, min(same, flipped))
        }
        return largest
    }

    /// `values` (R's column-major matrix) as points by axis.
    static func matrix(_ values: [Double], rows: Int) -> [[Double]] {
        let columns = rows == 0 ? 0 : values.count / rows
        return (0..<rows).map { i in (0..<columns).map { values[$0 * rows + i] } }
    }
}
