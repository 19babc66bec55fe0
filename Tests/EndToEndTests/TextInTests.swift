import Foundation
import Testing
import TestSupport

/// Reading text in: encodings, tables, structure, offsets, keys; checked with independent tools
/// (`iconv` for the encodings) and counts taken from the original text.
struct TextInTests {
    static let sample = TestSupport.packageRoot.appendingPathComponent("corpus/arakawa-smrj-interview.txt")
    static let reports = ["term_frequency.csv", "cooccurrence.csv", "themes.csv", "document_themes.csv", "speakers.csv"]
    static let themes = TestSupport.packageRoot.appendingPathComponent("corpus/themes.yml").path

    func kotoba(_ arguments: [String], in directory: URL, input: Data? = nil) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory, input: input)
    }

    /// The sample converted by `iconv`.
    func converted(to encoding: String) throws -> Data {
        let result = try TestSupport.run(
            URL(fileURLWithPath: "/usr/bin/iconv"), ["-f", "UTF-8", "-t", encoding, Self.sample.path])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test func shiftJISEUCJPAndUTF16CopiesGiveTheSameReports() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let copies: [(String, Data)] = [
            ("utf8", try Data(contentsOf: Self.sample)),
            ("cp932", try converted(to: "CP932")),
            ("eucjp", try converted(to: "EUC-JP")),
            ("utf16", Data([0xFF, 0xFE]) + (try converted(to: "UTF-16LE"))),
            ("utf16be", Data([0xFE, 0xFF]) + (try converted(to: "UTF-16BE"))),
        ]
        var outputs: [String: [Data]] = [:]
        for (name, data) in copies {
            // The same path in each copy's own folder, since reports name the document's path.
            let directory = root.appendingPathComponent(name)
            try TestSupport.write(["corpus/interview.txt": data], in: directory)
            let result = try kotoba(["run", "corpus", "--themes", Self.themes], in: directory)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            outputs[name] = try Self.reports.map { try Data(contentsOf: directory.appendingPathComponent("output/\($0)")) }
        }
        for (name, _) in copies { #expect(outputs[name] == outputs["utf8"], "\(name)") }
        for (name, encoding) in [("cp932", "CP932"), ("eucjp", "EUC-JP"), ("utf16", "UTF-16LE"), ("utf16be", "UTF-16BE")] {
            let documents = try TestSupport.readCSV(root.appendingPathComponent("\(name)/output/documents.csv"))
            #expect(documents[1][3] == encoding)
        }
    }

    @Test func aBrokenShiftJISFileIsRefusedWithItsOffsetAndNothingIsPublished() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var bytes = [UInt8](try converted(to: "CP932"))
        // Break the lead byte of a two-byte character past the middle: 0x81 0x20 is no CP932.
        let offset = try #require((bytes.count / 2..<bytes.count).first { bytes[$0] >= 0x88 && bytes[$0] <= 0x9F })
        bytes[offset + 1] = 0x20
        bytes[offset] = 0x81
        try TestSupport.write(["ok/interview.txt": try converted(to: "CP932")], in: root)
        #expect(try kotoba(["run", "ok"], in: root).status == 0)
        let before = try Data(contentsOf: root.appendingPathComponent("output/term_frequency.csv"))
        try TestSupport.write(["ok/broken.txt": Data(bytes)], in: root)
        let detected = try kotoba(["run", "ok"], in: root)
        #expect(detected.status == 65)
        #expect(
            detected.standardError
                == "kotoba: error: ok/broken.txt: not text in UTF-8, Shift_JIS (CP932), EUC-JP or UTF-16 "
                + "(invalid Shift_JIS (CP932) at byte offset \(offset)); name its encoding with --encoding\n")
        let named = try kotoba(["run", "ok", "--encoding", "shift_jis"], in: root)
        #expect(named.status == 65)
        #expect(named.standardError == "kotoba: error: ok/broken.txt: invalid Shift_JIS (CP932) at byte offset \(offset)\n")
        #expect(try Data(contentsOf: root.appendingPathComponent("output/term_frequency.csv")) == before)
    }

    @Test func aSurveyTableGivesOneDocumentPerRowWithItsVariables() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let survey = """
            id,年代,地区,自由回答
            1,30代,東部,"地域の活性化には、小規模事業者の支援が大切だと思う。"
            2,40代,西部,観光とインバウンドに期待しています。
            3,50代,東部,"人材交流を進めてほしい。
            特に若い人の。"
            """
        try TestSupport.write(["survey.csv": Data(survey.utf8)], in: root)
        let result = try kotoba(["run", "survey.csv", "--text-column", "自由回答"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try TestSupport.readCSV(root.appendingPathComponent("output/documents.csv"))
        #expect(documents[0].suffix(3) == ["id", "年代", "地区"])
        #expect(documents.dropFirst().map { [$0[0], $0[1], $0[2]] + $0.suffix(3) } == [
            ["1", "survey.csv", "1", "1", "30代", "東部"],
            ["2", "survey.csv", "2", "2", "40代", "西部"],
            ["3", "survey.csv", "3", "3", "50代", "東部"],
        ])
        let missing = try kotoba(["run", "survey.csv"], in: root)
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("needs --text-column"))
    }

    @Test func metadataVariablesJoinDocumentsByFileName() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(
            [
                "in/a.txt": Data("地域の活性化。".utf8), "in/sub/b.txt": Data("企業の支援。".utf8),
                "meta.tsv": Data("file\t年度\na.txt\t2024\nsub/b.txt\t2025\nnone.txt\t2026\n".utf8),
            ], in: root)
        let result = try kotoba(["run", "in", "--metadata", "meta.tsv"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try TestSupport.readCSV(root.appendingPathComponent("output/documents.csv"))
        #expect(documents.map { $0.last ?? "" } == ["年度", "2024", "2025"])
        let manifest = try String(contentsOf: root.appendingPathComponent("output/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"unlisted_metadata_keys\" : [\n      \"none.txt\""))
    }

    @Test func theSampleYieldsItsSpeakersAndNoLineBreakArtifacts() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.sample, to: root.appendingPathComponent("interview.txt"))
        #expect(try kotoba(["run", "interview.txt"], in: root).status == 0)
        let speakers = try TestSupport.readCSV(root.appendingPathComponent("output/speakers.csv")).dropFirst()
        #expect(Set(speakers.map { $0[2] }) == ["西川区長", "渡部理事", "司会"])
        #expect(speakers.allSatisfy { (Int($0[3]) ?? 0) >= 5 })  // each speaks at least five turns
        // Every 区政, 発明 and 小規模 of the text, with its line breaks and spaces removed, comes out whole.
        let sentences = try kotoba(["tokenize", "--format", "sentences", "interview.txt"], in: root).output
        let flat = try String(contentsOf: Self.sample, encoding: .utf8).unicodeScalars
            .filter { !$0.properties.isWhitespace }
        let original = String(String.UnicodeScalarView(flat))
        for word in ["区政", "発明", "小規模"] {
            #expect(sentences.components(separatedBy: word).count == original.components(separatedBy: word).count, "\(word)")
        }
        #expect(sentences.contains("区政の重要課題"))
        #expect(sentences.contains("「発明」"))
    }

    @Test func everyTokenMapsBackToTheTextAsWritten() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.sample, to: root.appendingPathComponent("interview.txt"))
        var lines = try kotoba(["tokenize", "--format", "offsets", "interview.txt"], in: root).output
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.removeFirst() == "path\trecord\tparagraph\tsentence\tsurface\tstart\tend\toriginal")
        let original = Array(try String(contentsOf: Self.sample, encoding: .utf8).unicodeScalars)
        #expect(lines.count > 3000)
        var checked = 0
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 8 && fields[0] == "interview.txt" && fields[1] == "", "\(line)")
            guard fields.count == 8 else { continue }
            let (start, end) = (Int(fields[5]) ?? -1, Int(fields[6]) ?? -1)
            #expect(fields[7] == String(String.UnicodeScalarView(original[start..<end]))
                .replacingOccurrences(of: "\n", with: "\\n"))
            // With its line breaks and spaces removed, the original is the token's text up to
            // compatibility forms (ＭＡＣＣ for MACC, `( 株 )` for （株）), as Foundation's NFKC sees it.
            let written = String(String.UnicodeScalarView(original[start..<end].filter { !$0.properties.isWhitespace }))
            let nfkc = { (text: String) in text.precomposedStringWithCompatibilityMapping }
            if nfkc(written) == nfkc(fields[4]) { checked += 1 }
        }
        #expect(checked == lines.count)
    }

    /// Two files and a table's two rows: each line names its document (path, and record for a
    /// row), offsets count from each document's own start, and the text at them is the token.
    @Test func offsetsTellDocumentsApart() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = ["a.txt": "地域の活性化。\n\n支援する。", "b.txt": "中小企業を支援する。"]
        let rows = ["補助金の申請。", "地域\t経済。"]
        try TestSupport.write(
            texts.mapValues { Data($0.utf8) }.merging(
                ["survey.csv": Data("id,text\n1,\(rows[0])\n2,\"\(rows[1])\"\n".utf8)]) { $1 },
            in: root)
        let result = try kotoba(
            ["tokenize", "--format", "offsets", "--text-column", "text", "a.txt", "b.txt", "survey.csv"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let table = result.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(table.first == ["path", "record", "paragraph", "sentence", "surface", "start", "end", "original"])
        let body = table.dropFirst()
        #expect(body.allSatisfy { $0.count == 8 })
        // Every document, in input order, and nothing but them.
        var documents: [String] = []
        for row in body where documents.last != row[0] + "#" + row[1] { documents.append(row[0] + "#" + row[1]) }
        #expect(documents == ["a.txt#", "b.txt#", "survey.csv#1", "survey.csv#2"])
        let source = ["a.txt#": texts["a.txt"]!, "b.txt#": texts["b.txt"]!, "survey.csv#1": rows[0], "survey.csv#2": rows[1]]
        for row in body {
            let text = Array(source[row[0] + "#" + row[1]]!.unicodeScalars)
            let (start, end) = (Int(row[5]) ?? -1, Int(row[6]) ?? -1)
            #expect(0 <= start && start < end && end <= text.count, "\(row)")
            guard 0 <= start && start < end && end <= text.count else { continue }
            let escaped = String(String.UnicodeScalarView(text[start..<end]))
                .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
            #expect(row[7] == escaped, "\(row)")
        }
        // a.txt: two paragraphs, 支援 from offset 9 (after 地域の活性化。 and the blank line).
        #expect(body.contains(["a.txt", "", "2", "2", "支援", "9", "11", "支援"]))
        #expect(body.contains(["b.txt", "", "1", "1", "支援", "5", "7", "支援"]))
        #expect(body.contains(["survey.csv", "1", "1", "1", "補助", "0", "2", "補助"]))
    }

    @Test func termsAndThemesAreComparedUnderCaseFoldedKeys() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(
            [
                "in/a.txt": Data("MACCとmaccとMaccの話。MACCです。".utf8),
                "t.yml": Data("themes:\n  - {name: MACC, terms: [macc]}\n".utf8),
            ], in: root)
        #expect(try kotoba(["run", "in", "--themes", "t.yml"], in: root).status == 0)
        let terms = try TestSupport.readCSV(root.appendingPathComponent("output/term_frequency.csv"))
        #expect(terms.contains(["1", "MACC", "未知語", "4", "1", "1.000000", "2"]))
        let themes = try TestSupport.readCSV(root.appendingPathComponent("output/themes.csv"))
        #expect(themes[1][2] == "4")
        // Without the rule the forms are counted apart, and the manifest says so.
        #expect(try kotoba(["run", "in", "--themes", "t.yml", "--normalization-off", "casefold-keys"], in: root).status == 0)
        let apart = try TestSupport.readCSV(root.appendingPathComponent("output/term_frequency.csv"))
        #expect(apart.filter { $0[2] == "未知語" }.map { $0[1] + ":" + $0[3] }.sorted() == ["MACC:2", "Macc:1", "macc:1"])
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("output/manifest.json"))) as? [String: Any]
        let rules = (manifest?["analyzer"] as? [String: Any])?["normalization"] as? [String]
        #expect(rules == ["voiced-marks", "enclosed-characters", "dashes-and-tildes", "nfkc", "ascii-punctuation", "spaces"])
    }

    @Test func markdownHeadingsAreSections() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["notes.md": Data("# 地域\n\n**活性化**の話。\n\n## 支援\n\n- 企業の支援。\n".utf8)], in: root)
        let structure = try kotoba(["tokenize", "--format", "structure", "notes.md"], in: root).output
        let lines = structure.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].contains("\"section\":\"地域\"") && lines[1].contains("\"sentences\":[\"活性化の話。\"]"))
        #expect(lines[3].contains("\"section\":\"支援\"") && lines[3].contains("企業の支援。"))
    }
}
