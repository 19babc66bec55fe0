import Crypto
import Foundation

/// SHA-256 of content, as lowercase hex: the identity of inputs, dictionaries and reports.
public enum ContentHash {
    public static func sha256(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
