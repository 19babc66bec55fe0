internal import CICU

/// ICU's normalization and character properties, through the plain-C `CICU` shim, on UTF-16
/// arrays: what the text stages (Normalization) build their traced normalization on.
public enum UnicodeServices {
    /// An ICU failure: its status code and ICU's name for it.
    public struct Failure: Error, Equatable, Sendable {
        public var code: Int32
        public var name: String
    }

    /// The version of the system ICU library in use, e.g. `72.1`.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// How many of `units` are already normalized under the filtered NFKC (ICU's quick check).
    public static func normalizedPrefixLength(_ units: [UInt16]) throws(Failure) -> Int {
        var status: Int32 = 0
        let prefix = cicu_normalized_prefix_length(units, Int32(units.count), &status)
        try check(status)
        return Int(prefix)
    }

    /// `units` under the filtered NFKC (docs/TEXT.md §5.3), with, for each output unit, the
    /// input units its chunk came from (`starts[i]..<ends[i]`).
    public static func normalizeJapaneseTraced(_ units: [UInt16]) throws(Failure)
        -> (units: [UInt16], starts: [Int32], ends: [Int32])
    {
        let capacity = try preflight(units) { cicu_normalize_japanese($0, $1, $2, $3, $4) }
        var output = [UInt16](repeating: 0, count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        var status: Int32 = 0
        let written = Int(
            cicu_normalize_japanese_traced(units, Int32(units.count), &output, &starts, &ends, Int32(capacity), &status))
        try check(status)
        output.removeLast(output.count - written)
        return (output, starts, ends)
    }

    /// NFKC_Casefold of `units`.
    public static func caseFold(_ units: [UInt16]) throws(Failure) -> [UInt16] {
        let capacity = try preflight(units) { cicu_casefold($0, $1, $2, $3, $4) }
        var output = [UInt16](repeating: 0, count: capacity)
        var status: Int32 = 0
        let written = cicu_casefold(units, Int32(units.count), &output, Int32(capacity), &status)
        try check(status)
        output.removeLast(output.count - Int(written))
        return output
    }

    /// The BMP code points that are stable starters under the filtered NFKC (see
    /// `cicu_stable_starters`), one bit each in 1,024 words; empty if ICU fails.
    public static func stableStarters() -> [UInt64] {
        var table = [UInt64](repeating: 0, count: 1024)
        var status: Int32 = 0
        cicu_stable_starters(&table, &status)
        return status > 0 ? [] : table
    }

    /// ICU's own answer, one code point at a time, to what `stableStarters` holds.
    public static func isStableStarter(_ value: UInt32) -> Bool {
        var status: Int32 = 0
        return cicu_is_stable_starter(Int32(value), &status) == 1
    }

    /// Display width of a code point: 2 for East Asian Wide and Fullwidth, else 1.
    public static func displayWidth(_ value: UInt32) -> Int {
        Int(cicu_display_width(Int32(value)))
    }

    /// `U_BUFFER_OVERFLOW_ERROR`: the destination was too small and the needed length came back.
    private static let bufferOverflow: Int32 = 15

    /// The length a normalization of `source` needs, asked of ICU with an empty buffer.
    private static func preflight(
        _ source: [UInt16],
        _ normalize: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>)
            -> Int32
    ) throws(Failure) -> Int {
        var status: Int32 = 0
        let needed = source.withUnsafeBufferPointer { normalize($0.baseAddress, Int32($0.count), nil, 0, &status) }
        guard status == bufferOverflow || status <= 0 else { try check(status); return 0 }
        return Int(needed)
    }

    /// ICU status codes above zero are errors; zero and below are success or warnings.
    private static func check(_ status: Int32) throws(Failure) {
        guard status > 0 else { return }
        throw Failure(code: status, name: String(cString: cicu_error_name(status)))
    }
}
