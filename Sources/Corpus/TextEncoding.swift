/// The character encodings kotoba reads, with the ICU converter behind each.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8-BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    /// Shift_JIS with Microsoft's extensions (①, ㈱, NEC and IBM kanji): what Japanese Windows
    /// writes when it says Shift_JIS.
    case cp932 = "CP932"
    case eucJP = "EUC-JP"

    /// The ICU converter name.
    var converter: String {
        switch self {
        case .utf8, .utf8BOM: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .cp932: "windows-31j"
        case .eucJP: "EUC-JP"
        }
    }

    /// A name for messages: `Shift_JIS (CP932)` rather than the converter's.
    public var displayName: String {
        switch self {
        case .cp932: "Shift_JIS (CP932)"
        case .utf8BOM: "UTF-8 with BOM"
        default: rawValue
        }
    }

    /// The encoding a user means by `name` (`sjis`, `shift_jis`, `cp932`, `euc-jp`, `utf-16le` …),
    /// matched without regard to case, `-` or `_`; `nil` if kotoba does not read it.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" }
        switch key {
        case "utf8": self = .utf8
        case "utf8bom", "utf8sig": self = .utf8BOM
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "sjis", "shiftjis", "cp932", "windows31j", "ms932", "mskanji": self = .cp932
        case "eucjp", "eucjpms", "ujis": self = .eucJP
        default: return nil
        }
    }
}
