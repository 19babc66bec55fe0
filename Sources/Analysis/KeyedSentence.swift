import Tokenization

/// A sentence's UTF-8 bytes under a key (the case fold), with where its tokens start and end, so
/// that forms can be matched at token boundaries. Each token, and each gap between tokens, is
/// keyed on its own, so boundaries stay exact however the key changes lengths.
struct KeyedSentence {
    let bytes: [UInt8]
    /// Start byte of each token.
    let starts: [Int]
    /// End byte of each token.
    let ends: [Int]
    /// Per byte offset: which token ends there (-1 for none).
    let tokenEndingAt: [Int]

    init(_ sentence: String, tokens: [Token], key: (String) -> String) {
        let needsKeying = sentence.unicodeScalars.contains { $0.properties.changesWhenNFKCCaseFolded }
        var bytes: [UInt8]
        var starts: [Int] = []
        var ends: [Int] = []
        if needsKeying {
            let original = Array(sentence.utf8)
            bytes = []
            var position = 0
            for token in tokens {
                if token.byteRange.lowerBound > position {
                    bytes += key(String(decoding: original[position..<token.byteRange.lowerBound], as: UTF8.self)).utf8
                }
                starts.append(bytes.count)
                bytes += key(token.surface(in: sentence)).utf8
                ends.append(bytes.count)
                position = token.byteRange.upperBound
            }
        } else {
            bytes = Array(sentence.utf8)
            starts = tokens.map(\.byteRange.lowerBound)
            ends = tokens.map(\.byteRange.upperBound)
        }
        var tokenEndingAt = [Int](repeating: -1, count: bytes.count + 1)
        for (index, end) in ends.enumerated() { tokenEndingAt[end] = index }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.tokenEndingAt = tokenEndingAt
    }

    /// The longest of `forms` that starts at token `index` and ends where a token ends: its
    /// length in bytes and the last token it covers.
    func longestMatch(of forms: [[UInt8]], atToken index: Int) -> (length: Int, lastToken: Int)? {
        let start = starts[index]
        var best: (Int, Int)?
        for form in forms where form.count > (best?.0 ?? 0) {
            let end = start + form.count
            if end <= bytes.count, tokenEndingAt[end] >= index, bytes[start..<end].elementsEqual(form) {
                best = (form.count, tokenEndingAt[end])
            }
        }
        return best
    }
}
