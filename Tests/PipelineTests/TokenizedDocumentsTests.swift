import Corpus
import Foundation
import Logging
import Testing
import TestSupport
import TextPreparation
import Tokenization

@testable import Pipeline

/// A worker parses a group of documents' sentences in a row, then analyzes the documents
/// (`TokenizedDocuments`); a document with more than a group's bytes is parsed and analyzed a
/// sentence at a time. Either way each document must come out as if it were analyzed alone: the
/// same tokens as MeCab gives its sentences, the same terms as a run over that document alone.
struct TokenizedDocumentsTests {
    let logger = Logger(label: "kotoba.tests") { _ in SwiftLogNoOpLogHandler() }

    /// A survey table: short answers of one to three sentences, empty answers (no sentence) among
    /// them, and two answers each longer than a group, one first; more than two groups in all.
    static func answers() throws -> [String] {
        let sample = try String(contentsOf: TestSupportPaths.sample, encoding: .utf8)
        let sentences = sample.split(whereSeparator: { $0 == "。" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains(",") && !$0.contains("\"") }
            .map { $0 + "。" }
        var random = SplitMix(state: 20261207)
        func pick(below count: Int) -> Int { Int(random.next() % UInt64(count)) }
        var long = ""
        while long.utf8.count <= TokenizedDocuments.groupBytes + 1_000 { long += sentences[pick(below: sentences.count)] }
        var answers = [long]
        for row in 0..<3_000 {
            if row % 37 == 5 {
                answers.append("")
                continue
            }
            if row == 200 { answers.append(String(long.reversed())) }
            answers.append((0...pick(below: 3)).map { _ in sentences[pick(below: sentences.count)] }.joined())
        }
        #expect(answers.reduce(0) { $0 + $1.utf8.count } > 3 * TokenizedDocuments.groupBytes)
        return answers
    }

    /// Runs over `answers` as a table in `folder`, with the cache in `folder/cache`, writing to
    /// `folder/output`: `documents.csv` and `document_terms.csv`, header first, cut into cells.
    func run(_ answers: [String], in folder: URL, output: String = "out", jobs: Int = 1) throws
        -> (documents: [[String]], terms: [[String]])
    {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let table = folder.appendingPathComponent("answers.csv")
        try Data((["id,自由回答"] + answers.enumerated().map { "R\($0.offset + 1),\($0.element)" }).joined(separator: "\n").utf8)
            .write(to: table)
        let output = folder.appendingPathComponent(output)
        let configuration = PipelineConfiguration(
            inputs: [table.path], output: output.path, jobs: jobs, minimumPairCount: 1, textColumn: "自由回答",
            cache: folder.appendingPathComponent("cache").path)
        _ = try Pipeline(configuration: configuration, logger: logger).run()
        // Rows end in CRLF, a Character of its own.
        func rows(_ name: String) throws -> [[String]] {
            try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
                .split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        return (try rows("documents.csv"), try rows("document_terms.csv"))
    }

    @Test func everyAnswerIsAnalyzedAsItIsAlone() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let answers = try Self.answers()
        let whole = try run(answers, in: root.appendingPathComponent("whole"))
        #expect(whole.documents.count == answers.count + 1)
        // documents.csv: doc_id, path, record, encoding, bytes, sha256, characters, paragraphs,
        // footnotes, sentences, tokens, terms, speakers, then the table's columns.
        let header = whole.documents[0]
        let tokensColumn = try #require(header.firstIndex(of: "tokens"))
        let idColumn = try #require(header.firstIndex(of: "id"))

        // Tokens: MeCab's own, sentence by sentence, for every answer.
        let tagger = try MeCabTagger(model: TestSupport.model)
        for (index, answer) in answers.enumerated() {
            let document = SourceDocument(path: "a.txt", format: .plain, encoding: .utf8, byteCount: 0, sha256: "", text: answer)
            let structure = try DocumentStructure(document: document, normalizer: TextNormalizer())
            let expected = try structure.sentences.reduce(0) { $0 + (try tagger.tokenize($1.string).count) }
            #expect(whole.documents[index + 1][tokensColumn] == "\(expected)", "answer \(index + 1)")
        }

        // Terms and every count but the row's own: as a run over the answer alone, for the long
        // answers, the answers around them and around the empty ones, the first and the last.
        let picked = [0, 1, 2, 6, 7, 8, 199, 200, 201, 202, 203, answers.count - 2, answers.count - 1]
        for index in picked {
            let alone = try run([answers[index]], in: root.appendingPathComponent("alone-\(index)"))
            // From `characters` up to the row's own `id`.
            #expect(alone.documents[1][6..<idColumn] == whole.documents[index + 1][6..<idColumn], "answer \(index + 1)")
            let terms = { (rows: [[String]], id: Int) in rows.filter { $0[0] == "\(id)" }.map { $0[2..<5].joined(separator: ",") } }
            #expect(terms(alone.terms, 1) == terms(whole.terms, index + 1), "answer \(index + 1)")
        }

        // At two jobs, and from the cache, the same reports.
        let twoJobs = try run(answers, in: root.appendingPathComponent("whole-2"), jobs: 2)
        #expect(twoJobs.documents == whole.documents && twoJobs.terms == whole.terms)
        let again = try run(answers, in: root.appendingPathComponent("whole"), output: "again")
        #expect(again.documents == whole.documents && again.terms == whole.terms)
    }
}
