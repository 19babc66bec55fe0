/// Strict UTF-8 validation that reports where the text goes wrong.
public enum UTF8Text {
    /// The byte offset of the first ill-formed UTF-8 sequence (overlong forms, surrogates and
    /// truncated sequences included), or `nil` if all is well formed.
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
