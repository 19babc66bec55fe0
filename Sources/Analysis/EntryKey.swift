/// A worker's term entry (`DocumentAnalysis.Entry`) as a dictionary key, hashed and compared as
/// the UTF-8 bytes of its key, part of speech and written form.
///
/// Every new term a worker meets is looked up here, and `String` hashes through canonical
/// equivalence, which for Japanese means checking every character against Unicode's tables (a
/// thousand instructions a string). The entry's strings are NFC (`CanonicalText`: the term and its
/// form are made NFC before they are keyed, and the key of NFC text is NFC), and for NFC strings
/// byte equality is canonical equivalence, so the entries are the ones `Entry`'s own equality
/// gives.
struct EntryKey: Hashable {
    let entry: DocumentAnalysis.Entry

    func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(entry.term.text, into: &hasher)
        UTF8Bytes.hash(entry.term.partOfSpeech, into: &hasher)
        UTF8Bytes.hash(entry.form, into: &hasher)
    }

    static func == (lhs: EntryKey, rhs: EntryKey) -> Bool {
        UTF8Bytes.equal(lhs.entry.term.text, rhs.entry.term.text)
            && UTF8Bytes.equal(lhs.entry.term.partOfSpeech, rhs.entry.term.partOfSpeech)
            && UTF8Bytes.equal(lhs.entry.form, rhs.entry.form)
    }
}
