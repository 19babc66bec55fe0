import Foundation
import Testing
import TestSupport

@testable import Corpus

/// A table's rows found in one pass and made into documents by the range (`TableRows`), held
/// against the general path: the whole table parsed into records (`Table`), and every row made
/// into its document.
struct TableRowsTests {
    /// The documents of `text` as the general path makes them, or its error.
    func reference(_ text: String, delimiter: Unicode.Scalar = ",", textColumn: String?) -> Result<[SourceDocument], CorpusError> {
        let table: Table
        do {
            table = try Table(text: text, path: "t.csv", delimiter: delimiter)
        } catch {
            return .failure(error)
        }
        guard let textColumn else {
            return .failure(
                .invalidTable(
                    path: "t.csv",
                    reason: "a table needs --text-column to name the column with the text (columns: "
                        + table.header.joined(separator: ", ") + ")"))
        }
        guard let textIndex = table.header.firstIndex(of: textColumn) else {
            return .failure(
                .invalidTable(path: "t.csv", reason: "no column '\(textColumn)' (columns: \(table.header.joined(separator: ", ")))"))
        }
        return .success(
            table.records.enumerated().map { number, record in
                let text = record.fields[textIndex]
                var document = SourceDocument(
                    path: "t.csv", record: number + 1, format: .plain, encoding: .utf8, byteCount: text.utf8.count,
                    sha256: ContentHash.sha256(Data(text.utf8)), text: text,
                    variables: table.header.indices.filter { $0 != textIndex }.map {
                        DocumentVariable(name: table.header[$0], value: record.fields[$0])
                    })
                document.reportPath = "out/t.csv"
                return document
            })
    }

    func rows(_ text: String, delimiter: Unicode.Scalar = ",", textColumn: String?) throws(CorpusError) -> TableRows {
        try TableRows(
            text: text, path: "t.csv", reportPath: "out/t.csv", encoding: .utf8, delimiter: delimiter, textColumn: textColumn)
    }

    /// The fields of documents that a comparison looks at (`SourceDocument` is not `Equatable`).
    func fields(_ documents: some Collection<SourceDocument>) -> [String] {
        documents.map {
            "\($0.record ?? 0)|\($0.path)|\($0.reportPath)|\($0.byteCount)|\($0.sha256)|\($0.text)|"
                + $0.variables.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
        }
    }

    /// Every way of cutting the rows into two runs, and one run a row, gives the documents of the
    /// whole table, in order.
    func expectSameDocuments(_ text: String, delimiter: Unicode.Scalar = ",", textColumn: String) throws {
        let expected = try reference(text, delimiter: delimiter, textColumn: textColumn).get()
        let table = try rows(text, delimiter: delimiter, textColumn: textColumn)
        #expect(table.count == expected.count)
        #expect(table.textByteCounts == expected.map(\.byteCount))
        #expect(fields(table.documents(0..<table.count)) == fields(expected))
        for cut in 0...table.count {
            #expect(fields(table.documents(0..<cut) + table.documents(cut..<table.count)) == fields(expected))
        }
        #expect(fields((0..<table.count).flatMap { table.documents($0..<($0 + 1)) }) == fields(expected))
    }

    @Test func runsOfRowsMakeTheDocumentsOfTheWholeTable() throws {
        try expectSameDocuments(
            " id ,回答,年代\r\n1,\"地域の\"\"活性化\"\"が、\r\n大切。\",30代\r\n\r\n2,支援,\"4\"\"0代\"\r\n3,,x\r\n4,\"\",\n",
            textColumn: "回答")
        try expectSameDocuments("回答\nあ\n\n\"\"\nい\n\"う\r\nえ\"", textColumn: "回答")
        try expectSameDocuments("a\tb\n1,2\t\"x\ty\"\n\n\n3\t4", delimiter: "\t", textColumn: "b")
        try expectSameDocuments("a,b\r1,2\r3,4\r", textColumn: "a")
        try expectSameDocuments("a,b\n", textColumn: "b")
    }

    @Test func theErrorsAreTheWholeParsesInItsOrder() {
        // A quote out of place anywhere comes before a row that is too wide earlier on; a column
        // named twice before a row too wide; a row too wide before a text column that is missing.
        let cases: [(String, String?)] = [
            ("a,b\n1,2,3\n4,\"5\n", "a"),
            ("a,b\n1,2,3\n4,x\"y\n", "a"),
            ("a,a\n1,2,3\n", "a"),
            ("a,b\n1,2,3\n", "c"),
            ("a,b\n1,2\n", "c"),
            ("a,b\n1,2\n", nil),
            ("\n\r\n", "a"),
            ("\"a\"b,c\n", "a"),
        ]
        for (text, column) in cases {
            guard case .failure(let expected) = reference(text, textColumn: column) else {
                Issue.record("the reference read \(text.debugDescription)")
                continue
            }
            #expect(throws: expected) { try rows(text, textColumn: column) }
        }
    }

    @Test func randomTablesReadAsTheWholeParseReadsThem() throws {
        var random = SplitMix(state: 13)
        let plain = ["", "a", "回答", "x い", " "]
        let quoted = ["", "a", ",", "\"\"", "\n", "\r\n", "\r", "い", "\t"]
        let breaks = ["\n", "\r\n", "\r"]
        var (read, refused) = (0, 0)
        for _ in 0..<1500 {
            var text = "id,回答,v" + breaks.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 0..<8, using: &random) {
                // Mostly rows as wide as the header, some not; now and then a blank line or a
                // stray quote.
                let width = Int.random(in: 0..<20, using: &random) == 0 ? Int.random(in: 1...4, using: &random) : 3
                text += (0..<width).map { _ in
                    if Bool.random(using: &random) { return plain.randomElement(using: &random)! }
                    return "\"" + (0..<Int.random(in: 0..<4, using: &random)).map { _ in quoted.randomElement(using: &random)! }
                        .joined() + "\""
                }.joined(separator: ",")
                if Int.random(in: 0..<40, using: &random) == 0 { text += "\"" }
                text += Int.random(in: 0..<10, using: &random) == 0 ? "\n\n" : breaks.randomElement(using: &random)!
            }
            if Bool.random(using: &random) { text.removeLast() }
            switch reference(text, textColumn: "回答") {
            case .failure(let expected):
                refused += 1
                #expect(throws: expected) { try rows(text, textColumn: "回答") }
            case .success(let expected):
                read += 1
                let table = try rows(text, textColumn: "回答")
                #expect(fields(table.documents(0..<table.count)) == fields(expected), "\(text.debugDescription)")
                let cut = table.count / 2
                #expect(fields(table.documents(0..<cut) + table.documents(cut..<table.count)) == fields(expected))
            }
        }
        #expect(read > 300 && refused > 100)
    }
}
