import Tokenization

/// A sentence's UTF-8 bytes under a key (the case fold), with where its tokens start and end, so
/// that forms can be matched at token boundaries. Each token, and each gap between tokens, is
/// keyed on its own, so boundaries stay exact however the key changes lengths.
struct KeyedSentence {
    private(set) var bytes: [UInt8] = []
    /// Start byte of each token.
    private(set) var starts: [Int] = []
    /// End byte of each token.
    private(set) var ends: [Int] = []
    /// Per byte offset: which token ends there (-1 for none).
    private(set) var tokenEndingAt: [Int] = []

    /// No sentence yet: a scratch to `fill`, whose arrays keep their room from one sentence to
    /// the next.
    init() {}

    init(_ sentence: String, tokens: [Token], key: (String) -> String) {
        fill(sentence, tokens: tokens, key: key)
    }

    /// Makes this `sentence` keyed, reusing the arrays of the sentence before.
    mutating func fill(_ sentence: String, tokens: [Token], key: (String) -> String) {
        let needsKeying = sentence.unicodeScalars.contains { $0.properties.changesWhenNFKCCaseFolded }
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        if needsKeying {
            let original = Array(sentence.utf8)
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
            bytes.append(contentsOf: sentence.utf8)
            for token in tokens {
                starts.append(token.byteRange.lowerBound)
                ends.append(token.byteRange.upperBound)
            }
        }
        tokenEndingAt.removeAll(keepingCapacity: true)
        tokenEndingAt.append(contentsOf: repeatElement(-1, count: bytes.count + 1))
        for (index, end) in ends.enumerated() { tokenEndingAt[end] = index }
    }

    /// The longest of `forms` that starts at token `index` and ends where a token ends: its
    /// length in bytes and the last token it covers.
    func longestMatch(of forms: [[UInt8]], atToken index: Int) -> (length: Int, lastToken: Int)? {
        var best: (Int, Int)?
        for form in forms where form.count > (best?.0 ?? 0) {
            if let last = lastToken(of: form, atToken: index) { best = (form.count, last) }
        }
        return best
    }

    /// The last token `form` covers if it starts at token `index` and ends where a token ends.
    func lastToken(of form: [UInt8], atToken index: Int) -> Int? {
        let start = starts[index]
        let end = start + form.count
        guard end <= bytes.count, tokenEndingAt[end] >= index, bytes[start..<end].elementsEqual(form) else { return nil }
        return tokenEndingAt[end]
    }
}
