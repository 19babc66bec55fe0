import Testing
import TestSupport

@testable import Multivariate

/// `MonotoneRegression` skips runs of points that `VR_mds_fn`'s scan would look at one by one:
/// its fitted values must be those of the scan, bit for bit.
struct MonotoneRegressionTests {
    /// `MASS`'s `VR_mds_fn` regression as written there: the slope to every later point.
    static func scanned(cumulative: [Double]) -> [Double] {
        let count = cumulative.count - 1
        var fitted = [Double](repeating: 0, count: count)
        var known = 0
        var ip = 0
        repeat {
            var slope = 1.0e200
            for i in (known + 1)...count {
                let value = (cumulative[i] - cumulative[known]) / Double(i - known)
                if value < slope {
                    slope = value
                    ip = i
                }
            }
            for i in known..<ip { fitted[i] = (cumulative[ip] - cumulative[known]) / Double(ip - known) }
            known = ip
        } while known < count
        return fitted
    }

    static func cumulative(_ values: [Double]) -> [Double] {
        var sums = [0.0]
        var total = 0.0
        for value in values {
            total += value
            sums.append(total)
        }
        return sums
    }

    static func fitted(_ values: [Double]) -> [Double] {
        var fitted = [Double](repeating: 0, count: values.count)
        MonotoneRegression.fit(cumulative: cumulative(values), into: &fitted)
        return fitted
    }

    /// Values as stress sees them: distances of a configuration taken in the order of the given
    /// ones, mostly increasing with noise; with ties (few distinct values), zeros, and orders
    /// reversed or shuffled, at lengths around the runs' sizes and up to thousands.
    @Test func fitsAsTheScanDoes() {
        var random = SplitMix(state: 13)
        for trial in 0..<400 {
            let count = [1, 2, 7, 8, 9, 17, 63, 64, 65, 200, 1770, 4000][trial % 12]
            let noise = [0.0, 0.05, 0.3, 1, 5][trial % 5]
            var values = (0..<count).map { index -> Double in
                let trend = Double(index) / Double(count)
                return max(0, trend + noise * Double.random(in: -1...1, using: &random))
            }
            switch trial % 4 {
            case 1: values = values.map { ($0 * 4).rounded() / 4 }
            case 2: values.reverse()
            case 3: values.shuffle(using: &random)
            default: break
            }
            let bits = { (fitted: [Double]) in fitted.map(\.bitPattern) }
            #expect(bits(Self.fitted(values)) == bits(Self.scanned(cumulative: Self.cumulative(values))), "trial \(trial)")
        }
    }

    @Test func fitIsMonotoneAndKeepsIncreasingValues() {
        #expect(Self.fitted([1, 2, 3]) == [1, 2, 3])
        #expect(Self.fitted([3, 1, 2]) == [2, 2, 2])
        #expect(Self.fitted([1, 3, 2, 4]) == [1, 2.5, 2.5, 4])
    }
}
