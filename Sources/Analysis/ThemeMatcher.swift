import Tokenization

/// Counts theme occurrences in a sentence, on the normalized text, at token boundaries.
///
/// Matching the text rather than tokens makes a theme independent of how the dictionary splits it:
/// IPAdic cuts 地域活性化 into 地域/活性/化 and 小規模事業者 into 小規模/事業/者, yet both are found.
/// An occurrence counts only if it starts where a token starts and ends where a token ends, so
/// 小規模事業者 is not found inside 中小規模事業者 (tokens 中小/規模/事業/者). Within one theme,
/// overlapping matches of its forms count once: the leftmost, and of those the longest, wins
/// (地域の活性化 and 活性化 in the same theme give one occurrence for 地域の活性化). Different themes
/// are counted independently.
///
/// Text and forms are compared under `key` (the case fold, so `MACC` matches `macc`); the
/// sentence is keyed token by token, so token boundaries stay exact.
public struct ThemeMatcher: Sendable {
    public let themes: [Theme]
    private let patterns: [[[UInt8]]]
    private let key: @Sendable (String) -> String

    /// - Parameter key: the key text is compared under; the themes' normalized forms must
    ///   already be keyed with it.
    public init(themes: [Theme], key: @escaping @Sendable (String) -> String = { $0 }) {
        self.themes = themes
        self.key = key
        patterns = themes.map { theme in theme.normalizedForms.map { Array($0.utf8) }.filter { !$0.isEmpty } }
    }

    /// Occurrences of each theme (indexed like `themes`) in `sentence`, given its tokens.
    public func occurrences(in sentence: String, tokens: [Token]) -> [Int] {
        var counts = [Int](repeating: 0, count: themes.count)
        scan(sentence, tokens: tokens) { theme, _, _ in counts[theme] += 1 }
        return counts
    }

    /// Each theme's occurrences in `sentence` as UTF-8 byte ranges of the sentence, from the
    /// first token of a match to its last: what `occurrences` counts, for a concordance.
    public func matches(in sentence: String, tokens: [Token]) -> [[Range<Int>]] {
        var ranges = [[Range<Int>]](repeating: [], count: themes.count)
        scan(sentence, tokens: tokens) { theme, first, last in
            ranges[theme].append(tokens[first].byteRange.lowerBound..<tokens[last].byteRange.upperBound)
        }
        return ranges
    }

    /// Calls `found` with each occurrence's theme and first and last token, theme by theme.
    private func scan(_ sentence: String, tokens: [Token], found: (Int, Int, Int) -> Void) {
        guard !themes.isEmpty, !tokens.isEmpty else { return }
        let keyed = KeyedSentence(sentence, tokens: tokens, key: key)
        for (theme, forms) in patterns.enumerated() {
            // Tokens come in text order: take the longest match at each start, then keep the
            // ones that do not overlap one already taken.
            var reach = 0
            for index in tokens.indices where keyed.starts[index] >= reach {
                if let match = keyed.longestMatch(of: forms, atToken: index) {
                    found(theme, index, match.lastToken)
                    reach = keyed.starts[index] + match.length
                }
            }
        }
    }
}
