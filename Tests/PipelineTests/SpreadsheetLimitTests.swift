import Foundation
import Logging
import Testing
import TestSupport

@testable import Pipeline

/// Every CSV file past Excel's row limit is named in a warning and in report.html, with its
/// remedy; here under a limit of a few rows instead of writing a million.
struct SpreadsheetLimitTests {
    /// `12345` as `12,345`.
    func grouped(_ number: Int) -> String {
        var text = String(number)
        var index = text.count - 3
        while index > 0 {
            text.insert(",", at: text.index(text.startIndex, offsetBy: index))
            index -= 3
        }
        return text
    }

    @Test func filesPastTheRowLimitAreNamedInTheLogAndTheOverview() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        let configuration = PipelineConfiguration(
            inputs: [TestSupportPaths.sample.path], output: output.path, jobs: 2, themes: TestSupportPaths.bundledThemes,
            cache: root.appendingPathComponent("cache").path)
        let warnings = WarningRecorder.Warnings()
        var pipeline = Pipeline(configuration: configuration, logger: Logger(label: "test") { _ in WarningRecorder(warnings: warnings) })
        let limit = 40
        pipeline.spreadsheetRowLimit = limit
        _ = try pipeline.run()
        // Independent truth: the files' own lines (no field of these holds a line break).
        var long: [String] = []
        for file in try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted() where file.hasSuffix(".csv") {
            let rows = try TestSupport.readCSV(output.appendingPathComponent(file)).count
            if rows > limit { long.append(file) }
        }
        #expect(long.contains("document_terms.csv") && long.contains("cooccurrence.csv") && !long.contains("themes.csv"))
        let logged = warnings.list.withLock { $0 }.filter { $0.hasPrefix("a CSV file has more rows than Excel shows") }
        #expect(logged.count == long.count)
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Too long for Excel"))
        for file in long {
            let rows = try TestSupport.readCSV(output.appendingPathComponent(file)).count
            #expect(html.contains("<a href=\"\(file)\">\(file)</a>: \(grouped(rows)) rows"), "\(file)")
        }
        // Under Excel's own limit, nothing is said.
        let quiet = WarningRecorder.Warnings()
        _ = try Pipeline(
            configuration: configuration, logger: Logger(label: "test") { _ in WarningRecorder(warnings: quiet) }, force: true
        ).run()
        #expect(!quiet.list.withLock { $0 }.contains { $0.hasPrefix("a CSV file has more rows") })
        #expect(!(try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)).contains("Too long for Excel"))
    }
}
