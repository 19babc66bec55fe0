internal import CICU
import Corpus

/// The few ICU services kotoba uses, through the plain-C `CICU` shim.
public enum ICU {
    /// The version of the system ICU library in use, e.g. `72.1`.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `U_BUFFER_OVERFLOW_ERROR`: the destination was too small and the needed length came back.
    static let bufferOverflow: Int32 = 15

    /// NFKC filtered to keep Japanese punctuation full-width (reference/normtok.md §4.2 F3),
    /// traced: each output character keeps the original span of the chunk it came from. Text
    /// that ICU's quick check finds already normalized is returned as is.
    static func normalizeJapanese(_ text: TracedText) throws(NormalizationError) -> TracedText {
        // ASCII is its own NFKC: text without anything else needs no UTF-16 copy at all.
        guard text.scalars.contains(where: { !$0.isASCII }) else { return text }
        let source = utf16(of: text.scalars)
        var status: Int32 = 0
        let normalizedPrefix = cicu_normalized_prefix_length(source, Int32(source.count), &status)
        try check(status)
        if Int(normalizedPrefix) == source.count { return text }
        var scalarOfUnit: [Int] = []
        scalarOfUnit.reserveCapacity(source.count)
        for (index, scalar) in text.scalars.enumerated() {
            scalarOfUnit.append(index)
            if scalar.value > 0xFFFF { scalarOfUnit.append(index) }
        }
        let capacity = try preflight(source) { cicu_normalize_japanese($0, $1, $2, $3, $4) }
        var output = [UInt16](repeating: 0, count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        status = 0
        let written = Int(
            cicu_normalize_japanese_traced(
                source, Int32(source.count), &output, &starts, &ends, Int32(capacity), &status))
        try check(status)
        var result = TracedText()
        result.reserveCapacity(written)
        var unit = 0
        for scalar in String(decoding: output[..<written], as: UTF16.self).unicodeScalars {
            let first = scalarOfUnit[Int(starts[unit])]
            let last = scalarOfUnit[Int(ends[unit]) - 1]
            let span = text.originalRange(of: first..<(last + 1))
            result.append(scalar, span: Int32(span.lowerBound)..<Int32(span.upperBound))
            unit += scalar.utf16.count
        }
        return result
    }

    /// `scalars` in UTF-16, written into one buffer of the largest size they can need.
    private static func utf16(of scalars: [Unicode.Scalar]) -> [UInt16] {
        Array(unsafeUninitializedCapacity: scalars.count * 2) { buffer, initialized in
            for scalar in scalars {
                let value = scalar.value
                if value <= 0xFFFF {
                    buffer[initialized] = UInt16(truncatingIfNeeded: value)
                    initialized += 1
                } else {
                    buffer[initialized] = UTF16.leadSurrogate(scalar)
                    buffer[initialized + 1] = UTF16.trailSurrogate(scalar)
                    initialized += 2
                }
            }
        }
    }

    /// NFKC_Casefold of `text`: the key of terms and theme forms (F6).
    static func caseFold(_ text: String) throws(NormalizationError) -> String {
        guard !text.isEmpty else { return text }
        let source = Array(text.utf16)
        let capacity = try preflight(source) { cicu_casefold($0, $1, $2, $3, $4) }
        var output = [UInt16](repeating: 0, count: capacity)
        var status: Int32 = 0
        let written = cicu_casefold(source, Int32(source.count), &output, Int32(capacity), &status)
        try check(status)
        return String(decoding: output[..<Int(written)], as: UTF16.self)
    }

    /// The length a normalization of `source` needs, asked of ICU with an empty buffer.
    private static func preflight(
        _ source: [UInt16],
        _ normalize: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>)
            -> Int32
    ) throws(NormalizationError) -> Int {
        var status: Int32 = 0
        let needed = source.withUnsafeBufferPointer { normalize($0.baseAddress, Int32($0.count), nil, 0, &status) }
        guard status == bufferOverflow || status <= 0 else { try check(status); return 0 }
        return Int(needed)
    }

    /// Display width of a scalar: 2 for East Asian Wide and Fullwidth, else 1.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        scalar.isASCII ? 1 : Int(cicu_display_width(Int32(scalar.value)))
    }

    /// ICU status codes above zero are errors; zero and below are success or warnings.
    private static func check(_ status: Int32) throws(NormalizationError) {
        guard status > 0 else { return }
        throw NormalizationError(code: status, name: String(cString: cicu_error_name(status)))
    }
}
