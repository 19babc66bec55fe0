import Corpus
import Foundation
import Synchronization
import Testing
import TestSupport

@testable import Reporting

/// A table of items written in pieces by several workers (`RowPieces`, `SpareWorkers`) gives the
/// bytes it gives written by one, in every CSV format and as JSON, and fails as it does.
struct RowPiecesTests {
    /// Renders with `render` into a memory sink while `helpers` spare workers, on threads of
    /// their own, make pieces of it.
    static func withSpareWorkers(
        helpers: Int, _ render: @escaping @Sendable (ReportSink) throws(ReportError) -> Void
    ) -> Result<Data, ReportError> {
        let spareWorkers = SpareWorkers(files: 1, workers: helpers + 1)
        let done = DispatchGroup()
        for _ in 0..<helpers {
            done.enter()
            Thread {
                spareWorkers.help()
                done.leave()
            }.start()
        }
        let sink = ReportSink(displayPath: "t")
        sink.spareWorkers = spareWorkers
        let result: Result<Data, ReportError>
        do {
            try render(sink)
            result = .success(sink.data())
        } catch {
            result = .failure(error)
        }
        spareWorkers.fileFinished()
        done.wait()
        return result
    }

    @Test(arguments: StreamingTests.formats)
    func csvInPiecesEqualsTheTableWrittenByOne(format: CSVFormat) throws {
        let table = StreamingTests.itemized(StreamingTests.rows(count: 20_000))
        let expected = try table.render(format, file: "t.csv")
        for (helpers, chunkSize) in [(1, 1), (1, 1000), (3, 1000), (2, CSVTable.chunkSize)] {
            let pieces = Self.withSpareWorkers(helpers: helpers) { sink throws(ReportError) in
                try table.render(format, file: "t.csv", to: sink, chunkSize: chunkSize)
            }
            #expect(try pieces.get() == expected, "\(helpers) helpers, chunk size \(chunkSize)")
        }
    }

    /// JSON separates rows with commas, and the first row of the file has none, whichever piece
    /// it is in: here the first items have no rows.
    @Test func jsonInPiecesEqualsTheTableWrittenByOne() throws {
        var rows = StreamingTests.rows(count: 20_000)
        for (helpers, chunkSize) in [(1, 1), (2, 100), (3, 1000), (1, CSVTable.chunkSize)] {
            for table in [StreamingTests.itemized(rows), Self.rowsAfterEmptyItems(rows, empty: 5_000)] {
                let expected = table.json()
                let pieces = Self.withSpareWorkers(helpers: helpers) { sink throws(ReportError) in
                    try table.json(file: "t.json", to: sink, chunkSize: chunkSize)
                }
                #expect(try pieces.get() == expected, "\(helpers) helpers, chunk size \(chunkSize)")
            }
        }
        rows = []
        let empty = Self.rowsAfterEmptyItems(rows, empty: 1_000)
        #expect(try Self.withSpareWorkers(helpers: 2) { sink throws(ReportError) in
            try empty.json(file: "t.json", to: sink, chunkSize: 10)
        }.get() == Data("[]\n".utf8))
    }

    /// Items `0..<empty` have no rows; then one item per row.
    static func rowsAfterEmptyItems(_ rows: [[CSVTable.Cell]], empty: Int) -> CSVTable {
        CSVTable(header: StreamingTests.header, itemCount: empty + rows.count) { index, writer in
            guard index >= empty else { return }
            writer.append(contentsOf: rows[index - empty])
            writer.endRow()
        }
    }

    /// A character CP932 cannot hold is reported at its line and column in the whole file, as
    /// when one worker writes it.
    @Test func cp932ErrorKeepsItsPosition() {
        var rows = StreamingTests.rows(count: 30_000, unencodableEvery: nil)
        rows[25_000][0] = .text("x,𠮷")
        let table = StreamingTests.itemized(rows)
        let format = CSVFormat(dialect: .excel, encoding: .cp932(substitute: false))
        let expected = Result { () throws(ReportError) in try table.render(format, file: "t.csv") }
        guard case .failure(let error) = expected else {
            Issue.record("the table should not be encodable")
            return
        }
        for chunkSize in [1, 1000, CSVTable.chunkSize] {
            let pieces = Self.withSpareWorkers(helpers: 2) { sink throws(ReportError) in
                try table.render(format, file: "t.csv", to: sink, chunkSize: chunkSize)
            }
            #expect(pieces == .failure(error), "chunk size \(chunkSize)")
        }
    }

    /// The publisher lends its spare workers to the files still being written: many files, some
    /// large, give the bytes each gives alone.
    @Test(arguments: [2, 3])
    func publishedPiecesEqualTheTables(concurrentWrites: Int) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let tables = (0..<6).map { index in StreamingTests.itemized(StreamingTests.rows(count: [30_000, 10, 0, 5_000, 1, 20_000][index])) }
        var files: [ReportFile] = []
        for (index, table) in tables.enumerated() {
            files.append(ReportFile(name: "t\(index).csv") { sink in try table.render(.excel, file: "t\(index).csv", to: sink) })
            files.append(ReportFile(name: "t\(index).json") { sink in try table.json(file: "t\(index).json", to: sink) })
        }
        try ReportPublisher(concurrentWrites: concurrentWrites).publish(files, to: output) { _ in Data() }
        for (index, table) in tables.enumerated() {
            #expect(try Data(contentsOf: output.appendingPathComponent("t\(index).csv")) == table.excelCSV())
            #expect(try Data(contentsOf: output.appendingPathComponent("t\(index).json")) == table.json())
        }
    }
}
