import Foundation
import Testing

@testable import Analysis
@testable import Reporting

/// The unnamed group's name, the files too long for Excel, and a list cell in CSV and JSON.
struct AnalystViewReportingTests {
    @Test func theUnnamedGroupNeverSharesANameWithARealOne() {
        let keys = ["", "(none)", "(none) (named)", "(none) (named) (named)", "(none)x", "東", "(none) (named)x"]
        let shown = keys.map(GroupName.shown)
        #expect(shown == ["(none)", "(none) (named)", "(none) (named) (named)", "(none) (named) (named) (named)", "(none)x", "東", "(none) (named)x"])
        #expect(Set(shown).count == keys.count)
        #expect(keys.filter(GroupName.isReserved) == ["(none)", "(none) (named)", "(none) (named) (named)"])
    }

    @Test func filesPastTheLimitAreRecordedWithTheirRows() {
        let rows = SpreadsheetRows(limit: 3)
        rows.record(file: "b.csv", rows: 3)
        rows.record(file: "document_terms.csv", rows: 4)
        rows.record(file: "cooccurrence.csv", rows: 10)
        #expect(rows.overflowing.map(\.file) == ["cooccurrence.csv", "document_terms.csv"])
        #expect(rows.overflowing[1].remedy.contains("dtm.mtx") && rows.overflowing[1].remedy.contains("--min-df"))
        #expect(rows.overflowing[0].remedy.contains("--min-pair-count"))
        #expect(SpreadsheetRows.excelLimit == 1 << 20)
    }

    /// A table's rendered rows count the header: Excel's limit counts it too.
    @Test func renderCountsTheHeaderRow() throws {
        let table = CSVTable(header: ["a"], rows: [[.integer(1)], [.integer(2)]])
        let sink = ReportSink(displayPath: "t.csv")
        #expect(try table.render(.excel, file: "t.csv", to: sink) == 3)
    }

    @Test func theOverviewNamesTheFilesTooLongForExcel() throws {
        let summary = ReportSummary(counts: CorpusCounts(themeNames: []), themes: [], bounds: TermBounds())
        let page = String(
            decoding: HTMLReport.render(
                summary: summary, network: nil, files: ["document_terms.csv"],
                tooLong: [SpreadsheetRows.Overflow(file: "document_terms.csv", rows: 1_234_567)]),
            as: UTF8.self)
        #expect(page.contains("Too long for Excel") && page.contains("1,048,576"))
        #expect(page.contains("<a href=\"document_terms.csv\">document_terms.csv</a>: 1,234,567 rows"))
        #expect(page.contains("dtm.mtx"))
        let quiet = String(decoding: HTMLReport.render(summary: summary, network: nil, files: []), as: UTF8.self)
        #expect(!quiet.contains("Too long for Excel"))
    }

    @Test func aListIsJoinedInCSVAndAnArrayInJSON() throws {
        let table = CSVTable(header: ["theme", "forms"], rows: [[.text("t"), .list(["a", "b\"c", "=d"])]])
        let csv = String(decoding: try table.render(.unix, file: "t.csv"), as: UTF8.self)
        #expect(csv == "theme,forms\nt,\"a | b\"\"c | =d\"\n")
        let json = try JSONSerialization.jsonObject(with: table.json()) as? [[String: Any]]
        #expect(json?.first?["forms"] as? [String] == ["a", "b\"c", "=d"])
    }
}
