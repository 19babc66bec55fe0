import Foundation
import Testing
import TestSupport

@testable import Analysis
@testable import Reporting

/// `Reports.first(_:of:by:)` gives the first items of a stable sort.
struct FirstItemsTests {
    @Test(arguments: [0, 1, 3, 30, 500])
    func firstItemsAreThoseOfAStableSort(count: Int) {
        var random = SplitMix(state: 5)
        // Few distinct keys, so that many items tie; the second value tells tied items apart.
        let items = (0..<300).map { index in (key: Int(random.next() % 20), index: index) }
        let sorted = items.sorted { $0.key > $1.key }
        let first = Reports.first(count, of: items) { $0.key > $1.key }
        #expect(first.map(\.index) == sorted.prefix(count).map(\.index))
    }
}
