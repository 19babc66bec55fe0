/// A problem with one input of the corpus, named with the path the user gave.
///
/// Messages are lowercase without a trailing period; the CLI prefixes them with `kotoba: error:`.
public enum CorpusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case missing(path: String)
    /// The path exists but could not be read (permissions, a directory that cannot be listed …).
    case unreadable(path: String, reason: String)
    /// The bytes are not valid in `encoding` (given, or shown by a byte-order mark or by the rest
    /// of the file); `offset` is the 0-based byte offset of the first bad sequence.
    case invalidBytes(path: String, encoding: TextEncoding, offset: Int)
    /// No encoding kotoba knows decodes the bytes; `encoding` got furthest and failed at `offset`.
    case undecodable(path: String, encoding: TextEncoding, offset: Int)
    /// Several encodings decode the bytes and none is clearly right.
    case ambiguousEncoding(path: String, candidates: [TextEncoding])
    /// The file holds a NUL byte, so it is binary data rather than text.
    case binary(path: String, offset: Int)
    /// The file holds a NUL byte, but reads as Japanese in `encoding` (UTF-16 without a
    /// byte-order mark, which is not detected on its own): the message says to name it.
    case binaryOrUTF16(path: String, offset: Int, encoding: TextEncoding)
    /// A table (CSV, TSV) cannot be read as documents.
    case invalidTable(path: String, reason: String)
    /// A file list (`--files-from`, `--files0-from`) names no file.
    case emptyList(path: String)

    /// The path the problem is about.
    public var path: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .invalidBytes(let path, _, _),
            .undecodable(let path, _, _), .ambiguousEncoding(let path, _), .binary(let path, _), .binaryOrUTF16(let path, _, _),
            .invalidTable(let path, _), .emptyList(let path):
            path
        }
    }

    /// `true` for problems with the data itself (as opposed to a file that cannot be found or read).
    public var isDataError: Bool {
        switch self {
        case .invalidBytes, .undecodable, .ambiguousEncoding, .binary, .binaryOrUTF16, .invalidTable, .emptyList: true
        case .missing, .unreadable: false
        }
    }

    /// The problem without the path it is about, for messages that name the file themselves.
    public var reason: String {
        switch self {
        case .missing: "no such file or directory"
        case .unreadable(_, let reason): reason
        default: String(description.dropFirst(path.count + 2))
        }
    }

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .invalidBytes(let path, let encoding, let offset):
            "\(path): invalid \(encoding.displayName) at byte offset \(offset)"
        case .undecodable(let path, let encoding, let offset):
            "\(path): not text in UTF-8, Shift_JIS (CP932), EUC-JP or UTF-16 (invalid \(encoding.displayName) "
                + "at byte offset \(offset)); name its encoding with --encoding"
        case .ambiguousEncoding(let path, let candidates):
            "\(path): the encoding could be \(candidates.map(\.displayName).joined(separator: " or ")); "
                + "name it with --encoding"
        case .binary(let path, let offset): "\(path): binary data (NUL byte at byte offset \(offset))"
        case .binaryOrUTF16(let path, let offset, let encoding):
            "\(path): binary data (NUL byte at byte offset \(offset)), or \(encoding.displayName) text without a "
                + "byte-order mark: it reads as Japanese in \(encoding.displayName); if it is, name it with "
                + "--encoding \(encoding == .utf16LE ? "utf-16le" : "utf-16be")"
        case .invalidTable(let path, let reason): "\(path): \(reason)"
        case .emptyList(let path):
            "\(path == "-" ? "standard input" : path): the file list names no file (did the command that made it find nothing?)"
        }
    }
}
