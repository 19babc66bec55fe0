/// Spaces at the ends of a traced text: ASCII and ideographic (U+3000), found on the bytes.
extension TracedText {
    /// The text without leading and trailing ASCII and ideographic spaces.
    public func trimmingSpaces() -> TracedText {
        let trimmed = rangeTrimmingSpaces(0..<utf8.count)
        return trimmed.count == utf8.count ? self : self[trimmed]
    }

    /// `range` without the ASCII and ideographic spaces at its ends: empty at its start if it
    /// holds nothing else.
    public func rangeTrimmingSpaces(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            if utf8[lower] == 0x20 {
                lower += 1
            } else if Self.isIdeographicSpace(utf8, at: lower) {
                lower += 3
            } else {
                break
            }
        }
        while upper > lower {
            if utf8[upper - 1] == 0x20 {
                upper -= 1
            } else if upper - lower >= 3, Self.isIdeographicSpace(utf8, at: upper - 3) {
                upper -= 3
            } else {
                break
            }
        }
        return lower..<upper
    }

    /// The length of the ASCII or ideographic space at `index` of `bytes`, or `nil` if there is
    /// none there. Neither starts with a continuation byte, so a scan may test every byte.
    @inlinable @inline(__always)
    package static func spaceWidth(_ bytes: [UInt8], at index: Int) -> Int? {
        if bytes[index] == 0x20 { return 1 }
        return isIdeographicSpace(bytes, at: index) ? 3 : nil
    }

    /// `true` if `bytes` hold U+3000 IDEOGRAPHIC SPACE (`E3 80 80`) at `index`.
    @inlinable @inline(__always)
    package static func isIdeographicSpace(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index] == 0xE3 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
    }
}
