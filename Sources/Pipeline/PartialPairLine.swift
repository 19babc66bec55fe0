import Analysis

/// A pair record of a partial-counts file, read without a JSON parser.
///
/// Pairs are nearly every line of a partial (843,143 of 899,076 for half the man-pages corpus),
/// and `JSONSerialization` turned each into a dictionary of bridged values: merging two partials
/// of a 15 MB corpus took 14 s. `PartialFile.text` writes a pair as exactly
/// `{"k":"pair","a":["TEXT","POS"],"b":["TEXT","POS"],"n":COUNT}`; a line of that shape whose
/// strings hold no escape is read here, and anything else (an escape, another layout, a
/// malformed line) is left to the general reader, which also says what is wrong.
enum PartialPairLine {
    /// The pair and its count, or `nil` when the line is not a plain pair record.
    static func parse(_ line: Substring.UTF8View) -> (a: Term, b: Term, count: Int)? {
        var reader = Reader(bytes: line)
        guard reader.literal(#"{"k":"pair","a":["#), let aText = reader.string(), reader.literal(","),
            let aPart = reader.string(), reader.literal(#"],"b":["#), let bText = reader.string(), reader.literal(","),
            let bPart = reader.string(), reader.literal(#"],"n":"#), let count = reader.integer(), reader.literal("}"),
            reader.atEnd
        else { return nil }
        return (Term(text: aText, partOfSpeech: aPart), Term(text: bText, partOfSpeech: bPart), count)
    }

    private struct Reader {
        let bytes: Substring.UTF8View
        var index: Substring.UTF8View.Index

        init(bytes: Substring.UTF8View) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var atEnd: Bool { index == bytes.endIndex }

        /// Skips `text` if the line goes on with it.
        mutating func literal(_ text: StaticString) -> Bool {
            let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            var position = index
            for byte in expected {
                guard position != bytes.endIndex, bytes[position] == byte else { return false }
                position = bytes.index(after: position)
            }
            index = position
            return true
        }

        /// A JSON string without escapes (a backslash or a control character gives `nil`).
        mutating func string() -> String? {
            guard index != bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = bytes.index(after: index)
            var position = start
            while position != bytes.endIndex {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    index = bytes.index(after: position)
                    return String(Substring(bytes[start..<position]))
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                position = bytes.index(after: position)
            }
            return nil
        }

        /// A non-negative decimal integer that fits an `Int`.
        mutating func integer() -> Int? {
            var value = 0
            var digits = 0
            while index != bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
                guard !overflow, !overflow2 else { return nil }
                value = sum
                digits += 1
                index = bytes.index(after: index)
            }
            return digits > 0 && digits <= 19 ? value : nil
        }
    }
}
