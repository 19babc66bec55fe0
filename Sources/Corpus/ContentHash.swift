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

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            hash.update(bufferPointer: bytes)
        }

        /// The digest of everything given so far, as lowercase hex.
        public func finalize() -> String {
            ContentHash.hex(hash.finalize())
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
