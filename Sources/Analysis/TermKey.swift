import Bytes

/// How `CorpusCounts` finds a term's id (`HashSlots`): by its text and part of speech in NFC,
/// hashed and compared as UTF-8 bytes.
///
/// Every document read from the cache has its entries looked up by term, and `String` hashes
/// through canonical equivalence, which for Japanese means checking every character against
/// Unicode's tables on every hash (a fifth of counting such a document). In NFC, two strings are
/// canonically equivalent exactly when their bytes are equal, so the ids are the ones `Term`'s
/// own equality gives.
///
/// The counts keep each term as it first came, not its NFC form: a stored term is made NFC again
/// only when its hash equals the one looked for, which is almost only when it is the one.
struct TermKey {
    let text: String
    let partOfSpeech: String

    init(_ term: Term) {
        text = CanonicalText.nfc(term.text)
        partOfSpeech = CanonicalText.nfc(term.partOfSpeech)
    }

    var hash: UInt64 { HashSlots.combine(UTF8Bytes.hash(text), UTF8Bytes.hash(partOfSpeech)) }

    /// Whether `term` has this key.
    func isKey(of term: Term) -> Bool {
        let other = TermKey(term)
        return UTF8Bytes.equal(text, other.text) && UTF8Bytes.equal(partOfSpeech, other.partOfSpeech)
    }
}
