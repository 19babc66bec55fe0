import Corpus
import Foundation
import Logging
import Testing
import TestSupport

@testable import Pipeline

enum TestSupportPaths {
    static let bundledThemes = TestSupport.packageRoot.appendingPathComponent("corpus/themes.yml").path
    static let sample = TestSupport.packageRoot.appendingPathComponent("corpus/arakawa-smrj-interview.txt")
}

struct PipelineTests {
    let logger = Logger(label: "kotoba.tests") { _ in SwiftLogNoOpLogHandler() }

    func run(_ inputs: [String], output: URL, jobs: Int, themes: String? = nil, minimumPairCount: Int = 1)
        throws(PipelineError) -> Pipeline.Summary
    {
        let configuration = PipelineConfiguration(
            inputs: inputs, output: output.path, jobs: jobs, themes: themes, minimumPairCount: minimumPairCount,
            posPreset: .content)
        return try Pipeline(configuration: configuration, logger: logger).run()
    }

    /// A corpus of several documents: the sample interview cut into pieces at blank lines, plus
    /// small hand-made files, in nested folders.
    func makeCorpus(in root: URL) throws -> (url: URL, documents: Int) {
        let corpus = root.appendingPathComponent("corpus")
        let sample = try String(contentsOf: TestSupportPaths.sample, encoding: .utf8)
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        var files: [String: Data] = [:]
        let pieces = stride(from: 0, to: lines.count, by: 40).map { lines[$0..<min($0 + 40, lines.count)] }
        for (index, piece) in pieces.enumerated() {
            files["part\(index % 3)/piece-\(index).txt"] = Data(piece.joined(separator: "\n").utf8)
        }
        files["a.txt"] = Data("地域の活性化を支援する。地域の企業を支援する。".utf8)
        files["b.md"] = Data("企業の活性化が進む。".utf8)
        files["empty.txt"] = Data()
        try TestSupport.write(files, in: corpus)
        return (corpus, files.count)
    }

