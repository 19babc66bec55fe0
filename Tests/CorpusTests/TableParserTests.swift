import Foundation
import Testing
import TestSupport

@testable import Corpus

struct TableParserTests {
    @Test func rfc4180RecordsWithQuotesAndLineBreaks() throws {
        let text = "id,answer\r\n1,\"地域の活性化、\"\"重要\"\"\"\r\n2,\"二行の\n回答\"\n\n3,\n"
        let records = try TableParser().records(in: text)
        #expect(records.map(\.fields) == [["id", "answer"], ["1", "地域の活性化、\"重要\""], ["2", "二行の\n回答"], ["3", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test func malformedQuotingIsRefusedWithItsLine() {
        #expect(throws: TableParser.Failure(line: 2, reason: "a quoted field is never closed")) {
            try TableParser().records(in: "a,b\n1,\"open\n2,x\n")
        }
        #expect(throws: TableParser.Failure(line: 2, reason: "a quote inside an unquoted field (quote the field and double the quote)")) {
            try TableParser().records(in: "a,b\n1,x\"y\n")
        }
        #expect(throws: TableParser.Failure(line: 1, reason: "a quoted field is followed by text after its closing quote")) {
            try TableParser().records(in: "\"a\"b,c\n")
        }
    }

    /// Every way a field can end, read byte by byte, against the fields written out by hand.
    @Test func fieldsEndAtEveryKindOfBoundary() throws {
        let parser = TableParser()
        // CR alone, CRLF and LF; an empty last field; no final line break; a doubled quote
        // first, last and twice in a field; a quoted field then a line break; multi-byte text
        // beside the delimiter.
        let text = "a,b,c\r1,,\"\"\"x\"\"\"\"\"\r\n\"\",\"y\",地域,\n前,\"改\r\n行\",後"
        let records = try parser.records(in: text)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "", "\"x\"\""], ["", "y", "地域", ""], ["前", "改\r\n行", "後"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(try parser.records(in: "").isEmpty)
        #expect(try parser.records(in: "\n\r\n\n").isEmpty)
        #expect(try parser.records(in: "x,").map(\.fields) == [["x", ""]])
        #expect(try parser.records(in: "\"q\"").map(\.fields) == [["q"]])
        #expect(throws: TableParser.Failure(line: 2, reason: "a quoted field is never closed")) {
            try parser.records(in: "a\r\n\"b\"\"\r\n\"\"c")
        }
    }

    @Test func tabSeparated() throws {
        #expect(try TableParser(delimiter: "\t").records(in: "a\tb\n1,2\t3").map(\.fields) == [["a", "b"], ["1,2", "3"]])
    }
}
