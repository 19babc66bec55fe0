import Bytes
import Tokenization

extension ThemeMatcher {
    /// Every occurrence `matches` finds in `sentence`, as the first and last token it spans, in
    /// text order (at one place, in theme order): what the concordance shows and collocations
    /// are counted around.
    public func hits(in sentence: String, tokens: [Token], context: Context = .none) -> [DocumentAnalysis.Hit] {
        var hits: [DocumentAnalysis.Hit] = []
        var scratch = Scratch()
        var sentence = sentence
        sentence.withUTF8Span { appendHits(in: $0, tokens: tokens, context: context, to: &hits, scratch: &scratch) }
        return hits
    }

    /// Appends what `hits(in:tokens:context:)` gives to `hits`, for the sentence whose UTF-8 is
    /// `sentence`, with a worker's `scratch`: a sentence allocates nothing once the arrays have
    /// grown.
    public func appendHits(
        in sentence: Span<UInt8>, tokens: [Token], context: Context = .none, to hits: inout [DocumentAnalysis.Hit],
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
        // In text order, at one place in theme order: an insertion sort in place, since a
        // sentence has a few hits and the standard sort takes a buffer.
        var next = start + 1
        while next < hits.count {
            let hit = hits[next]
            var index = next
            while index > start, Self.precedes(hit, hits[index - 1]) {
                hits[index] = hits[index - 1]
                index -= 1
            }
            hits[index] = hit
            next += 1
        }
    }

    private static func precedes(_ lhs: DocumentAnalysis.Hit, _ rhs: DocumentAnalysis.Hit) -> Bool {
        lhs.firstToken != rhs.firstToken ? lhs.firstToken < rhs.firstToken : lhs.match < rhs.match
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
