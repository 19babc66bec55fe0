import Bytes

/// UTF-8 helpers: strict validation that reports where the text goes wrong, and reading scalars
/// straight from the bytes of valid UTF-8 by byte offset, which is how the text stages
/// (`TracedText` and the stages that edit it) walk their text instead of decoding it into an
/// array of scalars first.
public enum UTF8Text {
    /// The byte offset of the first ill-formed UTF-8 sequence (overlong forms, surrogates and
    /// truncated sequences included), or `nil` if all is well formed.
    public static func firstInvalidOffset(in bytes: Span<UInt8>) -> Int? {
        // Fast path: a check that copies nothing; only a failure needs the slow walk, which
        // finds the offset as the standard library's parser defines it.
        if isValid(bytes) { return nil }
        var copy: [UInt8] = []
        copy.append(copying: bytes)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = copy.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates, values above
    /// U+10FFFF or truncated sequences: docs/TEXT.md §2), checked without making a string.
    ///
    /// Why not `String(validating:)`: it copies the bytes into the string it makes, and checks
    /// them a scalar at a time on a general path; a survey table of 9 MB took about 32 ms that
    /// way before its rows could be found, on one core while the others waited, and takes 7 ms
    /// this way. ASCII after ASCII is skipped eight bytes at a time, and the three-byte characters
    /// of Japanese text (leads E1–EC, EE, EF: kana, kanji, punctuation) have their two
    /// continuation bytes checked at once; only the other leads take the general table.
    public static func isValid(_ bytes: Span<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[unchecked: index]
            if lead < 0x80 {
                index &+= 1
                while index &+ 8 <= count, bytes.littleEndianWord(at: index) & 0x8080_8080_8080_8080 == 0 { index &+= 8 }
                continue
            }
            if lead &- 0xE1 < 0x0F && lead != 0xED {
                guard index &+ 3 <= count else { return false }
                let continuations = UInt16(bytes[unchecked: index &+ 1]) | UInt16(bytes[unchecked: index &+ 2]) << 8
                guard continuations & 0xC0C0 == 0x8080 else { return false }
                index &+= 3
                continue
            }
            // The other leads, with the range of the byte after each (the later bytes are 80–BF):
            // E0 and F0 exclude overlong forms, ED surrogates, F4 values past U+10FFFF.
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: (width, low) = (3, 0xA0)
            case 0xED: (width, high) = (3, 0x9F)
            case 0xF0: (width, low) = (4, 0x90)
            case 0xF1...0xF3: width = 4
            case 0xF4: (width, high) = (4, 0x8F)
            default: return false
            }
            guard index &+ width <= count else { return false }
            let second = bytes[unchecked: index &+ 1]
            guard second >= low && second <= high else { return false }
            for offset in 2..<width where !isContinuation(bytes[unchecked: index &+ offset]) { return false }
            index &+= width
        }
        return true
    }

    // The functions below take valid UTF-8 and offsets on scalar boundaries. They are inlinable
    // because the stages in other modules (Normalization) call them for every character.

    /// The length in bytes of the scalar whose first byte is `lead`.
    @inlinable @inline(__always)
    package static func width(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// `true` for the lead byte of a kanji of U+4000…U+9FFF (CJK Unified Ideographs and most of
    /// Extension A, and the Yijing hexagrams): no character there is punctuation, a space or a
    /// mark any text stage looks for, so scans step over them three bytes at a time.
    @inlinable @inline(__always)
    package static func isKanjiLead(_ byte: UInt8) -> Bool { byte >= 0xE4 && byte <= 0xE9 }

    /// `true` for the second, third or fourth byte of a scalar.
    @inlinable @inline(__always)
    package static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The value of the scalar that starts at `index` (`value(in:at:)` of the array's span).
    @inlinable @inline(__always)
    package static func value(in bytes: [UInt8], at index: Int) -> UInt32 {
        value(in: bytes.span, at: index)
    }

    /// The scalar that starts at `index`.
    @inlinable @inline(__always)
    package static func scalar(in bytes: [UInt8], at index: Int) -> Unicode.Scalar {
        scalar(in: bytes.span, at: index)
    }

    /// The value of the scalar that starts at `index` of `bytes` (valid UTF-8, as a string's).
    @inlinable @inline(__always)
    package static func value(in bytes: Span<UInt8>, at index: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return lead }
        if lead < 0xE0 { return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F) }
        if lead < 0xF0 {
            return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        }
        return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
    }

    /// The scalar that starts at `index` of `bytes`.
    @inlinable @inline(__always)
    package static func scalar(in bytes: Span<UInt8>, at index: Int) -> Unicode.Scalar {
        Unicode.Scalar(value(in: bytes, at: index)) ?? "\u{FFFD}"
    }

    /// Where the scalar that ends at `index` starts.
    @inlinable @inline(__always)
    package static func start(before index: Int, in bytes: [UInt8]) -> Int {
        var start = index - 1
        while isContinuation(bytes[start]) { start -= 1 }
        return start
    }

    /// The number of scalars in `range`: its bytes that are not continuation bytes, counted
    /// eight at a time (a continuation byte is `10xxxxxx`: bit 7 set and bit 6 clear).
    @inlinable
    package static func scalarCount(in bytes: [UInt8], _ range: Range<Int>) -> Int {
        // Checked once, so that the loops read the bytes without a check each.
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of the bytes")
        let span = bytes.span
        var continuations = 0
        var index = range.lowerBound
        while index &+ 8 <= range.upperBound {
            let word = span.littleEndianWord(at: index)
            continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < range.upperBound {
            continuations &+= span[unchecked: index] &>> 6 == 2 ? 1 : 0
            index &+= 1
        }
        return range.count &- continuations
    }

    /// The offset `count` scalars on from `index`, or the end of `range` if it holds fewer.
    package static func offset(_ count: Int, scalarsFrom index: Int, in bytes: [UInt8], within range: Range<Int>) -> Int {
        var index = index
        var remaining = count
        while remaining > 0, index < range.upperBound {
            index += width(lead: bytes[index])
            remaining -= 1
        }
        return min(index, range.upperBound)
    }

    /// Appends the UTF-8 encoding of `scalar` to `bytes`.
    @inlinable @inline(__always)
    package static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// The UTF-8 encoding of `scalar`.
    package static func bytes(of scalar: Unicode.Scalar) -> [UInt8] {
        var bytes: [UInt8] = []
        append(scalar, to: &bytes)
        return bytes
    }
}
