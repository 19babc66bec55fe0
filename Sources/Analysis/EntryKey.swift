import Bytes

/// How a worker's term entry (`DocumentAnalysis.Entry`) is found among its entries (`HashSlots`):
/// hashed and compared as the UTF-8 bytes of its key, part of speech and written form.
///
/// Every new term a worker meets is looked up this way, and `String` hashes through canonical
/// equivalence, which for Japanese means checking every character against Unicode's tables (a
/// thousand instructions a string). The entry's strings are NFC (`CanonicalText`: the term and its
/// form are made NFC before they are keyed, and the key of NFC text is NFC), and for NFC strings
/// byte equality is canonical equivalence, so the entries are the ones `Entry`'s own equality
/// gives.
enum EntryKey {
    static func hash(_ entry: DocumentAnalysis.Entry) -> UInt64 {
        HashSlots.combine(
            HashSlots.combine(UTF8Bytes.hash(entry.term.text), UTF8Bytes.hash(entry.term.partOfSpeech)),
            UTF8Bytes.hash(entry.form))
    }

    static func equal(_ lhs: DocumentAnalysis.Entry, _ rhs: DocumentAnalysis.Entry) -> Bool {
        UTF8Bytes.equal(lhs.term.text, rhs.term.text)
            && UTF8Bytes.equal(lhs.term.partOfSpeech, rhs.term.partOfSpeech)
            && UTF8Bytes.equal(lhs.form, rhs.form)
    }
}
