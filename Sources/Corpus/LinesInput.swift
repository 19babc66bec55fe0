/// Standard input with one document a line (`--lines`, the filter mode for Spark's `RDD.pipe`
/// and Hadoop Streaming), in either of two shapes, told apart line by line:
///
/// - a JSON object, `{"id": …, "text": …, other fields …}`: the id (a string or a number) is the
///   document's path in the reports, the text is the document, and every other field is a
///   document variable, in the order written (strings as they are, numbers as written, `true`,
///   `false`, and `null` as the empty string; arrays and objects are refused);
/// - `id<TAB>text`, where in the text `\n` stands for a line break, `\t` for a TAB and `\\` for a
///   backslash (any other backslash is kept as it is), so that a text keeps its paragraphs.
///
/// A document read either way is the same as a file holding its text: same bytes, same SHA-256,
/// same reports.
enum LinesInput {
    /// The documents of `text`; `encoding` is what the input was decoded from.
    static func documents(_ text: String, encoding: TextEncoding) throws(CorpusError) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(line)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            func fail(_ reason: String) -> CorpusError { .invalidTable(path: "-", reason: "line \(number + 1): \(reason)") }
            let id: String, body: String, variables: [DocumentVariable]
            if line.first == "{" {
                var fields: [(String, String)]
                do throws(FlatJSON.Failure) {
                    fields = try FlatJSON.object(Array(line.utf8))
                } catch {
                    throw fail("not a JSON object of plain values: \(error.reason)")
                }
                guard let idIndex = fields.firstIndex(where: { $0.0 == "id" }) else { throw fail("no \"id\" field") }
                id = fields.remove(at: idIndex).1
                guard let textIndex = fields.firstIndex(where: { $0.0 == "text" }) else { throw fail("no \"text\" field") }
                body = fields.remove(at: textIndex).1
                variables = fields.map { DocumentVariable(name: $0.0, value: $0.1) }
            } else {
                guard let tab = line.firstIndex(of: "\t") else { throw fail("no TAB between the document's id and its text") }
                id = String(line[..<tab])
                body = unescape(line[line.index(after: tab)...])
                variables = []
            }
            guard !id.isEmpty else { throw fail("an empty document id") }
            let bytes = Array(body.utf8)
            documents.append(
                SourceDocument(
                    path: id, format: .plain, encoding: encoding, byteCount: bytes.count,
                    sha256: ContentHash.sha256(bytes), text: body, variables: variables))
        }
        return documents
    }

    /// `\n`, `\t` and `\\` read as a line break, a TAB and a backslash.
    static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}

/// A JSON object whose values are strings, numbers, `true`, `false` or `null`, read with its
/// fields in the order written (Foundation's parser forgets the order, and the order is the
/// order of the document variables' columns).
enum FlatJSON {
    struct Failure: Error {
        var reason: String
    }

    static func object(_ bytes: [UInt8]) throws(Failure) -> [(String, String)] {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        try reader.expect(UInt8(ascii: "{"))
        var fields: [(String, String)] = []
        reader.skipSpace()
        if reader.peek == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            while true {
                reader.skipSpace()
                let name = try reader.string()
                reader.skipSpace()
                try reader.expect(UInt8(ascii: ":"))
                reader.skipSpace()
                let value = try reader.value()
                guard !fields.contains(where: { $0.0 == name }) else { throw Failure(reason: "the field \"\(name)\" is given twice") }
                fields.append((name, value))
                reader.skipSpace()
                if reader.peek == UInt8(ascii: ",") {
                    reader.index += 1
                    continue
                }
                try reader.expect(UInt8(ascii: "}"))
                break
            }
        }
        reader.skipSpace()
        guard reader.index == bytes.count else { throw Failure(reason: "text after the object") }
        return fields
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(Failure) {
            guard peek == byte else { throw Failure(reason: "'\(Character(Unicode.Scalar(byte)))' expected at byte \(index + 1)") }
            index += 1
        }

        mutating func value() throws(Failure) -> String {
            switch peek {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try word("true"); return "true"
            case UInt8(ascii: "f"): try word("false"); return "false"
            case UInt8(ascii: "n"): try word("null"); return ""
            case UInt8(ascii: "{"), UInt8(ascii: "["): throw Failure(reason: "arrays and objects cannot be document variables")
            default: return try number()
            }
        }

        mutating func word(_ text: String) throws(Failure) {
            for byte in text.utf8 { try expect(byte) }
        }

        mutating func number() throws(Failure) -> String {
            let start = index
            while let byte = peek, (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            {
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !text.isEmpty, Double(text) != nil else { throw Failure(reason: "a value expected at byte \(start + 1)") }
            return text
        }

        mutating func string() throws(Failure) -> String {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            while true {
                guard let byte = peek else { throw Failure(reason: "a string without its closing quote") }
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escape = peek else { throw Failure(reason: "a string without its closing quote") }
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            try word("\\u")
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw Failure(reason: "a lone surrogate") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let character = Unicode.Scalar(scalar) else { throw Failure(reason: "a lone surrogate") }
                        out += Array(String(Character(character)).utf8)
                    default: throw Failure(reason: "an unknown escape")
                    }
                default:
                    guard byte >= 0x20 else { throw Failure(reason: "a control character in a string") }
                    out.append(byte)
                }
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
            else { throw Failure(reason: "a malformed \\u escape") }
            index += 4
            return value
        }
    }
}
