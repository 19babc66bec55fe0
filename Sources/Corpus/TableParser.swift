/// Parses delimited text (CSV, TSV) per RFC 4180: fields separated by the delimiter, records by
/// CRLF, LF or CR, fields in double quotes may hold delimiters, line breaks and doubled quotes.
///
/// Written here rather than taken from CSV.swift or SwiftCSV because both accept malformed
/// quoting without a word (an unclosed quote swallows the rest of the file, a stray quote is
/// kept as text): for a survey file that would silently turn rows into wrong documents. This
/// parser refuses such input and says on which line.
public struct TableParser: Sendable {
    public var delimiter: Unicode.Scalar

    public init(delimiter: Unicode.Scalar = ",") {
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
    public func records(in text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var state = State.fieldStart
        var previousWasCR = false

        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        for scalar in text.unicodeScalars {
            let isNewline = scalar == "\n" || scalar == "\r"
            defer {
                if isNewline && !(scalar == "\n" && previousWasCR) { line += 1 }
                previousWasCR = scalar == "\r"
            }
            if state == .quoted {
                if scalar == "\"" { state = .quoteInQuoted } else { field.append(scalar) }
                continue
            }
            if scalar == delimiter {
                fields.append(String(field))
                field = String.UnicodeScalarView()
                state = .fieldStart
            } else if isNewline {
                if scalar == "\n" && previousWasCR { continue }
                endRecord()
                state = .fieldStart
                recordLine = line + 1
            } else if state == .quoteInQuoted {
                guard scalar == "\"" else {
                    throw Failure(line: line, reason: "a quoted field is followed by text after its closing quote")
                }
                field.append("\"")  // a doubled quote inside a quoted field
                state = .quoted
            } else if scalar == "\"" {
                guard state == .fieldStart else {
                    throw Failure(line: line, reason: "a quote inside an unquoted field (quote the field and double the quote)")
                }
                state = .quoted
                quoteLine = line
            } else {
                field.append(scalar)
                state = .unquoted
            }
        }
        if state == .quoted { throw Failure(line: quoteLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || state == .quoteInQuoted { endRecord() }
        return records
    }
}
