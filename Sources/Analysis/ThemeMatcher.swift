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
        guard !themes.isEmpty, !tokens.isEmpty else { return counts }
        let (bytes, starts, isEnd) = keyed(sentence, tokens: tokens)
        for (theme, forms) in patterns.enumerated() {
            var matches: [Range<Int>] = []
            for start in starts {
                var longest = 0
                for form in forms where form.count > longest {
                    let end = start + form.count
                    if end <= bytes.count, isEnd[end], bytes[start..<end].elementsEqual(form) {
                        longest = form.count
                    }
                }
                if longest > 0 { matches.append(start..<(start + longest)) }
            }
            // Starts come in text order, so matches are sorted: keep the non-overlapping ones.
            var reach = 0
            for match in matches where match.lowerBound >= reach {
                counts[theme] += 1
                reach = match.upperBound
            }
        }
        return counts
    }

    /// The sentence's bytes under `key`, with the token starts and a token-end flag per offset.
    private func keyed(_ sentence: String, tokens: [Token]) -> (bytes: [UInt8], starts: [Int], isEnd: [Bool]) {
        let needsKeying = sentence.unicodeScalars.contains { $0.properties.changesWhenNFKCCaseFolded }
        guard needsKeying else {
            var isEnd = [Bool](repeating: false, count: sentence.utf8.count + 1)
            for token in tokens { isEnd[token.byteRange.upperBound] = true }
            return (Array(sentence.utf8), tokens.map(\.byteRange.lowerBound), isEnd)
        }
        // Key each token and each gap between tokens on its own, so boundaries map exactly.
        let original = Array(sentence.utf8)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var position = 0
        for token in tokens {
            if token.byteRange.lowerBound > position {
                bytes += key(String(decoding: original[position..<token.byteRange.lowerBound], as: UTF8.self)).utf8
            }
            starts.append(bytes.count)
            bytes += key(token.surface).utf8
            ends.append(bytes.count)
            position = token.byteRange.upperBound
        }
        var isEnd = [Bool](repeating: false, count: bytes.count + 1)
        for end in ends { isEnd[end] = true }
        return (bytes, starts, isEnd)
    }
}
