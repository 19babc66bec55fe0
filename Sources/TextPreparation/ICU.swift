import Corpus
import ICU

/// The ICU services the text stages use, on traced text, through the `ICU` wrapper module
/// (which alone touches ICU's C interface).
public enum ICU {
    /// The version of the system ICU library in use, e.g. `72.1`.
    public static var version: String { UnicodeServices.version }

    /// NFKC filtered to keep Japanese punctuation full-width (docs/TEXT.md §5.3),
    /// traced: each output character keeps the original span of the chunk it came from. Text
    /// that ICU's quick check finds already normalized is left as it is.
    ///
    /// Only the runs of characters that are not stable starters (`stableStarters`: ASCII, kana,
    /// kanji and most punctuation are) go to ICU, each with the character before it, which a
    /// combining mark may join: a stable starter begins a chunk of its own and comes out as it
    /// went in, so normalizing the runs alone gives what normalizing the whole text would.
    ///
    /// - Returns: `nil` if the text is normalized already.
    static func normalizeJapanese(_ text: TracedText) throws(NormalizationError) -> TracedText? {
        let bytes = text.utf8
        let table = stableStarters
        guard var unstable = firstUnstable(in: bytes, from: 0, table: table) else { return nil }
        var runs: [Range<Int>] = []
        while true {
            var end = unstable
            while end < bytes.count, !isStableStarter(bytes, at: end, table: table) { end += UTF8Text.width(lead: bytes[end]) }
            runs.append((unstable > 0 ? UTF8Text.start(before: unstable, in: bytes) : 0)..<end)
            guard let next = firstUnstable(in: bytes, from: end, table: table) else { break }
            unstable = next
        }
        var sources: [(units: [UInt16], bytes: [Int])] = []
        sources.reserveCapacity(runs.count)
        var normalized = true
        for run in runs {
            let source = utf16(of: bytes, run)
            sources.append(source)
            let prefix = try checked { () throws(UnicodeServices.Failure) in
                try UnicodeServices.normalizedPrefixLength(source.units)
            }
            if prefix != source.units.count { normalized = false }
        }
        // As ICU's quick check over the whole text would find: nothing to do.
        if normalized { return nil }
        var result = TracedText()
        result.reserveCapacity(bytes.count + bytes.count / 2)
        var copied = 0
        for (run, source) in zip(runs, sources) {
            result.append(text, range: copied..<run.lowerBound)
            try appendNormalized(source, of: text, to: &result)
            copied = run.upperBound
        }
        result.append(text, range: copied..<bytes.count)
        return result
    }

    /// Normalizes `source` (a run of `text` in UTF-16, with the byte offset in `text` of every
    /// unit's character and of the run's end) chunk by chunk, and appends the output to
    /// `result`, each character traced to the original span of its chunk.
    private static func appendNormalized(
        _ source: (units: [UInt16], bytes: [Int]), of text: TracedText, to result: inout TracedText
    ) throws(NormalizationError) {
        let (output, starts, ends) = try checked { () throws(UnicodeServices.Failure) in
            try UnicodeServices.normalizeJapaneseTraced(source.units)
        }
        var unit = 0
        var chunk = -1
        var span: Range<Int32> = 0..<0
        for scalar in String(decoding: output, as: UTF16.self).unicodeScalars {
            if Int(starts[unit]) != chunk {
                chunk = Int(starts[unit])
                let original = text.originalRange(of: source.bytes[chunk]..<source.bytes[Int(ends[unit])])
                span = Int32(original.lowerBound)..<Int32(original.upperBound)
            }
            result.append(scalar, span: span)
            unit += scalar.utf16.count
        }
    }

    /// The BMP code points that are stable starters under the filtered NFKC (see
    /// `cicu_stable_starters`), one bit each; empty if ICU fails, so that everything goes to ICU,
    /// which then reports the failure.
    private static let stableStarters: [UInt64] = UnicodeServices.stableStarters()

    /// `true` if the character at `index` is a stable starter: ASCII, or a BMP character
    /// `table` (`stableStarters`) marks; supplementary characters are left to ICU.
    @inline(__always)
    static func isStableStarter(_ bytes: [UInt8], at index: Int, table: [UInt64]) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return true }
        guard lead < 0xF0, !table.isEmpty else { return false }
        let value = Int(UTF8Text.value(in: bytes, at: index))
        return table[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// ICU's own answer, one code point at a time, to what `stableStarters` holds (for tests).
    static func isStableStarterAskingICU(_ value: UInt32) -> Bool {
        UnicodeServices.isStableStarter(value)
    }

    /// `true` if the BMP code point `value` is a stable starter (for `CharacterClasses`).
    static func isStableStarter(_ value: UInt32) -> Bool {
        let table = stableStarters
        return !table.isEmpty && table[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// Where the first character at or after `index` that is not a stable starter starts.
    private static func firstUnstable(in bytes: [UInt8], from index: Int, table: [UInt64]) -> Int? {
        var index = index
        while index < bytes.count {
            let lead = bytes[index]
            if lead >= 0x80 && !isStableStarter(bytes, at: index, table: table) { return index }
            index += UTF8Text.width(lead: lead)
        }
        return nil
    }

    /// The bytes `range` of `bytes` in UTF-16, with the byte offset of each unit's character and
    /// one more entry for the end of the range.
    private static func utf16(of bytes: [UInt8], _ range: Range<Int>) -> (units: [UInt16], bytes: [Int]) {
        var units: [UInt16] = []
        var offsets: [Int] = []
        units.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count + 1)
        var index = range.lowerBound
        while index < range.upperBound {
            let value = UTF8Text.value(in: bytes, at: index)
            if value <= 0xFFFF {
                units.append(UInt16(truncatingIfNeeded: value))
                offsets.append(index)
            } else {
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                units.append(UTF16.leadSurrogate(scalar))
                units.append(UTF16.trailSurrogate(scalar))
                offsets.append(index)
                offsets.append(index)
            }
            index += UTF8Text.width(lead: bytes[index])
        }
        offsets.append(range.upperBound)
        return (units, offsets)
    }

    /// NFKC_Casefold of `text`: the key of terms and theme forms (F6).
    static func caseFold(_ text: String) throws(NormalizationError) -> String {
        guard !text.isEmpty else { return text }
        let folded = try checked { () throws(UnicodeServices.Failure) in try UnicodeServices.caseFold(Array(text.utf16)) }
        return String(decoding: folded, as: UTF16.self)
    }

    /// Display width of a scalar: 2 for East Asian Wide and Fullwidth, else 1.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        scalar.isASCII ? 1 : UnicodeServices.displayWidth(scalar.value)
    }

    /// The result of `body`, an ICU failure there becoming a `NormalizationError`.
    private static func checked<T>(_ body: () throws(UnicodeServices.Failure) -> T) throws(NormalizationError) -> T {
        do {
            return try body()
        } catch {
            throw NormalizationError(code: error.code, name: error.name)
        }
    }
}
