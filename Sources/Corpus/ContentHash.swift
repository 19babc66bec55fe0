import Crypto
import Foundation

/// SHA-256 of content, as lowercase hex: the identity of inputs, dictionaries and reports.
public enum ContentHash {
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of content that arrives in pieces, such as a report written as it renders.
    public struct Incremental {
        private var hash = SHA256()

        public init() {}

        public mutating func update(_ bytes: [UInt8]) {
            hash.update(data: bytes)
        }

        /// The digest of everything given so far, as lowercase hex.
        public func finalize() -> String {
            ContentHash.hex(hash.finalize())
        }
    }

    /// The digest's 32 bytes as 64 lowercase hex digits, from a table into one buffer: every row
    /// of a table is hashed, and a string per byte (then joined) showed in profiles.
    private static func hex(_ digest: SHA256.Digest) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(2 * SHA256.byteCount)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
