import Foundation
import Testing
import TestSupport

/// What an analyst sees (issue 18): KWIC context as the paragraph reads, a named unnamed group,
/// reports that do not depend on where the corpus is, JSON with its data dictionary and arrays,
/// the document-term matrix in Matrix Market form, and warnings for words found nowhere.
struct AnalystViewTests {
    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    /// The rows of a CSV written to standard output (or a file), header first.
    func rows(_ data: Data, in directory: URL) throws -> [[String]] {
        let url = directory.appendingPathComponent("rows-\(UUID().uuidString).csv")
        try data.write(to: url)
        return try TestSupport.readCSV(url)
    }

    // MARK: Point 5: KWIC context

    /// The bundled interview breaks 区⏎政 and 下請⏎け型 at the end of full lines, which layout
    /// repair joins: the context shows 区政 and 下請け型; a paragraph break still shows as a space.
    @Test func kwicContextHasNoSpaceWhereLayoutRepairJoinedLines() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try String(contentsOf: root.appendingPathComponent("corpus/arakawa-smrj-interview.txt"), encoding: .utf8)
        // The line breaks the test is about, as the file has them.
        #expect(original.contains("産業振興を区\n政の") && original.contains("下請\nけ型"))
        #expect(original.contains("掲げました。\n　特に"))
        let result = try kotoba(["kwic", "corpus", "--word", "産業振興", "--word", "伝統的", "--word", "特に", "--csv-dialect", "unix"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try rows(result.standardOutput, in: root).dropFirst()
        let shown = lines.map { $0[6] + "[" + $0[7] + "]" + $0[8] }
        #expect(shown.contains { $0.contains("[産業振興]を区政の重要課題") }, "\(shown)")
        #expect(shown.contains { $0.contains("従来の下請け型[伝統的]") }, "\(shown)")
        #expect(!shown.contains { $0.contains("区 政") || $0.contains("下請 け") })
        // Between paragraphs the line break is a space (the next paragraph's indent is its own).
        #expect(shown.contains { $0.contains("掲げました。 　[特に]") }, "\(shown)")
        // Every line is the original text at its offsets, but for line breaks.
        let scalars = Array(original.unicodeScalars)
        for line in lines {
            let keyword = String(String.UnicodeScalarView(scalars[Int(line[9])!..<Int(line[10])!]))
            #expect(keyword.replacingOccurrences(of: "\n", with: "") == line[7])
        }
    }

    /// A hand-made text of full lines: a word broken across lines (CRLF, then LF) comes out
    /// whole, Latin words joined across lines keep one space, and the break between paragraphs
    /// is a space.
    @Test(arguments: ["\n", "\r\n"])
    func kwicContextOfHandMadeLines(lineEnd: String) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Widths (wide characters count 2): 60, 58, then short lines that end sentences.
        let lines = [
            String(repeating: "あ", count: 26) + "地域活性",
            "化を進めた" + String(repeating: "い", count: 22) + "Open",
            "Sourceの取り組みを紹介する。",
            "次の段落です。",
        ]
        try Data(lines.joined(separator: lineEnd).appending(lineEnd).utf8).write(to: root.appendingPathComponent("memo.txt"))
        let result = try kotoba(
            ["kwic", "memo.txt", "--word", "活性化", "--word", "Source", "--word", "紹介", "--context", "8", "--csv-dialect", "unix"],
            in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let found = Dictionary(
            try rows(result.standardOutput, in: root).dropFirst().map { ($0[5], [$0[6], $0[7], $0[8]]) }, uniquingKeysWith: { a, _ in a })
        #expect(found["活性化"] == ["ああああああ地域", "活性化", "を進めたいいいい"])
        // "Open⏎Source": 3 + 1 characters of the 8 before it are "pen" and the line end, shown as one space.
        #expect(found["Source"]?[0].hasSuffix("いOpen ") == true, "\(found)")
        #expect(found["Source"]?[1] == "Source")
        #expect(found["紹介"]?[2].hasPrefix("する。 次") == true, "\(found)")
    }

    // MARK: Point 6: the unnamed group

    /// Text without a group is the group `(none)` in every report; a real group of that name is
    /// renamed `(none) (named)`, with a warning, so the two never merge.
    @Test func theUnnamedGroupHasAVisibleNameEverywhere() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var table = "answer,grp\n"
        for (index, group) in ["", "(none)", "東", ""].enumerated() {
            table += "地域の活性化と事業者の支援について話した。その\(index)回目。,\(group)\n"
        }
        try Data(table.utf8).write(to: root.appendingPathComponent("survey.csv"))
        try Data("version: 1\nthemes:\n  - name: 活性\n    terms: [活性化]\n".utf8).write(to: root.appendingPathComponent("themes.yml"))
        let result = try kotoba(
            ["run", "survey.csv", "--text-column", "answer", "--themes", "themes.yml", "--group-by", "grp", "--format", "json",
             "--min-df", "1"],
            in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("a group has the name of the unnamed group"))
        let output = root.appendingPathComponent("output")
        let crosstab = try TestSupport.readCSV(output.appendingPathComponent("theme_by_group.csv"))
        #expect(crosstab.dropFirst().map { $0[1] } == ["(none)", "(none) (named)", "東"])
        #expect(crosstab.dropFirst().map { $0[2] } == ["4", "2", "2"])  // sentences: two rows, one row, one row
        let groupTerms = try TestSupport.readCSV(output.appendingPathComponent("group_terms.csv"))
        #expect(groupTerms.dropFirst().allSatisfy { !$0[0].isEmpty })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("theme_by_group.json")))
        #expect((json as? [[String: Any]])?.compactMap { $0["group"] as? String } == ["(none)", "(none) (named)", "東"])
        let summary = try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"(none)\"") && summary.contains("\"(none) (named)\""))
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<th>(none)</th>") && html.contains("<th>(none) (named)</th>"))
        let dictionary = try TestSupport.readCSV(output.appendingPathComponent("data_dictionary.csv"))
        #expect(dictionary.contains { $0[0] == "theme_by_group.csv" && $0[1] == "group" && $0[4].contains("(none)") })
    }

    // MARK: Point 9: paths relative to the input root

    /// The same corpus copied to two folders, given as an absolute and as a relative path, gives
    /// the same bytes in every report but the manifest, which records each root.
    @Test func theSameCorpusInTwoFoldersGivesTheSameReports() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("A/corpus")
        let second = root.appendingPathComponent("B/deeper/copy")
        for folder in [first, second] {
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("corpus"), to: folder)
            try TestSupport.write(["sub/extra.txt": Data("追記の文書です。地域の活性化。\n".utf8)], in: folder)
        }
        let common = ["--kwic", "支援", "--group-by", "folder", "--format", "json", "--no-cache"]
        let one = try kotoba(["run", first.path, "--themes", first.appendingPathComponent("themes.yml").path, "-o", "one"] + common, in: root)
        #expect(one.status == 0, "\(one.standardError)")
        let two = try kotoba(["run", "deeper/copy", "--themes", "deeper/copy/themes.yml", "-o", "../two"] + common, in: root.appendingPathComponent("B"))
        #expect(two.status == 0, "\(two.standardError)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("one").path).sorted()
        #expect(files.contains("dtm.mtx") && files.contains("kwic.csv"))
        for file in files where file != "manifest.json" && !file.hasSuffix("graph") {
            let a = try Data(contentsOf: root.appendingPathComponent("one/" + file))
            let b = try Data(contentsOf: root.appendingPathComponent("two/" + file))
            #expect(a == b, "\(file) differs")
        }
        let documents = try TestSupport.readCSV(root.appendingPathComponent("one/documents.csv"))
        #expect(documents.dropFirst().map { $0[1] } == ["arakawa-smrj-interview.txt", "sub/extra.txt"])
        for (output, folder) in [("one", first), ("two", second)] {
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(output + "/manifest.json"))) as? [String: Any]
            let inputs = manifest?["inputs"] as? [String: Any]
            #expect(inputs?["root"] as? String == folder.standardizedFileURL.path)
            #expect((inputs?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["arakawa-smrj-interview.txt", "sub/extra.txt"])
        }
        // Shards are chosen by the report path too: the same shard of either copy holds the same inputs.
        for shard in ["0/2", "1/2"] {
            var listed: [[String]] = []
            for folder in [first, second] {
                let counted = try kotoba(["count", folder.path, "--shard", shard, "--partial", "-", "--no-cache"], in: root)
                #expect(counted.status == 0, "\(counted.standardError)")
                listed.append(counted.output.split(separator: "\n").filter { $0.contains("\"sha256\"") }.map(String.init))
            }
            #expect(listed[0] == listed[1], "shard \(shard)")
        }
    }

    /// Inputs given side by side are relative to the folder holding them all: two files of the
    /// same name in two folders keep the folders that tell them apart; one file alone is its name.
    @Test func inputsWithTheSameNameBelowTheirRootsAreToldApart() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(
            [
                "a/x.txt": Data("地域の活性化について。\n".utf8), "b/x.txt": Data("事業者の支援について。\n".utf8),
                "c/memo.txt": Data("区政の課題。\n".utf8),
            ], in: root)
        let both = try kotoba(["run", "a", root.appendingPathComponent("b").path, "-o", "both", "--no-cache"], in: root)
        #expect(both.status == 0, "\(both.standardError)")
        let documents = try TestSupport.readCSV(root.appendingPathComponent("both/documents.csv"))
        #expect(documents.dropFirst().map { $0[1] } == ["a/x.txt", "b/x.txt"])
        let files = try kotoba(["run", "a/x.txt", "c/memo.txt", "-o", "files", "--no-cache"], in: root)
        #expect(files.status == 0, "\(files.standardError)")
        #expect(try TestSupport.readCSV(root.appendingPathComponent("files/documents.csv")).dropFirst().map { $0[1] } == ["a/x.txt", "c/memo.txt"])
        let alone = try kotoba(["run", root.appendingPathComponent("c/memo.txt").path, "-o", "alone", "--no-cache"], in: root)
        #expect(alone.status == 0, "\(alone.standardError)")
        #expect(try TestSupport.readCSV(root.appendingPathComponent("alone/documents.csv")).dropFirst().map { $0[1] } == ["memo.txt"])
    }

    // MARK: Point 11: JSON

    /// `--format json` writes the data dictionary as JSON too, and a theme's forms as an array
    /// (the CSV keeps them joined by " | ").
    @Test func jsonHasADataDictionaryAndThemeFormsAsArrays() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try kotoba(["run", "--format", "json", "--no-cache"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let output = root.appendingPathComponent("output")
        let dictionary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data_dictionary.json"))) as? [[String: Any]]
        let csv = try TestSupport.readCSV(output.appendingPathComponent("data_dictionary.csv"))
        #expect(dictionary?.count == csv.count - 1)
        #expect(dictionary?.first?.keys.sorted() == csv[0].sorted())
        let themes = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("themes.json"))) as? [[String: Any]]
        let themeRows = try TestSupport.readCSV(output.appendingPathComponent("themes.csv")).dropFirst()
        #expect(themes?.count == themeRows.count && !themeRows.isEmpty)
        for (object, row) in zip(themes ?? [], themeRows) {
            let forms = object["forms"] as? [String]
            #expect(forms != nil && forms?.joined(separator: " | ") == row[1], "\(row[0])")
        }
        let manifest = try String(contentsOf: output.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"data_dictionary.json\""))
    }

    // MARK: The document-term matrix

    /// dtm.mtx, read as the Matrix Market format defines it, holds exactly document_terms.csv's
    /// counts, at the rows and columns dtm_documents.csv and dtm_terms.csv name.
    @Test func theSparseMatrixHoldsTheDocumentTermCounts() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(
            [
                "docs/a.txt": Data("地域の活性化を進める。地域の事業者を支援する。\n".utf8),
                "docs/b.txt": Data("事業者の支援と区政の課題。\n".utf8),
                "docs/c.txt": Data("区政の課題を話した。地域の声を聞いた。\n".utf8),
            ], in: root)
        let result = try kotoba(["run", "docs", "--no-cache", "--min-tf", "1"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let output = root.appendingPathComponent("output")
        let text = try String(contentsOf: output.appendingPathComponent("dtm.mtx"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "%%MatrixMarket matrix coordinate integer general")
        #expect(lines.last == "")
        lines = lines.dropLast().filter { !$0.hasPrefix("%") }
        let size = lines[0].split(separator: " ").map { Int($0)! }
        let documents = try TestSupport.readCSV(output.appendingPathComponent("dtm_documents.csv"))
        let terms = try TestSupport.readCSV(output.appendingPathComponent("dtm_terms.csv"))
        #expect(size == [documents.count - 1, terms.count - 1, lines.count - 1])
        var cells: [String: Int] = [:]
        for line in lines.dropFirst() {
            let (row, column, count) = { (v: [Int]) in (v[0], v[1], v[2]) }(line.split(separator: " ").map { Int($0)! })
            #expect(documents[row][0] == String(row) && terms[column][0] == String(column))
            let key = documents[row][2] + "\t" + terms[column][1] + "\t" + terms[column][2]
            #expect(cells[key] == nil, "an entry twice: \(line)")
            cells[key] = count
        }
        var expected: [String: Int] = [:]
        for row in try TestSupport.readCSV(output.appendingPathComponent("document_terms.csv")).dropFirst() {
            expected[row[1] + "\t" + row[2] + "\t" + row[3]] = Int(row[4])
        }
        #expect(!expected.isEmpty && cells == expected)
        // Columns go as term_frequency.csv's rows.
        let frequency = try TestSupport.readCSV(output.appendingPathComponent("term_frequency.csv"))
        #expect(frequency.dropFirst().map { [$0[1], $0[2]] } == terms.dropFirst().map { [$0[1], $0[2]] })
    }

    // MARK: Words found nowhere

    /// `kotoba kwic --word` and `kotoba count --kwic` name a word they never found, as
    /// `kotoba run --kwic` does; a word that is found is not named.
    @Test func kwicAndCountWarnOfAWordFoundNowhere() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let kwic = try kotoba(["kwic", "corpus", "--word", "補助金", "--word", "支援"], in: root)
        #expect(kwic.status == 0, "\(kwic.standardError)")
        #expect(kwic.standardError.contains("never found") && kwic.standardError.contains("補助金"))
        #expect(!kwic.standardError.contains("word=支援"))
        let count = try kotoba(["count", "corpus", "--kwic", "補助金", "--kwic", "支援", "--partial", "part.jsonl", "--no-cache"], in: root)
        #expect(count.status == 0, "\(count.standardError)")
        #expect(count.standardError.contains("never found") && count.standardError.contains("補助金"))
        #expect(!count.standardError.contains("word=支援"))
        let run = try kotoba(["run", "--kwic", "補助金", "--no-cache"], in: root)
        #expect(run.standardError.contains("never found") && run.standardError.contains("補助金"))
    }
}
