import Bytes
import Foundation
import ICU

/// Decodes the bytes of an input into text, finding the encoding when it is not given.
///
/// Nothing is ever replaced with U+FFFD: a byte sequence that is not valid in the encoding stops
/// decoding, and the error names the file, the encoding and the byte offset. When no encoding is
/// given, the decision goes:
///
/// 1. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
/// 2. Valid UTF-8 is UTF-8 (strict: no overlong forms, surrogates or truncated sequences).
/// 3. NUL bytes mean UTF-16 without a byte-order mark, if ICU's detector says so with confidence
///    of at least 50 and the length is even; otherwise the input is binary and refused.
/// 4. Text that holds at least `utf8Evidence` three- or four-byte UTF-8 characters before its
///    first bad byte is UTF-8 with a broken sequence, and is refused at that byte: such sequences
///    need a lead byte of E0–EF followed by two bytes of 80–BF, which Shift_JIS and EUC-JP text
///    forms only with rare kanji, and almost never three times over.
/// 5. Otherwise Shift_JIS (CP932) and EUC-JP are both tried, strictly. A decoding counts only if
///    it holds no C1 control characters and its text is plausibly Japanese: at least
///    `minimumPlausibility` of its non-ASCII characters are kana or Japanese punctuation (text read
///    in the wrong encoding gives half-width katakana and rare kanji instead). One that counts
///    wins; if both do, the more plausible wins by a margin of at least `plausibilityMargin`, else
///    the input is refused as ambiguous. If none counts, the error reports the encoding that got
///    furthest, at the offset where it failed.
///
/// ICU's charset detector is unreliable on short input (it takes four bytes of Shift_JIS for
/// UTF-16BE), so it is consulted only in step 3, and only trusted at high confidence.
public struct TextDecoder: Sendable {
    /// The encoding to use instead of detecting one.
    public var encoding: TextEncoding?

    /// Valid three- or four-byte UTF-8 characters before a bad byte that make a file UTF-8 (step 4).
    static let utf8Evidence = 3
    /// The least share of kana and Japanese punctuation a decoding needs to count (step 5).
    static let minimumPlausibility = 0.2
    /// How much more plausible one decoding must be than the other (step 5).
    static let plausibilityMargin = 0.1

    public init(encoding: TextEncoding? = nil) {
        self.encoding = encoding
    }

