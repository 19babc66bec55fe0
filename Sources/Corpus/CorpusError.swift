/// A problem with one input of the corpus, named with the path the user gave.
///
/// Messages are lowercase without a trailing period; the CLI prefixes them with `kotoba: error:`.
public enum CorpusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case missing(path: String)
    /// The path exists but could not be read (permissions, a directory that cannot be listed …).
    case unreadable(path: String, reason: String)
    /// The bytes are not valid UTF-8; `offset` is the 0-based byte offset of the first bad byte.
    case invalidUTF8(path: String, offset: Int)
    /// The file holds a NUL byte, so it is binary data rather than text.
    case binary(path: String, offset: Int)

    /// The path the problem is about.
    public var path: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .invalidUTF8(let path, _),
            .binary(let path, _):
            path
        }
    }

    /// `true` for problems with the data itself (as opposed to a file that cannot be found or read).
    public var isDataError: Bool {
        switch self {
        case .invalidUTF8, .binary: true
        case .missing, .unreadable: false
        }
    }

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .invalidUTF8(let path, let offset): "\(path): invalid UTF-8 at byte offset \(offset)"
        case .binary(let path, let offset): "\(path): binary data (NUL byte at byte offset \(offset))"
        }
    }
}
