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

    /// The digest's 32 bytes as 64 lowercase hex digits, written into one buffer: every row of a
    /// table is hashed, and a string per byte (then joined), or an append per digit, showed in
    /// profiles.
    private static func hex(_ digest: SHA256.Digest) -> String {
        var text = [UInt8](repeating: 0, count: 2 * SHA256.byteCount)
        var index = 0
        for byte in digest {
            text[index] = hexDigit(byte >> 4)
            text[index + 1] = hexDigit(byte & 0x0F)
            index += 2
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The lowercase hex digit of a value below 16.
    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}
