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
    /// `text` in NFC; text without combining marks or conjoining jamo (nearly all) is returned as
    /// it is, without Foundation's work.
    static func nfc(_ text: String) -> String {
        let composable = text.unicodeScalars.contains { scalar in
            scalar.value >= 0x300
                && (scalar.properties.canonicalCombiningClass.rawValue != 0 || (0x1100...0x11FF).contains(scalar.value)
                    || (0x3099...0x309A).contains(scalar.value))
        }
        return composable ? text.precomposedStringWithCanonicalMapping : text
    }
}
