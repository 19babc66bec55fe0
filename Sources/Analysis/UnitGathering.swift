/// The distinct terms of a run of consecutive sentences with the same unit key (a paragraph, a
/// turn …): the unit whose pairs are counted once it closes.
struct UnitGathering {
    private var key: Int?
    private var terms: [Int32] = []

    /// Adds a sentence's distinct terms under `key`; returns the terms of the unit it closes.
    mutating func add(_ present: [Int32], key: Int) -> [Int32]? {
        var closed: [Int32]?
        if let current = self.key, current != key {
            closed = CorpusCounts.distinct(terms)
            terms.removeAll(keepingCapacity: true)
        }
        self.key = key
        terms += present
        return closed
    }

    /// The terms of the last unit, if any sentence was added.
    func finish() -> [Int32]? { key == nil ? nil : CorpusCounts.distinct(terms) }
}
