/// Tests on part-of-speech paths (`名詞-固有名詞-地域`), made on UTF-8 bytes.
///
/// `String.hasPrefix` and `==` honour canonical equivalence, which for Japanese text means
/// normalizing both sides on every call; these paths come from the dictionary and from rules
/// written against it, so their bytes are what to compare, and the tests run for every new word.
enum PartOfSpeechPath {
    /// `true` if `path` is `level` or lies under it: `名詞-固有名詞` is under `名詞`, `名詞型` is not.
    @inline(__always)
    static func `is`(_ path: String, under level: String) -> Bool {
        let (path, level) = (path.utf8, level.utf8)
        guard path.count >= level.count, path.starts(with: level) else { return false }
        return path.count == level.count || path[path.index(path.startIndex, offsetBy: level.count)] == UInt8(ascii: "-")
    }
}
