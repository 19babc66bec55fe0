import Foundation
import Reporting
import Testing
import TestSupport

@testable import Pipeline

/// The report settings of a configuration file, and their validation.
struct ReportSettingsTests {
    @Test func reportSettingsReadFromAConfigurationFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kotoba.yml").path
        try Data(
            "csv_dialect: unix\ncsv_encoding: cp932\ncsv_replace_unencodable: true\nheader_lang: ja\njson: true\nnetwork_edges: 30\n"
                .utf8
        ).write(to: URL(fileURLWithPath: path))
        let configuration = try ConfigurationFile.load(path: path)
        #expect(configuration.csvFormat == CSVFormat(dialect: .unix, encoding: .cp932(substitute: true), headerLanguage: .ja))
        #expect(configuration.json && configuration.networkEdges == 30)
        // The defaults: Excel's dialect in UTF-8, English headers, CSV only, KH Coder's 60 edges.
        let defaults = PipelineConfiguration()
        #expect(defaults.csvFormat == .excel && !defaults.json && defaults.networkEdges == 60)
        // The written configuration reads back the same.
        let again = directory.appendingPathComponent("again.yml")
        try Data(try ConfigurationFile.yaml(configuration).utf8).write(to: again)
        #expect(try ConfigurationFile.load(path: again.path).csvFormat == configuration.csvFormat)
    }

    @Test func unknownValuesAreRefusedByName() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kotoba.yml").path
        try Data("csv_dialect: excel2007\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ConfigurationFile.load(path: path)
            Issue.record("an unknown dialect was accepted")
        } catch {
            #expect("\(error)".contains("'excel2007' is not one of excel, unix at csv_dialect"), "\(error)")
        }
        try Data("network_edges: 0\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PipelineError.self) { try ConfigurationFile.load(path: path).validate() }
    }
}
