import Bytes
import Tokenization

/// Finds compound-noun candidates (複合名詞) in a sentence by the rules of TermExtract, as KH Coder
/// uses them (docs/TEXT.md §8.2):
///
/// 1. Runs of nouns join: 名詞-一般, 名詞-サ変接続, 名詞-接尾-一般, 名詞-接尾-サ変接続,
///    名詞-固有名詞, 記号-アルファベット and unknown words (not symbol-only ones).
/// 2. An adjectival or ナイ-adjective stem (名詞-形容動詞語幹, 名詞-ナイ形容詞語幹) joins only when a
///    noun follows; otherwise the candidate is dropped.
/// 3. 名詞-接尾-形容動詞語幹 (的) likewise, and never at the head.
/// 4. A verb right after a candidate drops it (支援する is no compound).
/// 5. Anything else ends the candidate; symbol-only tokens are delimiters.
/// 6. A leading 本 and a trailing など, ら, 上, 内, 型, 間, 中, 毎, 等 are left out.
///
/// UniDic and JUMAN are read by their nearest parts of speech (普通名詞, 固有名詞, 名詞的接尾辞 …;
/// a prefix joins at the head when a noun follows).
public struct CompoundExtractor: Sendable {
    public let family: FeatureLayout.Family

    public init(family: FeatureLayout.Family = .ipadic) {
        self.family = family
    }

    /// What a token can do in a compound.
    public enum Role: Sendable {
        case noun, stem, suffixStem, prefix, verb, other
    }

    static let droppedTails: Set<String> = ["など", "ら", "上", "内", "型", "間", "中", "毎", "等"]
    /// The same as UTF-8, compared byte by byte: `String`'s own comparison and hashing go through
    /// canonical equivalence, which costs more than the rest of a candidate.
    private static let droppedTailBytes = droppedTails.map { Array($0.utf8) }
    private static let leadingHon = Array("本".utf8)

    static func isDroppedTail(_ surface: Span<UInt8>) -> Bool {
        // Every dropped tail is one or two kana or kanji: three or six bytes.
        let count = surface.count
        guard count == 3 || count == 6 else { return false }
        return droppedTailBytes.contains { $0.count == count && $0.span.hasSameBytes(as: surface) }
    }

    /// The candidates of `sentence`: the token range each covers and its nouns' surfaces. Tokens
    /// flagged in `covered` (already one term) end a candidate.
    public func candidates(in tokens: [Token], of sentence: String, covered: [Bool]) -> [(range: Range<Int>, nouns: [String])] {
        candidates(in: tokens, of: sentence, covered: covered, roles: tokens.map { role(of: $0, in: sentence) })
    }

    /// The candidates of a sentence whose tokens' roles are known (`role(of:)` depends only on a
    /// token's dictionary entry, so callers may keep it by entry), of `minimumNouns` nouns or more.
    public func candidates(
        in tokens: [Token], of sentence: String, covered: [Bool], roles: [Role], minimumNouns: Int = 1
    ) -> [(range: Range<Int>, nouns: [String])] {
        var result: [(range: Range<Int>, nouns: [String])] = []
        var text = sentence
        text.withUTF8Span { bytes in
            forEachCandidate(in: tokens, of: bytes, covered: covered, roles: roles, minimumNouns: minimumNouns) { range in
                result.append((range, tokens[range].map { $0.surface(in: sentence) }))
            }
        }
        return result
    }

    /// Calls `body` with the token range of each candidate of `minimumNouns` nouns or more, in
    /// text order: a candidate's nouns are the surfaces of its tokens, which always stand side by
    /// side. `sentence` is the tokens' sentence as UTF-8. Allocates nothing, since it runs on
    /// every sentence.
    public func forEachCandidate(
        in tokens: [Token], of sentence: Span<UInt8>, covered: [Bool], roles: [Role], minimumNouns: Int = 1,
        _ body: (Range<Int>) -> Void
    ) {
        // The run being gathered: tokens start..<end.
        var start = 0
        var end = 0
        func flush() {
            defer { start = end }
            var (first, last) = (start, end)
            if first < last, sentence.extracting(tokens[first].byteRange).hasSameBytes(as: Self.leadingHon.span) { first += 1 }
            if first < last, Self.isDroppedTail(sentence.extracting(tokens[last - 1].byteRange)) { last -= 1 }
            guard last - first >= max(1, minimumNouns) else { return }
            body(first..<last)
        }
        func extend(_ index: Int) {
            if start == end { start = index }
            end = index + 1
        }
        for index in tokens.indices {
            if covered[index] {
                flush()
                continue
            }
            let nextIsNoun = index + 1 < tokens.count && !covered[index + 1] && roles[index + 1] == .noun
            switch roles[index] {
            case .noun:
                extend(index)
            case .stem:
                if nextIsNoun { extend(index) } else { start = end }
            case .suffixStem:
                if start < end && nextIsNoun { extend(index) } else { start = end }
            case .prefix:
                if start == end && nextIsNoun { extend(index) } else { flush() }
            case .verb:
                start = end
            case .other:
                flush()
            }
        }
        flush()
    }

    /// What `token` of `sentence` can do in a compound.
    public func role(of token: Token, in sentence: String) -> Role {
        if TermExtractor.isSymbolOnly(token, in: sentence) { return .other }
        let path = token.features.partOfSpeechPath
        func starts(_ prefix: String) -> Bool { PartOfSpeechPath.is(path, under: prefix) }
        if token.isUnknown { return starts("名詞-数") || starts("名詞-数詞") ? .other : .noun }
        switch family {
        case .ipadic:
            if starts("名詞-一般") || starts("名詞-サ変接続") || starts("名詞-接尾-一般") || starts("名詞-接尾-サ変接続")
                || starts("名詞-固有名詞") || starts("記号-アルファベット")
            {
                return .noun
            }
            if starts("名詞-形容動詞語幹") || starts("名詞-ナイ形容詞語幹") { return .stem }
            if starts("名詞-接尾-形容動詞語幹") { return .suffixStem }
            if starts("動詞") { return .verb }
        case .unidic:
            if starts("名詞-普通名詞-形状詞可能") { return .stem }
            if starts("名詞-普通名詞") || starts("名詞-固有名詞") || starts("接尾辞-名詞的") { return .noun }
            if starts("接尾辞-形状詞的") { return .suffixStem }
            if starts("接頭辞") { return .prefix }
            if starts("動詞") { return .verb }
        case .juman:
            if starts("名詞-普通名詞") || starts("名詞-サ変名詞") || starts("名詞-固有名詞") || starts("名詞-地名")
                || starts("名詞-人名") || starts("名詞-組織名") || starts("接尾辞-名詞性名詞接尾辞")
            {
                return .noun
            }
            if starts("接頭辞-名詞接頭辞") { return .prefix }
            if starts("動詞") { return .verb }
        }
        return .other
    }
}
