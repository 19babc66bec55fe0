import Bytes
import Foundation

/// Sorting terms fast, in `Term`'s order: by the bytes of their texts and parts of speech, with
/// texts equal under canonical equivalence (as `String.==`) taken as equal.
extension Term {
    /// Each term's place when `terms` are sorted (`Term`'s order), by index; equal terms share a
    /// place. Comparing places is comparing the terms: the reports order their rows by the terms
    /// shown this way, and a run's workers lay out their pair arrays by the pair vocabulary's.
    ///
    /// The terms are sorted by what `Term.<` compares, found once per term rather than once per
    /// comparison: the UTF-8 bytes of text and part of speech, in one array, and, for `Term.<`'s
    /// test whether the texts are equal (canonical equivalence, as `String.==`), a number per
    /// class of equal texts. The classes are found by sorting the texts' NFC bytes (equal NFC, equal
    /// text): a text plainly in NFC already is its own key, and only the others are normalized.
    /// Hashing the texts as strings (`Dictionary`) did the same and normalized every text that is
    /// not ASCII on the way: 132 M instructions for the benchmark survey's 18,000 terms, against
    /// 69 M with both sorts here, and fewer when every text is plainly NFC (the one sort by text
    /// and part of speech then finds the equal texts itself). Sorting with `Term.<` compares
    /// strings as strings, about 1,200 instructions a comparison.
    public static func places(of terms: [Term]) -> [Int32] {
        var bytes: [UInt8] = []
        var texts: [SortedBytes] = []
        var keys: [SortedBytes] = []
        var partsOfSpeech: [SortedBytes] = []
        texts.reserveCapacity(terms.count)
        keys.reserveCapacity(terms.count)
        partsOfSpeech.reserveCapacity(terms.count)
        func append(_ string: String) -> SortedBytes {
            let start = bytes.count
            bytes.append(contentsOf: string.utf8)
            return SortedBytes(bytes.span, start..<bytes.count)
        }
        var allPlain = true
        for term in terms {
            let text = append(term.text)
            texts.append(text)
            let plain = isPlainlyNFC(bytes.span.extracting(text.range))
            allPlain = allPlain && plain
            keys.append(plain ? text : append(term.text.precomposedStringWithCanonicalMapping))
            partsOfSpeech.append(append(term.partOfSpeech))
        }
        let span = bytes.span
        // When every text is its own NFC (the usual case), equal texts are equal bytes, and no
        // numbers are needed.
        var textNumber: [Int32] = []
        if !allPlain {
            textNumber = [Int32](repeating: 0, count: terms.count)
            let byKey = terms.indices.sorted { keys[$0].order(keys[$1], in: span) < 0 }
            for (position, id) in byKey.enumerated().dropFirst() {
                let previous = byKey[position - 1]
                textNumber[id] = textNumber[previous] + (keys[previous].order(keys[id], in: span) == 0 ? 0 : 1)
            }
        }
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            let byText = texts[lhs].order(texts[rhs], in: span)
            if allPlain ? byText != 0 : textNumber[lhs] != textNumber[rhs] { return byText < 0 }
            return partsOfSpeech[lhs].order(partsOfSpeech[rhs], in: span) < 0
        }
        let sorted = terms.indices.sorted(by: precedes)
        var ranks = [Int32](repeating: 0, count: terms.count)
        var place: Int32 = 0
        for (position, id) in sorted.enumerated() {
            if position > 0 && precedes(sorted[position - 1], id) { place += 1 }
            ranks[id] = place
        }
        return ranks
    }

    /// Bytes to sort, by their place in a shared array and their first eight bytes as one
    /// number (big-endian, zeros after the end), which decides most comparisons without reading
    /// the array: sorting tens of thousands of terms compares each a dozen times.
    package struct SortedBytes {
        let prefix: UInt64
        let range: Range<Int>

        package init(_ bytes: Span<UInt8>, _ range: Range<Int>) {
            var prefix: UInt64 = 0
            for index in 0..<8 {
                prefix = prefix << 8 | UInt64(range.lowerBound + index < range.upperBound ? bytes[range.lowerBound + index] : 0)
            }
            self.prefix = prefix
            self.range = range
        }

        /// The order of these bytes against `other`'s, both in `bytes`, as
        /// `lexicographicallyPrecedes` has it: negative, zero or positive. Equal prefixes of two
        /// runs of at most eight bytes mean the shorter is the start of the longer, zeros after.
        package func order(_ other: SortedBytes, in bytes: Span<UInt8>) -> Int {
            if prefix != other.prefix { return prefix < other.prefix ? -1 : 1 }
            if range.count <= 8 && other.range.count <= 8 { return range.count - other.range.count }
            return bytes.extracting(range).compareBytes(with: bytes.extracting(other.range))
        }
    }

    /// Whether `utf8` is in NFC by the look of its characters alone: each below U+0300 (no
    /// combining marks yet), or kana (not the combining voiced marks U+3099, U+309A), a CJK
    /// unified ideograph, or a full- or half-width form. All of them are starters that nothing
    /// composes with, so a text of only these is its own NFC. Anything else may not be.
    package static func isPlainlyNFC(_ utf8: Span<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            let lead = utf8[unchecked: index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if lead < 0xCC {  // up to U+02FF
                index += 2
                continue
            }
            guard lead >= 0xE3 && lead <= 0xEF && index + 2 < utf8.count else { return false }
            let value =
                UInt32(lead & 0x0F) << 12 | UInt32(utf8[unchecked: index + 1] & 0x3F) << 6
                | UInt32(utf8[unchecked: index + 2] & 0x3F)
            switch value {
            case 0x3041...0x3096, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFFEF: index += 3
            default: return false
            }
        }
        return true
    }
}
