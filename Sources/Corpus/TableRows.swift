import Bytes
import Foundation

/// The data rows of a survey table (CSV or TSV with a header and a text column), found and
/// checked in one pass that makes no strings, and made into documents a run of rows at a time
/// (`documents(_:)`), by whichever worker analyzes them.
///
/// A table of 50,000 answers used to be parsed whole, every row made into a document with its
/// strings and SHA-256, by the worker that read it, while the other workers waited for its
/// chunks. Now the reader only finds where each row starts and how much text it holds (which is
/// what cuts chunks), and every error the whole parse would throw is thrown here, before any row
/// is analyzed: a run that fails on row 50,000 fails as it did, having counted nothing.
public struct TableRows: Sendable {
    /// The column names, trimmed of spaces.
    public let header: [String]
    /// The input's display path (`InputSource.displayPath`), for documents and messages.
    let path: String
    /// The path the reports give each row's document.
    let reportPath: String
    let encoding: TextEncoding
    let delimiter: Unicode.Scalar
    /// The decoded text the rows are read from, as UTF-8 (the input's own bytes when it is
    /// UTF-8 already: `TextDecoder.decodeBytes`).
    let utf8: Data
    /// The column with each row's text.
    let textIndex: Int
    /// Row `r` is read from `starts[r]` to `starts[r + 1]` (blank lines before it included), and
    /// starts on line `lines[r]`.
    let starts: [Int]
    let lines: [Int]
    /// The UTF-8 bytes of each row's text (quotes undoubled): its document's `byteCount`.
    public let textByteCounts: [Int]

    /// How many data rows the table has.
    public var count: Int { textByteCounts.count }

    /// Finds the rows of `text`, cut at `delimiter`, whose text is in the column `textColumn`.
    init(
        text: String, path: String, reportPath: String, encoding: TextEncoding, delimiter: Unicode.Scalar,
        textColumn: String?
    ) throws(CorpusError) {
        try self.init(
            utf8: Data(text.utf8), path: path, reportPath: reportPath, encoding: encoding, delimiter: delimiter,
            textColumn: textColumn)
    }

