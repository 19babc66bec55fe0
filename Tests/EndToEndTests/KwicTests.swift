import Foundation
import Testing
import TestSupport

/// `kotoba kwic` against the counts of `kotoba run` and the original text.
struct KwicTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    @Test func everyThemeOccurrenceIsARowShownInTheOriginalText() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["kwic", "corpus", "--themes", "corpus/themes.yml", "--word", "活性化", "--csv-dialect", "unix"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        // Standard output: no byte-order mark.
        #expect(result.standardOutput.starts(with: Data("path,record,paragraph,sentence,speaker,match,".utf8)))
        let url = root.appendingPathComponent("kwic.csv")
        try result.standardOutput.write(to: url)
        let rows = try TestSupport.readCSV(url).dropFirst()
        #expect(try kotoba(["run"], in: root).status == 0)
        let themes = try TestSupport.readCSV(root.appendingPathComponent("output/themes.csv")).dropFirst()
        for theme in themes {
            #expect(rows.filter { $0[5] == theme[0] }.count == Int(theme[2]), "\(theme[0])")
        }
        // The keyword is the original text at its offsets; 活性化 is found on its own too.
        let original = Array(try String(contentsOf: root.appendingPathComponent("corpus/arakawa-smrj-interview.txt"), encoding: .utf8).unicodeScalars)
        #expect(rows.contains { $0[5] == "活性化" })
        for row in rows {
            let (start, end) = (Int(row[9]) ?? -1, Int(row[10]) ?? -1)
            let written = String(String.UnicodeScalarView(original[start..<end]))
            // Line breaks of the PDF extraction show as spaces.
            #expect(written.replacingOccurrences(of: "\n", with: " ") == row[7], "\(row)")
            #expect(row[6].unicodeScalars.count <= 20 && row[8].unicodeScalars.count <= 20)
        }
        // Speakers are shown where the text marks them.
        #expect(rows.contains { $0[4] == "西川区長" })
    }

    @Test func nothingToLookForIsAUsageError() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["kwic", "corpus/arakawa-smrj-interview.txt"], in: root)
        #expect(result.status == 64)
        #expect(result.standardError.contains("nothing to look for"))
    }
}
