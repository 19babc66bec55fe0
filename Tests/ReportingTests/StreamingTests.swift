import Corpus
import Foundation
import Synchronization
import Testing
import TestSupport

@testable import Reporting

/// Tables written row by row in chunks give the bytes the whole table gives, and a sink's size and
/// hash are those of its file.
struct StreamingTests {
    /// Rows with every kind of cell the writers treat specially: quotes, commas, line breaks
    /// inside a cell, formula triggers, Japanese text, decimals, and (every 997th row) a character
    /// CP932 cannot hold.
    static func rows(count: Int, unencodableEvery: Int? = 997) -> [[CSVTable.Cell]] {
        (0..<count).map { index in
            var text = ["語\(index)", "a,b", "say \"hi\"", "改行\nあり", "=SUM(A\(index))", "-", "東京都"][index % 7]
            if let every = unencodableEvery, index % every == every - 1 { text += "𠮷" }
            return [.text(text), .integer(index), .decimal(Double(index) / 7), .text("名詞")]
        }
    }

    static let header = ["term", "count", "ratio", "pos"]

    static func streamed(_ rows: [[CSVTable.Cell]]) -> CSVTable {
        CSVTable(header: header, streamingRows: { emit in for row in rows { try emit(row) } })
    }

    /// `rows` written cell by cell from items of none to four rows.
    static func itemized(_ rows: [[CSVTable.Cell]]) -> CSVTable {
        var items: [[[CSVTable.Cell]]] = []
        var start = 0
        while start < rows.count {
            let size = min(items.count % 5, rows.count - start)
            items.append(Array(rows[start..<start + size]))
            start += size
        }
        return CSVTable(header: header, itemCount: items.count) { [items] index, writer in
            for row in items[index] {
                for cell in row { writer.append(cell) }
                writer.endRow()
            }
        }
    }

    /// Both ways of producing rows as they are written.
    static let producers: [@Sendable ([[CSVTable.Cell]]) -> CSVTable] = [streamed, itemized]

    /// Renders through a file sink, as `ReportPublisher` does, and reads the file back.
    static func throughFile(_ render: (ReportSink) throws -> Void) throws -> (data: Data, bytes: Int, sha256: String) {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t")
        let sink = try ReportSink(file: url, displayPath: "t")
        try render(sink)
        let (bytes, sha256) = try sink.finish()
        return (try Data(contentsOf: url), bytes, sha256)
    }

    static let formats: [CSVFormat] = CSVFormat.Dialect.allCases.flatMap { dialect in
        CSVFormat.HeaderLanguage.allCases.flatMap { language in
            [CSVFormat.Encoding.utf8, .cp932(substitute: true)].map { encoding in
                CSVFormat(dialect: dialect, encoding: encoding, headerLanguage: language)
            }
        }
    }

    @Test(arguments: formats)
    func streamedCSVEqualsTheWholeTable(format: CSVFormat) throws {
        let rows = Self.rows(count: 20_000)
        let held = CSVTable(header: Self.header, rows: rows)
        // One chunk: the whole table as one text, as before streaming.
        let whole = ReportSink(displayPath: "t.csv")
        try held.render(format, file: "t.csv", to: whole, chunkSize: .max)
        let expected = whole.data()
        #expect(expected.count > 2 * CSVTable.chunkSize)
        // Independently of the chunk writer: the whole UTF-8 text, encoded at once.
        if case .cp932(let substitute) = format.encoding {
            var utf8 = format
            utf8.encoding = .utf8
            var text = String(decoding: try held.render(utf8, file: "t.csv"), as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            #expect(try TextEncoder.cp932(text, substitute: substitute) == expected)
        }
        for produce in Self.producers {
            for chunkSize in [1, 1000, CSVTable.chunkSize] {
                let file = try Self.throughFile { sink in
                    try produce(rows).render(format, file: "t.csv", to: sink, chunkSize: chunkSize)
                }
                #expect(file.data == expected, "chunk size \(chunkSize)")
            }
            #expect(try produce(rows).render(format, file: "t.csv") == expected)
            #expect(produce(rows).rows == rows)
            #expect(produce(rows).firstRows(10) == Array(rows.prefix(10)))
        }
    }

    @Test func streamedJSONEqualsTheWholeTable() throws {
        let rows = Self.rows(count: 20_000)
        let whole = ReportSink(displayPath: "t.json")
        try CSVTable(header: Self.header, rows: rows).json(file: "t.json", to: whole, chunkSize: .max)
        let expected = whole.data()
        #expect(expected.count > 2 * CSVTable.chunkSize)
        for produce in Self.producers {
            for chunkSize in [1, 1000, CSVTable.chunkSize] {
                let file = try Self.throughFile { sink in
                    try produce(rows).json(file: "t.json", to: sink, chunkSize: chunkSize)
                }
                #expect(file.data == expected, "chunk size \(chunkSize)")
            }
            #expect(produce(rows).json() == expected)
            #expect(produce([]).json() == Data("[]\n".utf8))
        }
    }

    /// The line and column of a character CP932 cannot hold are those in the whole file, wherever
    /// the chunks end: line breaks inside cells count, as before.
    @Test(arguments: [1, 100, 4096, CSVTable.chunkSize, .max])
    func cp932ErrorKeepsItsPositionAcrossChunks(chunkSize: Int) throws {
        var rows = Self.rows(count: 30_000, unencodableEvery: nil)
        rows[25_000][0] = .text("x,𠮷")
        let format = CSVFormat(dialect: .excel, encoding: .cp932(substitute: false))
        // Line 1 is the header; each of the 25,000 rows before is a line, and those with "改行\nあり"
        // (every 7th from the 4th) one more. The cell is quoted: `"x,` comes before the character.
        let breaks = (0..<25_000).filter { $0 % 7 == 3 }.count
        for produce in Self.producers {
            #expect(
                throws: ReportError.unencodable(
                    path: "t.csv", character: "𠮷", codePoints: "U+20BB7", line: 1 + 25_000 + breaks + 1, column: 4)
            ) {
                try produce(rows).render(format, file: "t.csv", to: ReportSink(displayPath: "t.csv"), chunkSize: chunkSize)
            }
        }
    }

