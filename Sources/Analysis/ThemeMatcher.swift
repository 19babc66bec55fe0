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
public struct ThemeMatcher: Sendable {
    public let themes: [Theme]
    private let patterns: [[[UInt8]]]

    public init(themes: [Theme]) {
        self.themes = themes
        patterns = themes.map { theme in theme.normalizedForms.map { Array($0.utf8) }.filter { !$0.isEmpty } }
    }

    /// Occurrences of each theme (indexed like `themes`) in `sentence`, given its tokens.
    public func occurrences(in sentence: String, tokens: [Token]) -> [Int] {
        var counts = [Int](repeating: 0, count: themes.count)
        guard !themes.isEmpty, !tokens.isEmpty else { return counts }
        let bytes = Array(sentence.utf8)
        var isEnd = [Bool](repeating: false, count: bytes.count + 1)
        for token in tokens { isEnd[token.byteRange.upperBound] = true }
        for (theme, forms) in patterns.enumerated() {
            var matches: [Range<Int>] = []
            for token in tokens {
                let start = token.byteRange.lowerBound
                var longest = 0
                for form in forms where form.count > longest {
                    let end = start + form.count
                    if end <= bytes.count, isEnd[end], bytes[start..<end].elementsEqual(form) {
                        longest = form.count
                    }
                }
                if longest > 0 { matches.append(start..<(start + longest)) }
            }
            // Tokens come in text order, so matches are sorted by start: keep non-overlapping ones.
            var reach = 0
            for match in matches where match.lowerBound >= reach {
                counts[theme] += 1
                reach = match.upperBound
            }
        }
        return counts
    }
}
