import Tokenization

extension ThemeMatcher {
    /// Every occurrence `matches` finds in `sentence`, as the first and last token it spans, in
    /// text order (at one place, in theme order): what the concordance shows and collocations
    /// are counted around.
    public func hits(in sentence: String, tokens: [Token], context: Context = .none) -> [DocumentAnalysis.Hit] {
        var hits: [DocumentAnalysis.Hit] = []
        var scratch = Scratch()
        appendHits(in: sentence, tokens: tokens, context: context, to: &hits, scratch: &scratch)
        return hits
    }

    /// Appends what `hits(in:tokens:context:)` gives to `hits`, with a worker's `scratch`: a
    /// sentence allocates nothing once the arrays have grown.
    public func appendHits(
        in sentence: String, tokens: [Token], context: Context = .none, to hits: inout [DocumentAnalysis.Hit],
        scratch: inout Scratch
    ) {
        let start = hits.count
        scan(sentence, tokens: tokens, context: context, keyed: &scratch.keyed) { match, first, last in
            // Through the bytes the match spans, as `matches` gives them.
            let range = tokens[first].byteRange.lowerBound..<tokens[last].byteRange.upperBound
            hits.append(
                DocumentAnalysis.Hit(
                    match: match, firstToken: Self.token(holding: range.lowerBound, in: tokens),
                    lastToken: Self.token(holding: range.upperBound - 1, in: tokens)))
        }
        if hits.count - start > 1 {
            hits[start...].sort { $0.firstToken != $1.firstToken ? $0.firstToken < $1.firstToken : $0.match < $1.match }
        }
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
