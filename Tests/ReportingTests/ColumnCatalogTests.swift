import Foundation
import Testing

@testable import Analysis
@testable import Reporting

/// `data_dictionary.csv` must describe every column of every report, in both languages.
struct ColumnCatalogTests {
    @Test func everyColumnOfEveryReportIsDescribed() {
        var counts = CorpusCounts(themeNames: ["t"], grouping: .folder)
        counts.add(
            DocumentSummary(path: "x/a.txt", byteCount: 3, sha256: "aa", characterCount: 1, paragraphCount: 1, tokenCount: 2),
            sentences: [SentenceAnalysis(terms: [Term(text: "地域", partOfSpeech: "名詞")], themeOccurrences: [1])])
        let themes = [Theme(name: "t", forms: ["地域"], normalizedForms: ["地域"])]
        #expect(Reports.tables(counts: counts, themes: themes, options: Reports.Options()).count == 23)
        for (stem, table) in Reports.tables(counts: counts, themes: themes, options: Reports.Options()) {
            let described = Set(ColumnCatalog.columns.filter { $0.file == stem + ".csv" }.map(\.name))
            for column in table().header {
                #expect(described.contains(column), "\(stem).csv: \(column) is not in the data dictionary")
            }
        }
    }

    @Test func namesAreConsistentAndUniqueWithinAFile() {
        var japanese: [String: String] = [:]
        for column in ColumnCatalog.columns {
            if let earlier = japanese[column.name] { #expect(earlier == column.japanese, "\(column.name)") }
            japanese[column.name] = column.japanese
            #expect(!column.description.isEmpty && !column.descriptionJapanese.isEmpty)
        }
        for file in Set(ColumnCatalog.columns.map(\.file)) {
            let names = ColumnCatalog.columns.filter { $0.file == file }.map(\.japanese)
            #expect(Set(names).count == names.count, "\(file) has duplicate Japanese headers")
        }
    }

    @Test func theDictionaryItselfCanBeWrittenInCP932() throws {
        _ = try ColumnCatalog.table().render(CSVFormat(encoding: .cp932(substitute: false)), file: "data_dictionary.csv")
    }
}