    /// The decoded text and the encoding it was in.
    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var encoding: TextEncoding
    }

    /// Decodes `data`; `path` names the input in errors.
    public func decode(_ data: Data, path: String) throws(CorpusError) -> Decoded {
        try decode(data.span, path: path)
    }

    /// The decoded text as UTF-8 bytes, and the encoding it was in.
    public struct DecodedBytes: Sendable {
        public var utf8: Data
        public var encoding: TextEncoding
    }

    /// Decodes `data` as `decode(_:path:)` does, into UTF-8 bytes rather than a string: input
    /// that is UTF-8 already, without a byte-order mark or NUL bytes, is checked and kept as it
    /// is (no copy, no string), and anything else goes the whole way of `decode` (the same
    /// decisions, the same errors) and is given as its string's bytes.
    ///
    /// Why: a table is read as bytes (`TableRows`), and its check and copy into a string took a
    /// survey of 9 MB 32 ms, on one core before any worker had a row.
    public func decodeBytes(_ data: Data, path: String) throws(CorpusError) -> DecodedBytes {
        let bytes = data.span
        if encoding == nil || encoding == .utf8, Self.byteOrderMark(of: bytes) == nil, UTF8Text.isValid(bytes),
            bytes.firstIndex(of: 0) == nil
        {
            return DecodedBytes(utf8: data, encoding: .utf8)
        }
        let decoded = try decode(bytes, path: path)
        return DecodedBytes(utf8: Data(decoded.text.utf8), encoding: decoded.encoding)
    }

    /// Decodes `bytes`; `path` names the input in errors.
    public func decode(_ bytes: [UInt8], path: String) throws(CorpusError) -> Decoded {
        try decode(bytes.span, path: path)
    }

    /// Decodes `bytes`; `path` names the input in errors.
    public func decode(_ bytes: Span<UInt8>, path: String) throws(CorpusError) -> Decoded {
        if let encoding { return try Self.decode(bytes, as: encoding, path: path) }
        if let marked = Self.byteOrderMark(of: bytes) { return try Self.decode(bytes, as: marked, path: path) }
        // Valid UTF-8 is checked and copied into its string in one pass; only invalid input is
        // walked again, for the offset of its first bad byte.
        let utf8 = String(exactUTF8: bytes)
        if let nul = bytes.firstIndex(of: 0) {
            if let utf16 = Self.detectedUTF16(bytes) { return try Self.decode(bytes, as: utf16, path: path) }
            if let utf16 = Self.plausibleUTF16(bytes) { throw .binaryOrUTF16(path: path, offset: nul, encoding: utf16) }
            throw .binary(path: path, offset: nul)
        }
        if let utf8 { return Decoded(text: utf8, encoding: .utf8) }
        guard let utf8Error = UTF8Text.firstInvalidOffset(in: bytes) else {
            return Decoded(text: String(decodingUTF8: bytes), encoding: .utf8)
        }
        if Self.multiByteCharacters(in: bytes.extracting(..<utf8Error)) >= Self.utf8Evidence {
            throw .invalidBytes(path: path, encoding: .utf8, offset: utf8Error)
        }
        var decoded: [(Decoded, Double)] = []
        var furthest: (encoding: TextEncoding, offset: Int) = (.utf8, utf8Error)
        for candidate in [TextEncoding.cp932, .eucJP] {
            switch Self.icuDecode(bytes, converter: candidate.converter) {
            case .success(let text):
                let plausibility = Self.plausibility(text)
                let hasC1Controls = text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }
                if plausibility >= Self.minimumPlausibility && !hasC1Controls {
                    decoded.append((Decoded(text: text, encoding: candidate), plausibility))
                }
            case .failure(let stop):
                if stop.offset > furthest.offset { furthest = (candidate, stop.offset) }
            }
        }
        switch decoded.count {
        case 0:
            throw .undecodable(path: path, encoding: furthest.encoding, offset: furthest.offset)
        case 1:
            return decoded[0].0
        default:
            let ranked = decoded.sorted { $0.1 > $1.1 }
            guard ranked[0].1 - ranked[1].1 >= Self.plausibilityMargin else {
                throw .ambiguousEncoding(path: path, candidates: decoded.map(\.0.encoding))
            }
            return ranked[0].0
        }
    }

    /// Decodes `bytes` strictly as `encoding`, dropping its byte-order mark if present.
    static func decode(_ bytes: Span<UInt8>, as encoding: TextEncoding, path: String)
        throws(CorpusError) -> Decoded
    {
        switch encoding {
        case .utf8, .utf8BOM:
            if let offset = UTF8Text.firstInvalidOffset(in: bytes) {
                throw .invalidBytes(path: path, encoding: encoding, offset: offset)
            }
            if let nul = bytes.firstIndex(of: 0) { throw .binary(path: path, offset: nul) }
            let hasBOM = starts(bytes, with: 0xEF, 0xBB, 0xBF)
            let body = bytes.extracting((hasBOM ? 3 : 0)...)
            return Decoded(text: String(decodingUTF8: body), encoding: hasBOM ? .utf8BOM : .utf8)
        case .utf16LE, .utf16BE:
            let skip = (encoding == .utf16LE ? starts(bytes, with: 0xFF, 0xFE) : starts(bytes, with: 0xFE, 0xFF)) ? 2 : 0
            switch icuDecode(bytes.extracting(skip...), converter: encoding.converter) {
            case .success(let text): return Decoded(text: text, encoding: encoding)
            case .failure(let stop): throw .invalidBytes(path: path, encoding: encoding, offset: stop.offset + skip)
            }
        case .cp932, .eucJP:
            if let nul = bytes.firstIndex(of: 0) { throw .binary(path: path, offset: nul) }
            switch icuDecode(bytes, converter: encoding.converter) {
            case .success(let text): return Decoded(text: text, encoding: encoding)
            case .failure(let stop): throw .invalidBytes(path: path, encoding: encoding, offset: stop.offset)
            }
        }
    }

    /// Decodes with an ICU converter that stops at the first invalid sequence.
    static func icuDecode(_ bytes: Span<UInt8>, converter: String) -> Result<String, Charsets.Stopped> {
        Charsets.decode(bytes, converter: converter)
    }

    /// UTF-16LE or UTF-16BE if ICU's detector is confident the bytes are, and their length fits.
    static func detectedUTF16(_ bytes: Span<UInt8>) -> TextEncoding? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        guard let (detected, confidence) = Charsets.detect(bytes), confidence >= 50 else { return nil }
        return [TextEncoding.utf16LE, .utf16BE].first { $0.rawValue == detected }
    }

    /// UTF-16LE or UTF-16BE if the bytes decode strictly in it to text that is plausibly
    /// Japanese (as in step 5) with no control characters but tabs and line breaks: not trusted
    /// enough to read the file (ICU's detector was not confident), but worth a hint to name the
    /// encoding, rather than a bare "binary".
    static func plausibleUTF16(_ bytes: Span<UInt8>) -> TextEncoding? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        for encoding in [TextEncoding.utf16LE, .utf16BE] {
            guard case .success(let text) = icuDecode(bytes, converter: encoding.converter) else { continue }
            let controls = text.unicodeScalars.contains { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) }
            if !controls && plausibility(text) >= minimumPlausibility { return encoding }
        }
        return nil
    }

    /// Well-formed UTF-8 sequences of three or four bytes in `bytes` (which must be valid UTF-8).
    static func multiByteCharacters(in bytes: Span<UInt8>) -> Int {
        var count = 0
        for index in bytes.indices where bytes[unchecked: index] >= 0xE0 { count += 1 }
        return count
    }

    /// The encoding `bytes`' byte-order mark names (UTF-8's, UTF-16's little- or big-endian), or
    /// `nil` without one: what both ways of decoding look at first.
    static func byteOrderMark(of bytes: Span<UInt8>) -> TextEncoding? {
        if starts(bytes, with: 0xEF, 0xBB, 0xBF) { return .utf8BOM }
        if starts(bytes, with: 0xFF, 0xFE) { return .utf16LE }
        if starts(bytes, with: 0xFE, 0xFF) { return .utf16BE }
        return nil
    }

    /// `true` if `bytes` starts with `prefix`.
    static func starts(_ bytes: Span<UInt8>, with prefix: UInt8...) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where bytes[index] != byte { return false }
        return true
    }

    /// The share of kana and Japanese punctuation among the non-ASCII characters of `text`:
    /// high for Japanese read in the right encoding, low for the same bytes read in the wrong one
    /// (which gives half-width katakana and rare kanji).
    static func plausibility(_ text: String) -> Double {
        var japanese = 0
        var nonASCII = 0
        for scalar in text.unicodeScalars where !scalar.isASCII {
            nonASCII += 1
            switch scalar.value {
            case 0x3000...0x30FF, 0xFF01...0xFF5E: japanese += 1
            default: break
            }
        }
        return nonASCII == 0 ? 0 : Double(japanese) / Double(nonASCII)
    }
}