    @Test func reportsAreByteIdenticalAtAnyNumberOfJobs() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (corpus, documents) = try makeCorpus(in: root)
        var outputs: [[String: Data]] = []
        for jobs in [1, 2, 4, 7] {
            let output = root.appendingPathComponent("out-\(jobs)")
            let summary = try run([corpus.path], output: output, jobs: jobs, themes: TestSupportPaths.bundledThemes)
            #expect(summary.documents == documents)
            var files: [String: Data] = [:]
            for name in ["documents.csv", "term_frequency.csv", "cooccurrence.csv", "themes.csv", "document_themes.csv"] {
                files[name] = try Data(contentsOf: output.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs.allSatisfy { $0 == outputs[0] })
    }

    @Test func handComputedCountsOfASmallCorpus() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(SmallCorpus.documents.mapValues { Data($0.utf8) }, in: root.appendingPathComponent("in"))
        let output = root.appendingPathComponent("out")
        _ = try run([root.appendingPathComponent("in").path], output: output, jobs: 2)
        let frequency = try TestSupport.readCSV(output.appendingPathComponent("term_frequency.csv"))
        #expect(Array(frequency.dropFirst()) == SmallCorpus.termFrequencyRows)
        let pairs = try TestSupport.readCSV(output.appendingPathComponent("cooccurrence.csv"))
        #expect(pairs.count == 1 + SmallCorpus.pairCount)
        for row in SmallCorpus.cooccurrenceRows { #expect(pairs.map { Array($0.prefix(row.count)) }.contains(row)) }
        let documents = try TestSupport.readCSV(output.appendingPathComponent("documents.csv"))
        #expect(documents.map { $0[9] } == ["sentences", "2", "1"])
        #expect(documents.map { $0[11] } == ["terms", "8", "3"])
    }

    @Test func anInvalidInputStopsTheRunAndNothingIsPublished() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try makeCorpus(in: root).url
        let output = root.appendingPathComponent("out")
        _ = try run([corpus.path], output: output, jobs: 2)
        let before = try Data(contentsOf: output.appendingPathComponent("term_frequency.csv"))
        try TestSupport.write(
            ["bad/junk.txt": Data([0x81, 0x20]), "bad/nul.txt": Data([0x61, 0x00])], in: corpus)
        #expect {
            try run([corpus.path, root.appendingPathComponent("missing.txt").path], output: output, jobs: 2)
        } throws: { error in
            // The missing path, and the bad inputs beside it: every problem, not the first.
            guard case .inputs(let problems) = error as? PipelineError else { return false }
            return problems.first == .missing(path: root.appendingPathComponent("missing.txt").path)
                && Set(problems.dropFirst().map(\.path)) == [corpus.path + "/bad/junk.txt", corpus.path + "/bad/nul.txt"]
        }
        #expect {
            try run([corpus.path], output: output, jobs: 2)
        } throws: { error in
            guard case .inputs(let problems) = error as? PipelineError else { return false }
            let expected: [CorpusError] = [
                .undecodable(path: corpus.path + "/bad/junk.txt", encoding: .utf8, offset: 0),
                .binary(path: corpus.path + "/bad/nul.txt", offset: 1),
            ]
            return problems == expected
        }
        #expect(try Data(contentsOf: output.appendingPathComponent("term_frequency.csv")) == before)
    }

    @Test func aMissingDictionaryStopsTheRunBeforeAnyOutput() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let configuration = PipelineConfiguration(
            inputs: [TestSupportPaths.sample.path], output: output.path, jobs: 1, dictionary: "/nonexistent/dic")
        #expect {
            try Pipeline(configuration: configuration, logger: logger).run()
        } throws: { error in
            guard case .dictionary = error as? PipelineError else { return false }
            return "\(error)" == "cannot load MeCab dictionary '/nonexistent/dic': no such directory"
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func theManifestRecordsInputsDictionaryAndConfiguration() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        _ = try run([TestSupportPaths.sample.path], output: output, jobs: 2, themes: TestSupportPaths.bundledThemes)
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let analyzer = try #require(manifest["analyzer"] as? [String: Any])
        #expect(analyzer["mecab_version"] as? String == "0.996")
        let dictionary = try #require(analyzer["dictionary"] as? [String: Any])
        #expect(dictionary["directory"] as? String == TestSupport.ipadic)
        let identity = try #require(dictionary["identity"] as? [String: Any])
        #expect((identity["sha256"] as? String)?.count == 64)
        let inputs = try #require(manifest["inputs"] as? [String: Any])
        let files = try #require(inputs["files"] as? [[String: Any]])
        let sample = try Data(contentsOf: TestSupportPaths.sample)
        #expect(files.first?["sha256"] as? String == ContentHash.sha256(sample))
        #expect(files.first?["bytes"] as? Int == sample.count)
        // Paths are relative to the input root, which the manifest records.
        #expect(files.first?["path"] as? String == TestSupportPaths.sample.lastPathComponent)
        #expect(inputs["root"] as? String == TestSupportPaths.sample.deletingLastPathComponent().standardizedFileURL.path)
        let configuration = try #require(manifest["configuration"] as? [String: Any])
        #expect(configuration["jobs"] as? Int == 2)
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        #expect(outputs.compactMap { $0["path"] as? String } == [
            "cluster_distances.csv", "cluster_merges.csv", "clusters.csv", "collocations.csv", "compound_candidates.csv",
            "cooccurrence.csv", "correspondence.csv", "correspondence_inertia.csv", "correspondence_table.csv",
            "data_dictionary.csv", "document_terms.csv", "document_themes.csv", "documents.csv", "dtm.mtx",
            "dtm_documents.csv", "dtm_terms.csv", "graph/cooccurrence.gexf", "graph/cooccurrence.graphml",
            "graph/edges.csv", "graph/nodes.csv", "kwic.csv", "mds.csv", "report.html", "speakers.csv", "summary.json",
            "term_frequency.csv", "theme_cooccurrence.csv", "theme_terms.csv", "themes.csv",
        ])
        let counts = try #require(manifest["counts"] as? [String: Any])
        #expect(counts["documents"] as? Int == 1)
    }
}
