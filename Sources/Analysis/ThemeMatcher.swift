import Bytes
import Corpus
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
/// A rule theme (`Theme.rule`: a KH Coder coding rule) is evaluated on the sentence by
/// `CodingRuleEvaluator`. Its **occurrences** in a sentence are the hits of its positive atoms
/// when the sentence matches, overlapping hits counted once as above (the leftmost, then the
/// longest), and 0 when it does not match. A sentence matched by atoms without a place in the text
/// (`lw`, `<>変数-->値`, `No.` …) counts one occurrence, spanning the sentence: so every matched
/// sentence counts in `themes.csv`'s sentences, and `matches` gives as many ranges as
/// `occurrences` counts.
///
/// Text and forms are compared under `key` (the case fold, so `MACC` matches `macc`); the
/// sentence is keyed token by token, so token boundaries stay exact.
public struct ThemeMatcher: Sendable {
    /// What a rule may ask of the document around a sentence: its variables (`<>変数名-->値`) and
    /// the sentence's number in the document (`No.`, from 1).
    public struct Context: Sendable {
        public var variables: [DocumentVariable]
        public var sentenceNumber: Int

        public init(variables: [DocumentVariable] = [], sentenceNumber: Int = 0) {
            self.variables = variables
            self.sentenceNumber = sentenceNumber
        }

        /// No variables and sentence number 0.
        public static let none = Context()
    }

    public let themes: [Theme]
    private let patterns: [[[UInt8]]]
    private let key: @Sendable (String) -> String
    private let family: FeatureLayout.Family
    private let hasRules: Bool

    /// - Parameters:
    ///   - key: the key text is compared under; the themes' normalized forms and rules must
    ///     already be keyed with it.
    ///   - family: the dictionary's family, for rules that name parts of speech or
    ///     conjugation forms.
    public init(
        themes: [Theme], key: @escaping @Sendable (String) -> String = { $0 }, family: FeatureLayout.Family = .ipadic
    ) {
        self.themes = themes
        self.key = key
        self.family = family
        hasRules = themes.contains { $0.rule != nil }
        patterns = themes.map { theme in
            theme.rule != nil ? [] : theme.normalizedForms.map { Array($0.utf8) }.filter { !$0.isEmpty }
        }
    }

    /// Occurrences of each theme (indexed like `themes`) in `sentence`, given its tokens and, for
    /// rules that test them, the document's variables and the sentence's number.
    public func occurrences(in sentence: String, tokens: [Token], context: Context = .none) -> [Int] {
        var counts = [Int](repeating: 0, count: themes.count)
        var keyed = KeyedSentence()
        var sentence = sentence
        sentence.withUTF8Span { bytes in
            scan(bytes, tokens: tokens, context: context, keyed: &keyed) { theme, _, _ in counts[theme] += 1 }
        }
        return counts
    }

    /// Each theme's occurrences in `sentence` as UTF-8 byte ranges of the sentence, from the
    /// first token of a match to its last: what `occurrences` counts, for a concordance.
    public func matches(in sentence: String, tokens: [Token], context: Context = .none) -> [[Range<Int>]] {
        var ranges = [[Range<Int>]](repeating: [], count: themes.count)
        var keyed = KeyedSentence()
        var sentence = sentence
        sentence.withUTF8Span { bytes in
            scan(bytes, tokens: tokens, context: context, keyed: &keyed) { theme, first, last in
                ranges[theme].append(tokens[first].byteRange.lowerBound..<tokens[last].byteRange.upperBound)
            }
        }
        return ranges
    }

    /// What matching keeps from one sentence to the next, for its arrays' room: one per worker.
    public struct Scratch {
        var keyed = KeyedSentence()

        public init() {}
    }

    /// Calls `found` with each occurrence's theme and first and last token, theme by theme, in
    /// the sentence whose UTF-8 is `sentence`. Only rules need the sentence as a `String`.
    func scan(
        _ sentence: Span<UInt8>, tokens: [Token], context: Context, keyed: inout KeyedSentence,
        found: (Int, Int, Int) -> Void
    ) {
        guard !themes.isEmpty, !tokens.isEmpty else { return }
        keyed.fill(sentence, tokens: tokens, key: key)
        let evaluator =
            hasRules
            ? CodingRuleEvaluator(
                sentence: String(decodingUTF8: sentence), tokens: tokens, family: family, context: context, key: key)
            : nil
        for (theme, forms) in patterns.enumerated() {
            if let rule = themes[theme].rule, let evaluator {
                let result = evaluator.evaluate(rule)
                guard result.matched else { continue }
                let hits = Self.leftmostLongest(result.hits)
                if hits.isEmpty { found(theme, 0, tokens.count - 1) }
                for hit in hits { found(theme, hit.lowerBound, hit.upperBound) }
                continue
            }
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

    /// `hits` without overlaps, in text order: at each start the longest, then the next hit that
    /// starts after it ends.
    static func leftmostLongest(_ hits: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        let sorted = hits.sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
        var kept: [ClosedRange<Int>] = []
        for hit in sorted where kept.last.map({ hit.lowerBound > $0.upperBound }) ?? true {
            kept.append(hit)
        }
        return kept
    }
}
