import Foundation

/// A document as read from its input: the decoded text plus what identifies the bytes.
public struct SourceDocument: Sendable {
    /// The input's display path (see `InputSource.displayPath`).
    public let path: String
    /// Size of the input in bytes, as stored (BOM included).
    public let byteCount: Int
    /// SHA-256 of the input's bytes, lowercase hex.
    public let sha256: String
    /// The text, decoded from UTF-8 with any byte-order mark removed.
    public let text: String

    public init(path: String, byteCount: Int, sha256: String, text: String) {
        self.path = path
        self.byteCount = byteCount
        self.sha256 = sha256
        self.text = text
    }

    /// Reads and decodes `source`.
    ///
    /// Invalid UTF-8 is refused with the offset of the first bad byte, and a NUL byte marks the
    /// input as binary; nothing is ever replaced with U+FFFD.
    public static func load(_ source: InputSource) throws(CorpusError) -> SourceDocument {
        let data = try source.read()
        let digest = ContentHash.sha256(data)
        let decoded = data.withUnsafeBytes { raw in
            Result { () throws(CorpusError) -> String in
                try UTF8Text.decode(raw.bindMemory(to: UInt8.self), path: source.displayPath)
            }
        }
        let text = try decoded.get()
        return SourceDocument(path: source.displayPath, byteCount: data.count, sha256: digest, text: text)
    }
}
