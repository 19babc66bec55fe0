import Foundation

/// Text in one canonical form (NFC), for everything counted under a text key.
///
/// Swift's `String` compares canonically equivalent texts as equal, so `ć` (U+0107) and `c` +
/// U+0301 are one dictionary key, stored as whichever came first: with several workers, that
/// depends on scheduling, and so would the bytes of the reports. Normalization usually leaves
/// text in NFC, but not always (NFKC maps `´` to a space and U+0301, and the space rule may then
/// remove the space). Terms, written forms and compound nouns are made NFC when they are first
/// counted, so equal keys always have the same scalars.
enum CanonicalText {
    /// `text` in NFC. Text made only of characters that NFC never changes nor combines with
    /// what precedes them (below U+0300, kana but the voiced marks U+3099–309A, CJK ideographs:
    /// nearly all text here) is returned as it is, without Foundation's work; anything else goes
    /// through Foundation, which is right for every script (Hangul jamo, Indic vowel signs …).
    static func nfc(_ text: String) -> String {
        let stable = text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case ..<0x300, 0x3040...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF: true
            default: false
            }
        }
        return stable ? text : text.precomposedStringWithCanonicalMapping
    }
}
