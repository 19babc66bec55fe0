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
    ///
    /// The terms are sorted by what `Term.<` compares, found once per term rather than once per
    /// comparison: the UTF-8 bytes of text and part of speech, and, for `Term.<`'s test whether
    /// the texts are equal (canonical equivalence, as `String.==`), a number per distinct text.
    static func displayRanks(_ shown: [Term]) -> [Int32] {
        var textNumbers: [String: Int32] = [:]
        let textNumber = shown.map { term in
            if let number = textNumbers[term.text] { return number }
            let number = Int32(textNumbers.count)
            textNumbers[term.text] = number
            return number
        }
        let texts = shown.map { Array($0.text.utf8) }
        let partsOfSpeech = shown.map { Array($0.partOfSpeech.utf8) }
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            if textNumber[lhs] != textNumber[rhs] { return texts[lhs].lexicographicallyPrecedes(texts[rhs]) }
            return partsOfSpeech[lhs].lexicographicallyPrecedes(partsOfSpeech[rhs])
        }
        let sorted = shown.indices.sorted(by: precedes)
        var ranks = [Int32](repeating: 0, count: shown.count)
        var place: Int32 = 0
        for (position, id) in sorted.enumerated() {
            if position > 0 && precedes(sorted[position - 1], id) { place += 1 }
            ranks[id] = place
        }
        return ranks
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
