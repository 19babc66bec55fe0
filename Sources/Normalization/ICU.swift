internal import CICU

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

    /// Normalizes `text` with NFKC filtered to keep Japanese punctuation full-width
    /// (reference/normtok.md §4.2 F3). Text that ICU's quick check finds already normalized is
    /// returned as is, without a copy.
    static func normalizeJapanese(_ text: String) throws(NormalizationError) -> String {
        let source = Array(text.utf16)
        var status: Int32 = 0
        let normalizedPrefix = cicu_normalized_prefix_length(source, Int32(source.count), &status)
        try check(status)
        if Int(normalizedPrefix) == source.count { return text }
        var capacity = Int32(source.count + source.count / 2 + 16)
        while true {
            var output = [UInt16](repeating: 0, count: Int(capacity))
            status = 0
            let written = cicu_normalize_japanese(source, Int32(source.count), &output, capacity, &status)
            if status == bufferOverflow {
                capacity = written
                continue
            }
            try check(status)
            return String(decoding: output[..<Int(written)], as: UTF16.self)
        }
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
