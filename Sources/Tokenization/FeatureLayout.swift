/// Where a dictionary keeps each field of its feature CSV (reference/normtok.md §2).
public struct FeatureLayout: Sendable, Equatable, Codable {
    /// Short name, recorded in the manifest.
    public var name: String
    /// How many leading fields are part-of-speech levels.
    public var partOfSpeechFields: Int
    /// Field of the base (dictionary) form.
    public var baseFormIndex: Int
    /// Field of the reading, if the dictionary has one.
    public var readingIndex: Int?

    /// IPAdic 2.7.0: 品詞, 細分類1–3, 活用型, 活用形, 原形, 読み, 発音. Unknown words have 7 fields
    /// and `*` as 原形.
    public static let ipadic = FeatureLayout(
        name: "ipadic", partOfSpeechFields: 4, baseFormIndex: 6, readingIndex: 7)
}
