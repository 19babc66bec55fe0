/// Parses delimited text (CSV, TSV) per RFC 4180: fields separated by the delimiter, records by
/// CRLF, LF or CR, fields in double quotes may hold delimiters, line breaks and doubled quotes.
///
/// Written here rather than taken from CSV.swift or SwiftCSV because both accept malformed
/// quoting without a word (an unclosed quote swallows the rest of the file, a stray quote is
/// kept as text): for a survey file that would silently turn rows into wrong documents. This
/// parser refuses such input and says on which line.
public struct TableParser: Sendable {
    public var delimiter: Unicode.Scalar

    /// A table cut at `delimiter`, an ASCII character (a comma or a TAB).
    public init(delimiter: Unicode.Scalar = ",") {
        precondition(delimiter.isASCII && delimiter != "\"" && delimiter != "\n" && delimiter != "\r", "an ASCII delimiter")
        self.delimiter = delimiter
    }

    /// A malformed record: what is wrong and the 1-based line where it starts or happens.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// One record and the line it starts on.
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// The records of `text`. A final line break does not make an empty record; blank lines are
    /// skipped.
    ///
    /// Reads the text's UTF-8 bytes: the delimiter, quotes and line breaks are ASCII, and a byte
    /// of a multi-byte character is never ASCII, so a field is a run of bytes cut out whole
    /// (one string per field, not one append per character). Only a quoted field with doubled
    /// quotes is put together from its pieces.
    public func records(in text: String) throws(Failure) -> [Record] {
        let bytes = text.utf8
        let delimiter = UInt8(ascii: self.delimiter)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var records: [Record] = []
        var fields: [String] = []
        // The current field's content starts at `contentStart`; a quoted field with doubled
        // quotes keeps its earlier pieces, quotes undoubled, in `pieces`.
        var contentStart = bytes.startIndex
        var contentEnd = bytes.startIndex
        var pieces: [UInt8] = []
        var hasPieces = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var state = State.fieldStart
        var previousWasCR = false

        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

        func endField(_ end: String.Index) {
            if hasPieces {
                pieces.append(contentsOf: bytes[contentStart..<end])
                fields.append(String(decoding: pieces, as: UTF8.self))
                pieces.removeAll(keepingCapacity: true)
                hasPieces = false
            } else {
                fields.append(String(Substring(bytes[contentStart..<end])))
            }
        }
        func endRecord() {
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            defer {
                if (byte == lf && !previousWasCR) || byte == cr { line += 1 }
                previousWasCR = byte == cr
                index = next
            }
            if state == .quoted {
                if byte == quote {
                    contentEnd = index
                    state = .quoteInQuoted
                }
                continue
            }
            let isNewline = byte == lf || byte == cr
            if byte == delimiter || isNewline {
                if isNewline && byte == lf && previousWasCR { continue }
                switch state {
                case .fieldStart: fields.append("")
                case .unquoted: endField(index)
                case .quoteInQuoted: endField(contentEnd)
                case .quoted: break
                }
                if isNewline {
                    endRecord()
                    recordLine = line + 1
                }
                state = .fieldStart
                contentStart = next
            } else if state == .quoteInQuoted {
                guard byte == quote else {
                    throw Failure(line: line, reason: "a quoted field is followed by text after its closing quote")
                }
                // A doubled quote inside a quoted field: the piece so far and one quote.
                pieces.append(contentsOf: bytes[contentStart..<contentEnd])
                pieces.append(quote)
                hasPieces = true
                contentStart = next
                state = .quoted
            } else if byte == quote {
                guard state == .fieldStart else {
                    throw Failure(line: line, reason: "a quote inside an unquoted field (quote the field and double the quote)")
                }
                state = .quoted
                quoteLine = line
                contentStart = next
            } else if state == .fieldStart {
                contentStart = index
                state = .unquoted
            }
        }
        if state == .quoted { throw Failure(line: quoteLine, reason: "a quoted field is never closed") }
        switch state {
        case .unquoted:
            endField(bytes.endIndex)
            endRecord()
        case .quoteInQuoted:
            endField(contentEnd)
            endRecord()
        case .fieldStart where !fields.isEmpty:
            fields.append("")
            endRecord()
        default:
            break
        }
        return records
    }
}
