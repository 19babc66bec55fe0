/// Strict UTF-8 decoding that reports where the text goes wrong.
public enum UTF8Text {
    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `bytes` as UTF-8, dropping a leading byte-order mark.
    /// - Throws: `CorpusError.invalidUTF8` with the offset of the first byte that is not part of
    ///   a well-formed sequence (overlong forms, surrogates and truncated sequences included), or
    ///   `CorpusError.binary` at the first NUL byte.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(CorpusError) -> String {
        if let offset = firstInvalidOffset(in: bytes) {
            throw .invalidUTF8(path: path, offset: offset)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary(path: path, offset: nul)
        }
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
    }

    /// The byte offset of the first ill-formed UTF-8 sequence, or `nil` if all is well formed.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Fast path: the standard library validates in bulk; only a failure needs the slow walk.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
