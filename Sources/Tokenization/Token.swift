/// One morpheme of a sentence, copied out of MeCab's lattice: its dictionary entry and where it
/// stands in the sentence's UTF-8 bytes, and nothing that needs allocating or reference counting.
///
/// A token is a trivial value of 16 bytes: the entry's ordinal and a byte range, no `String`, no
/// reference. A worker's token array is filled and emptied for every sentence without touching
/// the allocator or a reference count, and a group's tokens (one for every three to five bytes of
/// text) take two thirds of the room the features' reference took them. Its surface is read from
/// the sentence where a rule needs it (`surface(in:)`), its features found by the ordinal
/// (`features`).
public struct Token: Sendable {
    /// The dictionary entry's ordinal (`MorphemeFeatures.ordinal`): the analyzer's per-entry
    /// arrays are indexed by it for every token.
    public let ordinal: Int32
    private let start: Int32
    private let end: Int32
    /// `true` for words not in the dictionary (MeCab's `MECAB_UNK_NODE`).
    public let isUnknown: Bool

    /// The dictionary entry's features, shared by every token of the entry (`FeatureRegistry`:
    /// features objects are never freed, so they are there however long the token is kept).
    public var features: MorphemeFeatures { FeatureRegistry.shared.features(ordinal) }

    /// The token's span in the sentence, in UTF-8 bytes; spaces MeCab skipped are not included.
    public var byteRange: Range<Int> { Int(start)..<Int(end) }

    /// A token of `features` at `byteRange` of its sentence.
    public init(features: MorphemeFeatures, isUnknown: Bool, byteRange: Range<Int>) {
        precondition(byteRange.upperBound <= Int(Int32.max), "a sentence of 2 GB or more")
        ordinal = features.ordinal
        start = Int32(truncatingIfNeeded: byteRange.lowerBound)
        end = Int32(truncatingIfNeeded: byteRange.upperBound)
        self.isUnknown = isUnknown
    }

    /// The tagger's: the range is known to fit, and the ordinal comes from the tagger's table, so
    /// the features object is not read.
    @inline(__always)
    init(ordinal: Int32, isUnknown: Bool, start: Int32, end: Int32) {
        self.ordinal = ordinal
        self.start = start
        self.end = end
        self.isUnknown = isUnknown
    }

    /// The text of the token as it stands in `sentence`, the text it was tokenized from.
    public func surface(in sentence: String) -> String {
        let utf8 = sentence.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(start))
        let to = utf8.index(from, offsetBy: Int(end - start))
        return String(sentence[from..<to])
    }

    /// The form a term is counted under: the dictionary form, or the surface when the dictionary
    /// has none (unknown words), as RMeCab and KH Coder do. `sentence` is the token's sentence.
    public func lemma(in sentence: String) -> String { features.baseForm ?? surface(in: sentence) }
}
