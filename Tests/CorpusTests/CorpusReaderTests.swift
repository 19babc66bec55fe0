import Foundation
import Testing
import TestSupport

@testable import Corpus

struct CorpusReaderTests {
    func source(_ name: String, _ contents: String, in root: URL) throws -> InputSource {
        try TestSupport.write([name: Data(contents.utf8)], in: root)
        return InputSource(displayPath: name, origin: .file(root.appendingPathComponent(name)))
    }

    @Test func everyRowOfASurveyTableIsADocumentWithItsVariables() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let survey = try source("survey.csv", "年代,回答,地区\n30代,地域の活性化が大切。,東部\n40代,\"支援を、もっと。\",西部\n", in: root)
        let file = try CorpusReader(textColumn: "回答").read(survey)
        #expect(file.documents.map(\.text) == ["地域の活性化が大切。", "支援を、もっと。"])
        #expect(file.documents.map(\.record) == [1, 2])
        #expect(
            file.documents.map(\.variables) == [
                [DocumentVariable(name: "年代", value: "30代"), DocumentVariable(name: "地区", value: "東部")],
                [DocumentVariable(name: "年代", value: "40代"), DocumentVariable(name: "地区", value: "西部")],
            ])
    }

    /// A table in Shift_JIS, or UTF-8 with a byte-order mark, gives the documents of the same
    /// table in UTF-8 (a table is read as bytes, and only UTF-8 without a mark is read as it is).
    @Test func aTableInAnyEncodingGivesTheSameDocuments() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // 年代,回答 / 30代,地域の活性化を支援する。 in CP932 (Python's codec).
        let cp932: [UInt8] =
            [0x94, 0x4E, 0x91, 0xE3, 0x2C, 0x89, 0xF1, 0x93, 0x9A, 0x0A, 0x33, 0x30, 0x91, 0xE3, 0x2C]
            + TextDecoderTests.cp932 + [0x0A]
        let utf8 = Data("年代,回答\n30代,地域の活性化を支援する。\n".utf8)
        try TestSupport.write(["u.csv": utf8, "s.csv": Data(cp932), "b.csv": Data([0xEF, 0xBB, 0xBF]) + utf8], in: root)
        func read(_ name: String) throws -> CorpusReader.InputFile {
            try CorpusReader(textColumn: "回答").read(InputSource(displayPath: name, origin: .file(root.appendingPathComponent(name))))
        }
        let (plain, shiftJIS, marked) = (try read("u.csv"), try read("s.csv"), try read("b.csv"))
        #expect([plain.encoding, shiftJIS.encoding, marked.encoding] == [.utf8, .cp932, .utf8BOM])
        for file in [plain, shiftJIS, marked] {
            #expect(file.documents.map(\.text) == [TextDecoderTests.text])
            #expect(file.documents.map(\.variables) == [[DocumentVariable(name: "年代", value: "30代")]])
        }
    }

    @Test func aTableWithoutTheTextColumnIsRefused() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let survey = try source("s.csv", "a,b\n1,2\n", in: root)
        #expect(throws: CorpusError.invalidTable(path: "s.csv", reason: "no column 'text' (columns: a, b)")) {
            try CorpusReader(textColumn: "text").read(survey)
        }
        #expect(throws: CorpusError.self) { try CorpusReader().read(survey) }
        let ragged = try source("r.csv", "a,b\n1,2,3\n", in: root)
        #expect(throws: CorpusError.invalidTable(path: "r.csv", reason: "line 2: 3 fields where the header has 2")) {
            try CorpusReader(textColumn: "a").read(ragged)
        }
    }

    @Test func metadataAddsVariablesByFileName() throws {
        let metadata = try DocumentMetadata(
            text: "file,年度,部署\n2024/a.txt,2024,企画\nb.txt,2025,産業\n", path: "meta.csv")
        let a = InputSource(displayPath: "corpus/2024/a.txt", relativePath: "2024/a.txt", origin: .standardInput(Data()))
        let b = InputSource(displayPath: "other/b.txt", origin: .standardInput(Data()))
        let c = InputSource(displayPath: "c.txt", origin: .standardInput(Data()))
        #expect(metadata.variables(for: a) == [DocumentVariable(name: "年度", value: "2024"), DocumentVariable(name: "部署", value: "企画")])
        #expect(metadata.variables(for: b)?.first?.value == "2025")
        #expect(metadata.variables(for: c) == nil)
        #expect(throws: CorpusError.invalidTable(path: "m.csv", reason: "line 3: 'a' is listed twice")) {
            try DocumentMetadata(text: "f,v\na,1\na,2\n", path: "m.csv")
        }
    }
}
