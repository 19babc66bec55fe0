import Analysis
import Bytes

/// The terms of the cache records one worker decodes, numbered as first met and found by their
/// bytes, and each number's id in the worker's counts.
///
/// An entry of a record names its term's text and part of speech as strings of the record's
/// table. Looking every entry of every document up by its `Term` (`CorpusCounts.id(for:)`,
/// which makes both NFC and hashes them as a `TermKey`) was half of counting a document read
/// from the cache. Here the record's bytes are hashed as they lie, with a cheap hash, and a
/// term's id is looked up by `Term` once per worker. A record is numbered before it is counted,
/// and a damaged one never is, so a number may have no id: ids are given as records are counted
/// (`id(of:in:)`), and no term enters the counts without occurrences.
struct CachedTerms {
    /// Per number, its term.
    private(set) var terms: [Term] = []
    /// Per number, its id in the counts (-1: none yet).
    private var ids: [Int32] = []
    /// Per number, its text's UTF-8 then its part of speech's, from `starts[number]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var textLengths: [Int] = []
    private var partLengths: [Int] = []
    /// The numbers by their hash.
    private var slots = HashSlots()

    /// The number of the term whose text and part of speech have the bytes `text` and
    /// `partOfSpeech`; `make` makes the term when it is new (and may refuse the bytes).
    mutating func number<Failure: Error>(
        text: Span<UInt8>, partOfSpeech: Span<UInt8>, make: () throws(Failure) -> Term
    ) throws(Failure) -> Int32 {
        let hash = HashSlots.combine(HashSlots.hash(text), HashSlots.hash(partOfSpeech))
        let found = slots.find(hash) {
            textLengths[$0] == text.count && partLengths[$0] == partOfSpeech.count && holds($0, text, partOfSpeech)
        }
        if let number = found.number { return Int32(number) }
        let term = try make()
        starts.append(bytes.count)
        bytes.append(copying: text)
        bytes.append(copying: partOfSpeech)
        textLengths.append(text.count)
        partLengths.append(partOfSpeech.count)
        terms.append(term)
        ids.append(-1)
        return Int32(slots.insert(hash, at: found.slot))
    }

    /// The id in `counts` of the term numbered `number`, interned there the first time.
    mutating func id(of number: Int32, in counts: inout CorpusCounts) -> Int32 {
        let known = ids[Int(number)]
        if known >= 0 { return known }
        let id = counts.id(for: terms[Int(number)])
        ids[Int(number)] = id
        return id
    }

    /// Whether number `number` has the bytes `text` and `partOfSpeech`.
    private func holds(_ number: Int, _ text: Span<UInt8>, _ partOfSpeech: Span<UInt8>) -> Bool {
        let start = starts[number]
        let stored = bytes.span
        return stored.extracting(start..<(start + text.count)).hasSameBytes(as: text)
            && stored.extracting((start + text.count)..<(start + text.count + partOfSpeech.count))
                .hasSameBytes(as: partOfSpeech)
    }
}
