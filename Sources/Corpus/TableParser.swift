import Bytes

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
    /// Reads the text's UTF-8 bytes in place (`withUTF8Span`), by offset: the delimiter, quotes
    /// and line breaks are ASCII, and a byte of a multi-byte character is never ASCII, so a field
    /// is a run of bytes cut out whole (one string per field, not one append per character). Only
    /// a quoted field with doubled quotes is put together from its pieces.
    public func records(in text: String) throws(Failure) -> [Record] {
        var text = text
        let parsed = text.withUTF8Span { bytes in
            Result { () throws(Failure) in try records(in: bytes) }
        }
        return try parsed.get()
    }

    /// The records of the UTF-8 `bytes`, as `records(in:)` says.
    func records(in bytes: Span<UInt8>) throws(Failure) -> [Record] {
        var table = Builder()
        try parse(bytes, into: &table)
        return table.records
    }

    /// Reads the UTF-8 `bytes` and hands each field, then the end of each record, to `sink`;
    /// `firstLine` is the line `bytes` start on. What `records(in:)` returns is what `Builder`
    /// makes of this; `TableRows` reads a table once with a sink that makes no strings, to find
    /// its rows, and then each run of rows with one that makes their documents.
    func parse<Sink: TableSink>(_ bytes: Span<UInt8>, into table: inout Sink, firstLine: Int = 1) throws(Failure) {
        let delimiter = UInt8(ascii: self.delimiter)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        // The current field's content starts at `contentStart` (and, in a quoted field that has
        // been closed, ends at `contentEnd`).
        var contentStart = 0
        var contentEnd = 0
        var line = firstLine
        var recordLine = firstLine
        var quoteLine = firstLine
        var state = State.fieldStart
        var previousWasCR = false

        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[unchecked: index]
            let next = index + 1
            if state == .quoted {
                // Inside quotes only a quote matters; line breaks are counted.
                if byte == quote {
                    contentEnd = index
                    state = .quoteInQuoted
                } else if byte == cr || (byte == lf && !previousWasCR) {
                    line += 1
                }
                previousWasCR = byte == cr
                index = next
                if state == .quoted {
                    // On to the next quote or line break, eight bytes at a time: what lies
                    // between is no CR, so `previousWasCR` is false past it.
                    let special = bytes.firstIndex(ofAny: quote, lf, cr, quote, from: index, to: count)
                    if special > index {
                        index = special
                        previousWasCR = false
                    }
                }
                continue
            }
            let isNewline = byte == lf || byte == cr
            if byte == delimiter || isNewline {
                let joinsCRLF = byte == lf && previousWasCR
                if byte == cr || (byte == lf && !previousWasCR) { line += 1 }
                previousWasCR = byte == cr
                index = next
                if joinsCRLF { continue }
                switch state {
                case .fieldStart: table.endField(bytes, index..<index)
                case .unquoted: table.endField(bytes, contentStart..<(next - 1))
                case .quoteInQuoted: table.endField(bytes, contentStart..<contentEnd)
                case .quoted: break
                }
                if isNewline {
                    // The next record starts after the line break, both bytes of a CRLF.
                    let joined = byte == cr && next < count && bytes[unchecked: next] == lf
                    table.endRecord(line: recordLine, next: joined ? next + 1 : next, nextLine: line)
                    recordLine = line
                }
                state = .fieldStart
                contentStart = next
                continue
            }
            previousWasCR = false
            if state == .quoteInQuoted {
                guard byte == quote else {
                    throw Failure(line: line, reason: "a quoted field is followed by text after its closing quote")
                }
                // A doubled quote inside a quoted field: the piece so far and one quote.
                table.doubledQuote(bytes, after: contentStart..<contentEnd)
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
            index = next
            if state == .unquoted {
                // The rest of an unquoted field: up to the next byte that ends or breaks it, all
                // ASCII (no byte of a multi-byte character is), eight bytes at a time.
                index = bytes.firstIndex(ofAny: delimiter, lf, cr, quote, from: index, to: count)
            }
        }
        if state == .quoted { throw Failure(line: quoteLine, reason: "a quoted field is never closed") }
        switch state {
        case .unquoted:
            table.endField(bytes, contentStart..<count)
            table.endRecord(line: recordLine, next: count, nextLine: line)
        case .quoteInQuoted:
            table.endField(bytes, contentStart..<contentEnd)
            table.endRecord(line: recordLine, next: count, nextLine: line)
        case .fieldStart where table.recordHasFields:
            table.endField(bytes, count..<count)
            table.endRecord(line: recordLine, next: count, nextLine: line)
        default:
            break
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The records read so far, the current record's fields, and the earlier pieces (quotes
    /// undoubled) of a quoted field with doubled quotes.
    struct Builder: TableSink {
        var records: [Record] = []
        var fields: [String] = []
        var pieces: [UInt8] = []
        var hasPieces = false

        var recordHasFields: Bool { !fields.isEmpty }

        mutating func doubledQuote(_ bytes: Span<UInt8>, after piece: Range<Int>) {
            pieces.append(copying: bytes.extracting(piece))
            pieces.append(UInt8(ascii: "\""))
            hasPieces = true
        }

        mutating func endField(_ bytes: Span<UInt8>, _ content: Range<Int>) {
            if hasPieces {
                pieces.append(copying: bytes.extracting(content))
                fields.append(String(decoding: pieces, as: UTF8.self))
                pieces.removeAll(keepingCapacity: true)
                hasPieces = false
            } else {
                fields.append(String(decodingUTF8: bytes.extracting(content)))
            }
        }

        mutating func endRecord(line: Int, next: Int, nextLine: Int) {
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: line, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }
    }
}

/// What `TableParser.parse` hands the fields and records of a table to, as it reads them. A
/// record of one empty field is a blank line, which every sink skips.
protocol TableSink {
    /// `true` once the current record has a field.
    var recordHasFields: Bool { get }
    /// In a quoted field, the content `piece` of `bytes` was followed by a doubled quote (one
    /// quote of content); the field goes on.
    mutating func doubledQuote(_ bytes: Span<UInt8>, after piece: Range<Int>)
    /// A field ends with its content (after any doubled quotes) at `content` of `bytes`.
    mutating func endField(_ bytes: Span<UInt8>, _ content: Range<Int>)
    /// The current record, which started on `line`, ends; the next one starts at offset `next`,
    /// on line `nextLine`.
    mutating func endRecord(line: Int, next: Int, nextLine: Int)
}