    @Test func cp932ErrorInsideAMultiLineCellAfterAChunk() throws {
        var rows = Self.rows(count: 5_000, unencodableEvery: nil)
        rows[4_000][0] = .text("一行目\n二行目の😀")
        let format = CSVFormat(dialect: .unix, encoding: .cp932(substitute: false))
        let breaks = (0..<4_000).filter { $0 % 7 == 3 }.count
        for (produce, chunkSize) in Self.producers.flatMap({ produce in [1, 1000, .max].map { (produce, $0) } }) {
            #expect(
                throws: ReportError.unencodable(
                    path: "t.csv", character: "😀", codePoints: "U+1F600", line: 1 + 4_000 + breaks + 2, column: 5)
            ) {
                try produce(rows).render(format, file: "t.csv", to: ReportSink(displayPath: "t.csv"), chunkSize: chunkSize)
            }
        }
    }

    @Test func sinkSizeAndHashAreThoseOfTheFile() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = (0..<40).map { _ in Data((0..<Int.random(in: 0...200_000, using: &generator)).map { UInt8($0 % 251) }) }
        let file = try Self.throughFile { sink in
            for (index, piece) in pieces.enumerated() {
                if index % 2 == 0 {
                    try sink.write(piece)
                } else {
                    try sink.write([UInt8](piece))
                }
                try sink.write("語")
            }
        }
        #expect(file.data.count > 2 * ReportSink.bufferSize)
        #expect(file.bytes == file.data.count)
        #expect(file.sha256 == ContentHash.sha256(file.data))
    }

    @Test func firstRowsStopsTheSource() {
        let produced = Counter()
        let table = CSVTable(header: ["n"], streamingRows: { emit in
            for index in 0..<1_000 {
                produced.value.add(1, ordering: .relaxed)
                try emit([.integer(index)])
            }
        })
        #expect(table.firstRows(3) == [[.integer(0)], [.integer(1)], [.integer(2)]])
        #expect(produced.value.load(ordering: .relaxed) == 3)
        #expect(table.rows.count == 1_000)
    }

    @Test(arguments: [1, 2, 8])
    func publishingWithBoundedWritesWritesEveryFile(concurrentWrites: Int) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let files = (0..<20).map { index in
            ReportFile(name: "t\(index).csv") { sink in
                try Self.streamed(Self.rows(count: 100 * index)).render(.excel, file: "t\(index).csv", to: sink)
            }
        }
        let published = try ReportPublisher(concurrentWrites: concurrentWrites).publish(files, to: output) { _ in Data() }
        #expect(published.count == 21)
        for file in published {
            let data = try Data(contentsOf: output.appendingPathComponent(file.path))
            #expect(file.bytes == data.count && file.sha256 == ContentHash.sha256(data))
        }
    }
}

/// A count shared with a `@Sendable` row source.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
