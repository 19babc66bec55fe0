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
    /// A table (CSV, TSV) cannot be read as documents.
    case invalidTable(path: String, reason: String)

    /// The path the problem is about.
    public var path: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .invalidBytes(let path, _, _),
            .undecodable(let path, _, _), .ambiguousEncoding(let path, _), .binary(let path, _),
            .invalidTable(let path, _):
            path
        }
    }

    /// `true` for problems with the data itself (as opposed to a file that cannot be found or read).
    public var isDataError: Bool {
        switch self {
        case .invalidBytes, .undecodable, .ambiguousEncoding, .binary, .invalidTable: true
        case .missing, .unreadable: false
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
        case .invalidTable(let path, let reason): "\(path): \(reason)"
        }
    }
}
