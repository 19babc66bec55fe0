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
            // The PDF extraction's line breaks inside a word were joined by layout repair, and
            // vanish (issue 18: 地⏎域の活性化 reads 地域の活性化, 人事交⏎⏎流 人事交流).
            #expect(written.replacingOccurrences(of: "\n", with: "") == row[7], "\(row)")
            #expect(row[6].unicodeScalars.count <= 20 && row[8].unicodeScalars.count <= 20)
        }
        // Speakers are shown where the text marks them.
        #expect(rows.contains { $0[4] == "西川区長" })
    }

    /// `kotoba run --kwic 支援` writes the word's every occurrence to kwic.csv, with the themes',
    /// and its collocates to collocations.csv: the same at any --jobs and from the cache.
    @Test func runWritesTheConcordanceAndCollocations() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = root.appendingPathComponent("cache").path
        for (output, jobs) in [("one", "1"), ("two", "2"), ("again", "2")] {
            let result = try kotoba(
                ["run", "corpus", "--themes", "corpus/themes.yml", "--kwic", "支援", "-o", output, "-j", jobs, "--cache", cache],
                in: root)
            #expect(result.status == 0, "\(result.standardError)")
        }
        for file in ["kwic.csv", "collocations.csv"] {
            let one = try Data(contentsOf: root.appendingPathComponent("one/" + file))
            #expect(one == (try Data(contentsOf: root.appendingPathComponent("two/" + file))), "\(file)")
            #expect(one == (try Data(contentsOf: root.appendingPathComponent("again/" + file))), "\(file) from the cache")
        }
        let rows = try TestSupport.readCSV(root.appendingPathComponent("one/kwic.csv")).dropFirst()
        // 支援 is written 22 times in the interview (grep -o 支援 | wc -l), each time a token of its own.
        let original = try String(contentsOf: root.appendingPathComponent("corpus/arakawa-smrj-interview.txt"), encoding: .utf8)
        let written = original.components(separatedBy: "支援").count - 1
        #expect(written == 22)
        #expect(rows.filter { $0[5] == "支援" }.count == written)
        let themes = try TestSupport.readCSV(root.appendingPathComponent("one/themes.csv")).dropFirst()
        for theme in themes {
            #expect(rows.filter { $0[5] == theme[0] }.count == Int(theme[2]), "\(theme[0])")
        }
        // The same lines as `kotoba kwic` prints.
        let printed = try kotoba(["kwic", "corpus", "--themes", "corpus/themes.yml", "--word", "支援"], in: root)
        let url = root.appendingPathComponent("printed.csv")
        try printed.standardOutput.write(to: url)
        #expect(Array(try TestSupport.readCSV(url).dropFirst()) == Array(rows))
        let collocations = try TestSupport.readCSV(root.appendingPathComponent("one/collocations.csv"))
        let header = collocations[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(collocations.dropFirst().allSatisfy { $0[column("word_frequency")] == "22" && $0[0] == "支援" })
        // Every collocate's total is its L5–R5 counts; scores go down.
        for row in collocations.dropFirst() {
            let positions = (column("l5")...column("r5")).map { Int(row[$0])! }
            #expect(positions.reduce(0, +) == Int(row[column("total")]))
        }
        let scores = collocations.dropFirst().map { Double($0[column("score")])! }
        #expect(scores == scores.sorted(by: >))
    }

    /// The README's `kotoba run --kwic` example, run as written on the bundled corpus, finds its
    /// word; a word found nowhere is named in a warning, and a found one is not.
    @Test func theReadmeKwicExampleFindsItsWordAndAMissingWordIsWarnedOf() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = readme.split(separator: "\n").filter { $0.hasPrefix("kotoba run --kwic ") }
        #expect(examples.count == 1)
        let arguments = examples.first.map { line in
            Array(line.prefix { $0 != "#" }.split(separator: " ").dropFirst().map(String.init))
        } ?? []
        let word = arguments.count > 2 ? arguments[2] : ""
        let original = try String(contentsOf: root.appendingPathComponent("corpus/arakawa-smrj-interview.txt"), encoding: .utf8)
        #expect(original.contains(word))
        let result = try kotoba(arguments + ["--no-cache"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("never found"), "\(result.standardError)")
        let rows = try TestSupport.readCSV(root.appendingPathComponent("output/kwic.csv")).dropFirst()
        #expect(rows.filter { $0[5] == word }.count == original.components(separatedBy: word).count - 1)
        let collocations = try TestSupport.readCSV(root.appendingPathComponent("output/collocations.csv")).dropFirst()
        #expect(!collocations.isEmpty && collocations.allSatisfy { $0[0] == word })

        let missing = "量子計算機"
        #expect(!original.contains(missing))
        let warned = try kotoba(["run", "corpus", "--kwic", word, "--kwic", missing, "--no-cache", "-o", "warned"], in: root)
        #expect(warned.status == 0, "\(warned.standardError)")
        let warnings = warned.standardError.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings.count == 1)
        #expect(warnings.allSatisfy { $0.contains("word=\(missing)") && $0.contains("--kwic word was never found") })
    }

    @Test func nothingToLookForIsAUsageError() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["kwic", "corpus/arakawa-smrj-interview.txt"], in: root)
        #expect(result.status == 64)
        #expect(result.standardError.contains("nothing to look for"))
    }
}
