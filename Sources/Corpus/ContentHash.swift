import Bytes
import Crypto
import Foundation

/// SHA-256 of content, as lowercase hex: the identity of inputs, dictionaries and reports.
public enum ContentHash {
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of `bytes`, hashed where they are (a table row's text, without copying it out).
    public static func sha256(_ bytes: Span<UInt8>) -> String {
        hex(bytes.withUnsafeBytes { SHA256.hash(data: $0) })
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

    /// The digest's 32 bytes as 64 lowercase hex digits, written into the string's storage in one
    /// pass (`String(lowercaseHex:)`): every row of a table is hashed, and a string per byte
    /// (then joined), an append per digit, or an array of digits and its iterator, showed in
    /// profiles.
    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { String(lowercaseHex: $0) }
    }
}
