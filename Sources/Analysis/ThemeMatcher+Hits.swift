import Tokenization

extension ThemeMatcher {
    /// Every occurrence `matches` finds in `sentence`, as the first and last token it spans, in
    /// text order (at one place, in theme order): what the concordance shows and collocations
    /// are counted around.
    public func hits(in sentence: String, tokens: [Token], context: Context = .none) -> [DocumentAnalysis.Hit] {
        var hits: [DocumentAnalysis.Hit] = []
        for (match, ranges) in matches(in: sentence, tokens: tokens, context: context).enumerated() {
            for range in ranges {
                hits.append(
                    DocumentAnalysis.Hit(
                        match: match, firstToken: Self.token(holding: range.lowerBound, in: tokens),
                        lastToken: Self.token(holding: range.upperBound - 1, in: tokens)))
            }
        }
        hits.sort { $0.firstToken != $1.firstToken ? $0.firstToken < $1.firstToken : $0.match < $1.match }
        return hits
    }

    /// The index of the last token starting at or before UTF-8 offset `offset` (tokens are in
    /// text order): the token holding that byte.
    static func token(holding offset: Int, in tokens: [Token]) -> Int {
        var low = 0
        var high = tokens.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if tokens[middle].byteRange.lowerBound <= offset { low = middle } else { high = middle }
        }
        return low
    }
}
