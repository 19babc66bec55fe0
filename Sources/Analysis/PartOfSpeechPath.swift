import Bytes

/// Tests on part-of-speech paths (`名詞-固有名詞-地域`), made on UTF-8 bytes.
///
/// `String.hasPrefix` and `==` honour canonical equivalence, which for Japanese text means
/// normalizing both sides on every call; these paths come from the dictionary and from rules
/// written against it, so their bytes are what to compare, and the tests run for every new word.
enum PartOfSpeechPath {
    /// `true` if `path` is `level` or lies under it: `名詞-固有名詞` is under `名詞`, `名詞型` is not.
    ///
    /// Compared as spans of the strings' UTF-8 (`memcmp`): `UTF8View.starts(with:)` stepped an
    /// iterator a byte at a time, 300–400 instructions a test, and a new word takes a dozen tests.
    @inline(__always)
    static func `is`(_ path: String, under level: String) -> Bool {
        let (path, level) = (path.utf8Span.span, level.utf8Span.span)
        guard path.count >= level.count, path.extracting(0..<level.count).hasSameBytes(as: level) else { return false }
        return path.count == level.count || path[level.count] == UInt8(ascii: "-")
    }
}
