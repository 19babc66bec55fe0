/// One morpheme of a sentence, copied out of MeCab's lattice.
public struct Token: Sendable {
    /// The text of the token as it stands in the sentence.
    public let surface: String
    /// The dictionary entry's features (shared between tokens of the same entry).
    public let features: MorphemeFeatures
    /// `true` for words not in the dictionary (MeCab's `MECAB_UNK_NODE`).
    public let isUnknown: Bool
    /// The token's span in the sentence, in UTF-8 bytes; spaces MeCab skipped are not included.
    public let byteRange: Range<Int>

    public init(surface: String, features: MorphemeFeatures, isUnknown: Bool, byteRange: Range<Int>) {
        self.surface = surface
        self.features = features
        self.isUnknown = isUnknown
        self.byteRange = byteRange
    }

    /// The form a term is counted under: the dictionary form, or the surface when the dictionary
    /// has none (unknown words), as RMeCab and KH Coder do.
    public var lemma: String { features.baseForm ?? surface }
}
