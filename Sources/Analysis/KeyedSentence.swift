import Bytes
import Corpus
import Tokenization

/// A sentence's UTF-8 bytes under a key (the case fold), with where its tokens start and end, so
/// that forms can be matched at token boundaries. Each token, and each gap between tokens, is
/// keyed on its own, so boundaries stay exact however the key changes lengths.
///
/// A worker keeps one and `fill`s it for every sentence: its arrays keep their room, and each
/// surface's keyed bytes are kept (`keyedSurfaces`), so the key, which makes strings, runs once
/// per distinct surface a worker meets, not for every token of every sentence that needs it.
struct KeyedSentence {
    private(set) var bytes: [UInt8] = []
    /// Start byte of each token.
    private(set) var starts: [Int] = []
    /// End byte of each token.
    private(set) var ends: [Int] = []
    /// Per byte offset: which token ends there (-1 for none).
    private(set) var tokenEndingAt: [Int] = []
    /// The keyed bytes of each surface (token or gap) keyed so far, up to `memoLimit` of them. The
    /// key is a function of the text alone (and a scratch is always filled with one key), so a
    /// surface's keyed form never changes.
    private var keyedSurfaces = SurfaceTable<[UInt8]>()
    /// The most surfaces `keyedSurfaces` keeps: a worker's frequent surfaces come first, and the
    /// memo stays a few megabytes however large the corpus; a surface past it is keyed each time.
    private let memoLimit: Int

    /// No sentence yet: a scratch to `fill`, whose arrays keep their room from one sentence to
    /// the next, and which keeps the keyed forms of up to `memoLimit` surfaces.
    init(memoLimit: Int = 1 << 17) {
        self.memoLimit = memoLimit
    }

    init(_ sentence: String, tokens: [Token], key: (String) -> String) {
        self.init()
        var sentence = sentence
        sentence.withUTF8Span { fill($0, tokens: tokens, key: key) }
    }

    /// Makes the sentence whose UTF-8 is `sentence` keyed, reusing the arrays of the sentence
    /// before.
    mutating func fill(_ sentence: Span<UInt8>, tokens: [Token], key: (String) -> String) {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        if Self.mayChangeUnderKey(sentence) {
            var position = 0
            for token in tokens {
                if token.byteRange.lowerBound > position {
                    appendKeyed(sentence.extracting(position..<token.byteRange.lowerBound), key: key)
                }
                starts.append(bytes.count)
                appendKeyed(sentence.extracting(token.byteRange), key: key)
                ends.append(bytes.count)
                position = token.byteRange.upperBound
            }
        } else {
            bytes.append(copying: sentence)
            for token in tokens {
                starts.append(token.byteRange.lowerBound)
                ends.append(token.byteRange.upperBound)
            }
        }
        tokenEndingAt.removeAll(keepingCapacity: true)
        tokenEndingAt.append(contentsOf: repeatElement(-1, count: bytes.count + 1))
        for (index, end) in ends.enumerated() { tokenEndingAt[end] = index }
    }

    /// Appends `key` of the text `surface`, from `keyedSurfaces` once it has been keyed.
    private mutating func appendKeyed(_ surface: Span<UInt8>, key: (String) -> String) {
        if let known = keyedSurfaces.value(ordinal: 0, surface: surface) {
            bytes.append(contentsOf: known)
            return
        }
        let text = String(decodingUTF8: surface)
        let keyed = Array(key(text).utf8)
        if keyedSurfaces.count < memoLimit { keyedSurfaces.insert(keyed, ordinal: 0, surface: surface) }
        bytes.append(contentsOf: keyed)
    }

    /// `true` if some character of `sentence` changes under NFKC case folding, the one key that
    /// changes text (`changesWhenNFKCCaseFolded`); `false` lets the sentence's bytes stand as its
    /// keyed bytes. ASCII other than capitals, kana, the CJK ideographs and the common Japanese
    /// punctuation are known not to change and are told from their bytes; any other character
    /// is asked of Unicode's properties.
    static func mayChangeUnderKey(_ sentence: Span<UInt8>) -> Bool {
        var index = 0
        while index < sentence.count {
            let lead = sentence[unchecked: index]
            if lead < 0x80 {
                if lead >= UInt8(ascii: "A") && lead <= UInt8(ascii: "Z") { return true }
                index &+= 1
                continue
            }
            let width = UTF8Text.width(lead: lead)
            guard index + width <= sentence.count else { return true }
            // U+4000–U+9FFF (CJK extension A's end, the Yijing hexagrams, the unified
            // ideographs): no decomposition, no case.
            if UTF8Text.isKanjiLead(lead) {
                index &+= 3
                continue
            }
            let scalar = UTF8Text.scalar(in: sentence, at: index)
            switch scalar.value {
            case 0x3001...0x3002, 0x300C...0x300F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC:
                break  // 、。「」『』, hiragana, katakana, ー
            default:
                if scalar.properties.changesWhenNFKCCaseFolded { return true }
            }
            index &+= width
        }
        return false
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
