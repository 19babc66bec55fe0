import Analysis
import Corpus
import Foundation

/// The orders the tables share: the terms as shown and their places, the first few of a list,
/// and shares.
extension Reports {
    /// Each term as shown: its most frequent written form with its part of speech, by term id.
    static func displayTerms(_ counts: CorpusCounts) -> [Term] {
        counts.terms.indices.map { id in
            Term(text: counts.displayText(of: Int32(id)), partOfSpeech: counts.terms[id].partOfSpeech)
        }
    }

    /// Each term's place when the terms are sorted as shown (`Term`'s order), by term id; terms
    /// shown alike share a place. Comparing places is comparing the terms shown.
    static func displayRanks(_ shown: [Term]) -> [Int32] {
        Term.places(of: shown)
    }

    /// The first `count` of `items` in the order `precedes` sorts them, items it leaves tied in
    /// their order: `items.sorted(by: precedes).prefix(count)` without sorting them all.
    ///
    /// - Complexity: O(*n* log *count*) comparisons, and O(*count*) moves for each item kept.
    static func first<Item>(_ count: Int, of items: [Item], by precedes: (Item, Item) -> Bool) -> [Item] {
        guard count > 0 else { return [] }
        // The best so far, in order. An item goes after every kept item it does not precede, so
        // tied items keep their order, as a stable sort keeps them.
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        for index in items.indices {
            if kept.count == count, let last = kept.last, !precedes(items[index], items[last]) { continue }
            var (low, high) = (0, kept.count)
            while low < high {
                let middle = (low + high) / 2
                if precedes(items[index], items[kept[middle]]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(index, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept.map { items[$0] }
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}
