/// A term as the key `CorpusCounts` finds its id under: its text and part of speech in NFC,
/// hashed and compared as UTF-8 bytes.
///
/// Every document read from the cache has its entries looked up by term, and `String` hashes
/// through canonical equivalence, which for Japanese means checking every character against
/// Unicode's tables on every hash (a fifth of counting such a document). In NFC, two strings are
/// canonically equivalent exactly when their bytes are equal, so the ids are the ones `Term`'s
/// own equality gives.
struct TermKey: Hashable {
    let text: String
    let partOfSpeech: String

    init(_ term: Term) {
        text = CanonicalText.nfc(term.text)
        partOfSpeech = CanonicalText.nfc(term.partOfSpeech)
    }

    func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(text, into: &hasher)
        UTF8Bytes.hash(partOfSpeech, into: &hasher)
    }

    static func == (lhs: TermKey, rhs: TermKey) -> Bool {
        UTF8Bytes.equal(lhs.text, rhs.text) && UTF8Bytes.equal(lhs.partOfSpeech, rhs.partOfSpeech)
    }
}