    /// Finds the rows of `utf8` (valid UTF-8), cut at `delimiter`, whose text is in the column
    /// `textColumn`.
    /// - Throws: `CorpusError.invalidTable` naming the file and the line: a quote out of place,
    ///   an empty table, a column named twice, a row not as wide as the header, or no column
    ///   `textColumn` (or none given). The checks go in that order, as `Table`'s do.
    init(
        utf8: Data, path: String, reportPath: String, encoding: TextEncoding, delimiter: Unicode.Scalar,
        textColumn: String?
    ) throws(CorpusError) {
        var finder = RowFinder(textColumn: textColumn)
        let parsed = Result { () throws(TableParser.Failure) in
            try TableParser(delimiter: delimiter).parse(utf8.span, into: &finder)
        }
        do {
            try parsed.get()
        } catch {
            throw .invalidTable(path: path, reason: error.description)
        }
        guard let header = finder.header else { throw .invalidTable(path: path, reason: "the table is empty") }
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw .invalidTable(path: path, reason: "line \(finder.headerLine): the column '\(name)' appears twice")
        }
        if let misfit = finder.misfit {
            throw .invalidTable(
                path: path, reason: "line \(misfit.line): \(misfit.fields) fields where the header has \(header.count)")
        }
        guard let textColumn else {
            throw .invalidTable(
                path: path,
                reason: "a table needs --text-column to name the column with the text (columns: "
                    + header.joined(separator: ", ") + ")")
        }
        guard let textIndex = header.firstIndex(of: textColumn) else {
            throw .invalidTable(path: path, reason: "no column '\(textColumn)' (columns: \(header.joined(separator: ", ")))")
        }
        self.header = header
        self.path = path
        self.reportPath = reportPath
        self.encoding = encoding
        self.delimiter = delimiter
        self.utf8 = utf8
        self.textIndex = textIndex
        starts = finder.starts
        lines = finder.lines
        textByteCounts = finder.textByteCounts
    }

    /// The documents of rows `range` (0-based), in order: each row's text, its other columns as
    /// variables (in column order), and its record number (from 1).
    public func documents(_ range: Range<Int>) -> [SourceDocument] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "rows out of the table")
        guard !range.isEmpty else { return [] }
        var maker = DocumentMaker(rows: self, firstRecord: range.lowerBound + 1, capacity: range.count)
        let parsed = Result { () throws(TableParser.Failure) in
            try TableParser(delimiter: delimiter).parse(
                utf8.span.extracting(starts[range.lowerBound]..<starts[range.upperBound]), into: &maker,
                firstLine: lines[range.lowerBound])
        }
        // `init` read these bytes with the same parser and found no fault.
        guard case .success = parsed, maker.documents.count == range.count else {
            preconditionFailure("\(path): rows \(range) read differently the second time")
        }
        return maker.documents
    }

    /// Reads a table for `TableRows.init`: the header's names, and for every row after it, where
    /// it starts and how much text it holds; the first row not as wide as the header.
    private struct RowFinder: TableSink {
        let textColumn: String?
        /// Reads records up to the header, the only one made into strings.
        var headerRecords = TableParser.Builder()
        var header: [String]?
        var headerLine = 0
        var textIndex = -1
        var starts: [Int] = []
        var lines: [Int] = []
        var textByteCounts: [Int] = []
        var misfit: (line: Int, fields: Int)?
        /// The current record's fields so far, its text's bytes and its first field's, and the
        /// current field's bytes before its last doubled quote.
        var fields = 0
        var textBytes = 0
        var firstBytes = 0
        var pieceBytes = 0

        init(textColumn: String?) {
            self.textColumn = textColumn
        }

        var recordHasFields: Bool { header == nil ? headerRecords.recordHasFields : fields > 0 }

        mutating func doubledQuote(_ bytes: Span<UInt8>, after piece: Range<Int>) {
            guard header != nil else { return headerRecords.doubledQuote(bytes, after: piece) }
            pieceBytes += piece.count + 1
        }

        mutating func endField(_ bytes: Span<UInt8>, _ content: Range<Int>) {
            guard header != nil else { return headerRecords.endField(bytes, content) }
            let size = pieceBytes + content.count
            pieceBytes = 0
            if fields == 0 { firstBytes = size }
            if fields == textIndex { textBytes = size }
            fields += 1
        }

        mutating func endRecord(line: Int, next: Int, nextLine: Int) {
            guard let header else {
                headerRecords.endRecord(line: line, next: next, nextLine: nextLine)
                if let first = headerRecords.records.first {
                    let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    header = names
                    headerLine = first.line
                    textIndex = textColumn.flatMap { names.firstIndex(of: $0) } ?? -1
                    starts = [next]
                    lines = [nextLine]
                }
                return
            }
            defer { (fields, textBytes, firstBytes) = (0, 0, 0) }
            guard !(fields == 1 && firstBytes == 0) else { return }  // a blank line
            if fields != header.count, misfit == nil { misfit = (line, fields) }
            starts.append(next)
            lines.append(nextLine)
            textByteCounts.append(textBytes)
        }
    }

    /// Makes the documents of a run of rows, as `TableParser` reads them.
    private struct DocumentMaker: TableSink {
        let rows: TableRows
        var documents: [SourceDocument] = []
        var record: Int
        var variables: [DocumentVariable] = []
        var text = ""
        var byteCount = 0
        var sha256 = ""
        var fields = 0
        var firstIsEmpty = false
        /// The current field's content before its last doubled quote, quotes undoubled.
        var pieces: [UInt8] = []
        var hasPieces = false

        init(rows: TableRows, firstRecord: Int, capacity: Int) {
            self.rows = rows
            record = firstRecord
            documents.reserveCapacity(capacity)
            variables.reserveCapacity(rows.header.count - 1)
        }

        var recordHasFields: Bool { fields > 0 }

        mutating func doubledQuote(_ bytes: Span<UInt8>, after piece: Range<Int>) {
            pieces.append(copying: bytes.extracting(piece))
            pieces.append(UInt8(ascii: "\""))
            hasPieces = true
        }

        mutating func endField(_ bytes: Span<UInt8>, _ content: Range<Int>) {
            defer { fields += 1 }
            if fields == 0 { firstIsEmpty = content.isEmpty && !hasPieces }
            let isText = fields == rows.textIndex
            guard hasPieces else {
                let field = bytes.extracting(content)
                // The table's bytes are well-formed UTF-8 (`TableRows.init`), and a field is cut
                // at ASCII bytes: on character boundaries.
                if isText {
                    (text, byteCount, sha256) = (String(checkedUTF8: field), field.count, ContentHash.sha256(field))
                } else {
                    variables.append(DocumentVariable(name: rows.header[fields], value: String(checkedUTF8: field)))
                }
                return
            }
            pieces.append(copying: bytes.extracting(content))
            if isText {
                (text, byteCount, sha256) = (String(decoding: pieces, as: UTF8.self), pieces.count, ContentHash.sha256(pieces))
            } else {
                variables.append(DocumentVariable(name: rows.header[fields], value: String(decoding: pieces, as: UTF8.self)))
            }
            pieces.removeAll(keepingCapacity: true)
            hasPieces = false
        }

        mutating func endRecord(line: Int, next: Int, nextLine: Int) {
            defer { fields = 0 }
            guard !(fields == 1 && firstIsEmpty) else {  // a blank line
                variables.removeAll(keepingCapacity: true)
                return
            }
            documents.append(
                SourceDocument(
                    path: rows.path, reportPath: rows.reportPath, record: record, format: .plain,
                    encoding: rows.encoding, byteCount: byteCount, sha256: sha256, text: text, variables: variables))
            record += 1
            variables = []
            variables.reserveCapacity(rows.header.count - 1)
        }
    }
}
