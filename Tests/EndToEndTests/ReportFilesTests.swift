import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report files as analysts open them: CSV dialects and encodings from the command line, the
/// network files against each other, and the HTML page's promises (one file, no script, links).
struct ReportFilesTests {
    func workspace() throws -> URL { try TestSupport.workspaceWithCorpus() }

    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    /// Collects the `label` data and `weight` data of a GraphML file.
    final class GraphMLReader: NSObject, XMLParserDelegate {
        var nodes: [String: String] = [:]
        var edges = 0
        private var node: String?
        private var key: String?
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if element == "node" { node = attributes["id"] }
            if element == "edge" { edges += 1 }
            if element == "data" { key = attributes["key"]; text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == "data", key == "label", let node { nodes[node] = text }
            if element == "data" { key = nil }
            if element == "node" { node = nil }
        }
    }

    @Test func theNetworkFilesAgreeWithEachOtherAndWithTheCooccurrenceTable() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run"], in: root).status == 0)
        let output = root.appendingPathComponent("output")
        let nodes = try TestSupport.readCSV(output.appendingPathComponent("graph/nodes.csv"))
        let edges = try TestSupport.readCSV(output.appendingPathComponent("graph/edges.csv"))
        #expect(nodes.first == ["Id", "Label", "pos", "frequency", "documents", "community", "x", "y"])
        #expect(edges.first == ["Source", "Target", "Type", "Weight", "sentences"])
        #expect(edges.count > 60)  // KH Coder's 60 edges, and the pairs tied with the 60th

        let reader = GraphMLReader()
        let parser = try #require(XMLParser(contentsOf: output.appendingPathComponent("graph/cooccurrence.graphml")))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(reader.edges == edges.count - 1)
        #expect(Set(reader.nodes.values) == Set(nodes.dropFirst().map { $0[1] }))

        // Each edge's weight is the pair's Jaccard in cooccurrence.csv.
        let label = Dictionary(uniqueKeysWithValues: nodes.dropFirst().map { ($0[0], $0[1]) })
        let pairs = try TestSupport.readCSV(output.appendingPathComponent("cooccurrence.csv")).dropFirst()
        let jaccard = Dictionary(pairs.map { (Set([$0[0], $0[2]]), $0[10]) }, uniquingKeysWith: { first, _ in first })
        for edge in edges.dropFirst() {
            let key = Set([label[edge[0]] ?? "?", label[edge[1]] ?? "?"])
            #expect(jaccard[key] == edge[3], "\(key)")
        }
    }

    @Test func theOverviewIsOneFileWithoutScriptsThatLinksEveryReport() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--group-by", "speaker"], in: root).status == 0)
        let output = root.appendingPathComponent("output")
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(html.contains("Noto Sans CJK JP") && html.contains("Yu Gothic") && html.contains("Hiragino Sans"))
        for file in ["term_frequency.csv", "cooccurrence.csv", "group_terms.csv", "graph/cooccurrence.gexf", "summary.json"] {
            #expect(html.contains("<a href=\"\(file)\">"), "\(file)")
        }
        // The heatmap rows are the speakers; the top term of the bar chart is term_frequency.csv's first.
        let top = try TestSupport.readCSV(output.appendingPathComponent("term_frequency.csv"))[1][1]
        #expect(html.contains(">\(top)</text>"))
        for speaker in ["西川区長", "渡部理事", "司会"] { #expect(html.contains("<tr><th>\(speaker)</th>"), "\(speaker)") }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json")))
        let corpus = (summary as? [String: Any])?["corpus"] as? [String: Int]
        #expect(corpus?["documents"] == 1 && corpus?["speakers"] == 3)
    }

    @Test func themesByGroupShowWhoRaisesEachThemeAsRsChisqTestDoes() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--group-by", "speaker"], in: root).status == 0)
        let rows = try TestSupport.readCSV(root.appendingPathComponent("output/theme_by_group.csv"))
        #expect(rows.first == [
            "theme", "group", "sentences", "theme_sentences", "share", "expected", "adjusted_residual", "chi2", "df", "p_value",
        ])
        // 地域活性化 by speaker (the unmarked opening, 司会, 渡部理事, 西川区長): its sentences add up
        // to themes.csv's, and R 4 gives for matrix(c(1,0,6,6,19,11,20,32), ncol = 2):
        // chisq.test(m)$statistic 5.105444509, $p.value 0.1642368193, $stdres[, 1]
        // −1.2718078902 −1.4043755251 1.6351589125 0.4874920823.
        let region = rows.filter { $0[0] == "地域活性化" }
        // The unmarked opening has no speaker: the group (none) (issue 18).
        #expect(region.map { $0[1] } == ["(none)", "司会", "渡部理事", "西川区長"])
        #expect(region.map { $0[3] } == ["1", "0", "6", "6"])
        let themes = try TestSupport.readCSV(root.appendingPathComponent("output/themes.csv"))
        #expect(themes.first { $0[0] == "地域活性化" }?[3] == "13")
        #expect(region.map { $0[6] } == ["-1.271808", "-1.404376", "1.635159", "0.487492"])
        #expect(region.allSatisfy { $0[7] == "5.105445" && $0[8] == "3" && $0[9] == "0.164237" })
    }

    @Test func dialectsEncodingsAndHeaderLanguageFromTheCommandLine() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try kotoba(["run", "--csv-dialect", "unix", "--header-lang", "ja", "--format", "json", "--out", "u"], in: root).status == 0)
        let unix = try Data(contentsOf: root.appendingPathComponent("u/term_frequency.csv"))
        #expect(unix.starts(with: Data("順位,抽出語,品詞,出現回数,文書数,文書の割合,出現文数\n".utf8)))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("u/term_frequency.json")))
        #expect((json as? [[String: Any]])?.first?["term"] as? String != nil)

        // The sample holds no character CP932 lacks; a term with one fails by name, unless replaced.
        try Data("𠮷野家の地域活性化。".utf8).write(to: root.appendingPathComponent("corpus/yoshi.txt"))
        let failed = try kotoba(["run", "--csv-encoding", "cp932", "--out", "sjis"], in: root)
        #expect(failed.status == 65)
        #expect(failed.standardError.contains("in CP932: '𠮷' (U+20BB7)"), "\(failed.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("sjis").path))
        let replaced = try kotoba(["run", "--csv-encoding", "cp932", "--csv-replace-unencodable", "--out", "sjis"], in: root)
        #expect(replaced.status == 0, "\(replaced.standardError)")
        let bytes = try Data(contentsOf: root.appendingPathComponent("sjis/documents.csv"))
        #expect(String(data: bytes, encoding: .shiftJIS)?.hasPrefix("doc_id,path,") == true)
        #expect(try kotoba(["run", "--csv-replace-unencodable"], in: root).status == 64)
    }
}
