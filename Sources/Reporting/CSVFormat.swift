/// How report tables are written as CSV (`--csv-dialect`, `--csv-encoding`, `--header-lang`).
///
/// The `excel` dialect is the default for files because analysts open them in Excel: UTF-8 with
/// a byte-order mark (without it Excel on Japanese Windows reads the file as Shift_JIS), CRLF line
/// ends, RFC 4180 quoting, and a formula guard: a text cell that starts with `=`, `+`, `-`, `@`,
/// TAB, CR or LF (and is more than that one character) gets a leading `'`, so a term such as
/// `=SUM(A1)` shows as text instead of running (OWASP's advice for CSV injection). Numbers are
/// never guarded. `unix` is for R, pandas and shell tools: no byte-order mark, LF, no guard.
/// Standard output never gets a byte-order mark.
public struct CSVFormat: Sendable, Equatable {
    public enum Dialect: String, Sendable, Codable, CaseIterable {
        case excel
        case unix
    }

    /// The bytes the text becomes.
    public enum Encoding: Sendable, Equatable {
        case utf8
        /// CP932 for old Excel: a character it cannot hold stops the run with its file, row and
        /// column, unless `substitute` replaces such characters with CP932's substitution byte.
        case cp932(substitute: Bool)
    }

    /// The language of the header row: kotoba's English column names or KH Coder-style Japanese.
    public enum HeaderLanguage: String, Sendable, Codable, CaseIterable {
        case en
        case ja
    }

    public var dialect: Dialect
    public var encoding: Encoding
    public var headerLanguage: HeaderLanguage

    public init(dialect: Dialect = .excel, encoding: Encoding = .utf8, headerLanguage: HeaderLanguage = .en) {
        self.dialect = dialect
        self.encoding = encoding
        self.headerLanguage = headerLanguage
    }

    /// The default for report files.
    public static let excel = CSVFormat()
    /// Plain UTF-8, LF, no guard.
    public static let unix = CSVFormat(dialect: .unix)

    var lineEnd: String { dialect == .excel ? "\r\n" : "\n" }
    var guardsFormulas: Bool { dialect == .excel }

    /// A byte-order mark only for UTF-8 files in the excel dialect, never on standard output.
    func byteOrderMark(toStandardOutput: Bool) -> Bool {
        dialect == .excel && encoding == .utf8 && !toStandardOutput
    }

    /// The value of a text cell as written, with the formula guard applied. A lone trigger
    /// character (`-`, the path kotoba gives standard input) cannot be a formula and stays as it is.
    func guarded(_ value: String) -> String {
        var scalars = value.unicodeScalars.makeIterator()
        // Only the first two scalars matter: a trigger, and something after it.
        guard guardsFormulas, let first = scalars.next(), scalars.next() != nil else { return value }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\n": return "'" + value
        default: return value
        }
    }
}
