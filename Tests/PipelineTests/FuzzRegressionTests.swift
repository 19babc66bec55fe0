import Analysis
import Foundation
import Testing
import TestSupport

@testable import Corpus
@testable import Pipeline

/// Every input stored for the fuzz targets (`Fuzz/`, `scripts/fuzz.sh`) in `Tests/Fuzz/NAME/`:
/// the seeds and any crash input a fuzzing run found, fed to the same calls as the target. Each
/// must give a result or a thrown error, never a crash (a crash fails the whole test run).
struct FuzzRegressionTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/Fuzz")

    /// The stored inputs of a target, by file name.
    static func inputs(_ target: String) throws -> [(name: String, bytes: Data)] {
        let directory = folder.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            ($0, try Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }

    @Test func theDecoderRefusesOrDecodesEveryStoredInput() throws {
        let inputs = try Self.inputs("TextDecoder")
        #expect(inputs.count >= 9)
        var decoded = 0
        for (_, data) in inputs {
            if (try? TextDecoder().decode(data, path: "fuzz")) != nil { decoded += 1 }
            let named = TextEncoding.allCases[Int(data.first ?? 0) % TextEncoding.allCases.count]
            _ = try? TextDecoder(encoding: named).decode(data.dropFirst(), path: "fuzz")
        }
        // The seeds in UTF-8, CP932, EUC-JP and UTF-16 with a byte-order mark decode.
        #expect(decoded >= 5)
    }

    @Test func theTableParserParsesOrRefusesEveryStoredInput() throws {
        let inputs = try Self.inputs("TableParser")
        #expect(inputs.count >= 4)
        for (name, data) in inputs {
            let text = String(decoding: data, as: UTF8.self)
            for delimiter: Unicode.Scalar in [",", "\t"] {
                _ = try? TableParser(delimiter: delimiter).records(in: text)
                _ = try? Table(text: text, path: name, delimiter: delimiter)
            }
        }
        let survey = try #require(inputs.first { $0.name == "seed-survey.csv" })
        #expect(try TableParser().records(in: String(decoding: survey.bytes, as: UTF8.self)).count == 4)
    }

    @Test func theCodingRuleParserParsesOrRefusesEveryStoredInput() throws {
        let inputs = try Self.inputs("CodingRuleParser")
        #expect(inputs.count >= 4)
        for (_, data) in inputs {
            let text = String(decoding: data, as: UTF8.self)
            _ = CodingRuleParser.parseFile(text)
            _ = CodingRuleParser.parseRule(text)
        }
        let themes = try #require(inputs.first { $0.name == "seed-themes.cod" })
        guard case .success(let codes) = CodingRuleParser.parseFile(String(decoding: themes.bytes, as: UTF8.self)) else {
            Issue.record("corpus/themes.cod does not parse")
            return
        }
        #expect(!codes.isEmpty)
    }

    /// The partial reader's seeds are partials `kotoba count` wrote (of a small text, of
    /// documents in filter mode, of a CSV with themes, `--kwic`, `--compounds`, `--group-by` and a
    /// shard, with the window unit), one sorted, two concatenated, and pieces of the bundled
    /// interview's partial and of a partial cut mid-line; each merges or is refused, as
    /// `kotoba merge` would, and never traps.
    @Test func thePartialReaderMergesOrRefusesEveryStoredInput() throws {
        let inputs = try Self.inputs("PartialReader")
        #expect(inputs.count >= 10)
        var merged: [String: PartialMerge.Merged] = [:]
        var refused: [String: PipelineError] = [:]
        for (name, data) in inputs {
            let bytes = [UInt8](data)
            do {
                merged[name] = try PartialMerge.merge([.bytes(name: name, bytes)], pairTerms: 3)
            } catch {
                refused[name] = error
            }
            _ = try? PartialMerge.merge([.bytes(name: name, bytes)], complete: false)
        }
        #expect(
            Set(merged.keys) == [
                "seed-concatenated.partial", "seed-lines.partial", "seed-small.partial", "seed-sorted.partial",
                "seed-themed.partial", "seed-window.partial",
            ])
        // seed-small: "東京都に行きました。京都にも行きました。", a blank line, "私は大学で研究をしています。":
        // one document, 3 sentences, 2 paragraphs, 行く twice.
        let small = try #require(merged["seed-small.partial"]).counts
        #expect(small.documentCount == 1 && small.sentenceCount == 3 && small.paragraphCount == 2)
        let go = try #require(small.id(of: Term(text: "行く", partOfSpeech: "動詞")))
        #expect(small.termFrequency[Int(go)] == 2)
        #expect(merged["seed-sorted.partial"]?.counts.termFrequency == small.termFrequency)
        // The small text's partial and the two documents of filter mode, concatenated.
        #expect(merged["seed-concatenated.partial"]?.counts.documentCount == 3)
        // corpus/themes.yml: 7 themes.
        #expect(merged["seed-themed.partial"]?.counts.themeNames.count == 7)
        // Pieces: the head has no checks, the tail no settings, the cut file no last line end.
        if case .damagedPartial(_, let reason) = refused["seed-corpus-head.partial"] {
            #expect(reason.contains("no check record"))
        } else {
            Issue.record("seed-corpus-head.partial: \(String(describing: refused["seed-corpus-head.partial"]))")
        }
        if case .damagedPartial(_, let reason) = refused["seed-corpus-tail.partial"] {
            #expect(reason.contains("no settings record"))
        } else {
            Issue.record("seed-corpus-tail.partial: \(String(describing: refused["seed-corpus-tail.partial"]))")
        }
        if case .partial(_, let line, let reason) = refused["seed-cut.partial"] {
            #expect(line == 4 && reason.contains("no line end"))
        } else {
            Issue.record("seed-cut.partial: \(String(describing: refused["seed-cut.partial"]))")
        }
        // A term twice with 9,223,372,036,854,775,000 occurrences trapped in the addition (issue 14):
        // refused at the second, whose values take the sum past 2⁶³ − 1.
        if case .partial(_, let line, let reason) = refused["crash-sum-overflow.partial"] {
            #expect(line == 3 && reason.contains("add up past"))
        } else {
            Issue.record("crash-sum-overflow.partial: \(String(describing: refused["crash-sum-overflow.partial"]))")
        }
        // Found by the fuzzer: a unit counted 0 times (seed-lines with a 1 made 0, its term check
        // doubled) failed the pair table's assertion that a count grows.
        if case .partial(_, let line, let reason) = refused["crash-unit-count-0.partial"] {
            #expect(line == 12 && reason == "a unit counted 0 times")
        } else {
            Issue.record("crash-unit-count-0.partial: \(String(describing: refused["crash-unit-count-0.partial"]))")
        }
    }

    /// The cache reader's seeds: a record and a segment of the fixture's entry under the key the
    /// target decodes with. Written again (when the record layout changes) with
    /// `KOTOBA_WRITE_FUZZ_SEEDS=1 swift test --filter FuzzRegressionTests`.
    @Test func theCacheReaderReadsTheSeedsAndMissesOnEveryOtherStoredInput() throws {
        let directory = Self.folder.appendingPathComponent("CacheReader")
        let key = CacheKey(sha256: String(repeating: "1a", count: 32), format: .plain)
        var encoder = AnalysisRecord.Encoder()
        encoder.append(AnalysisRecordTests.entry, key: key, themeCount: 3)
        var segment = PackSegment.header(identity: CacheKey(digestOf: "fuzz"))
        let location = PackSegment.Location(
            offset: segment.count, length: encoder.bytes.count, checksum: RecordChecksum.of(encoder.bytes))
        segment += encoder.bytes
        PackSegment.appendFooter([.init(key: key, location: location)], indexOffset: segment.count, to: &segment)
        if ProcessInfo.processInfo.environment["KOTOBA_WRITE_FUZZ_SEEDS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(encoder.bytes).write(to: directory.appendingPathComponent("seed-record"))
            try Data(segment).write(to: directory.appendingPathComponent("seed-segment.pack"))
        }
        let inputs = try Self.inputs("CacheReader")
        // Seeds of the current layout: the record decodes to the entry (the bytes themselves
        // may differ from this process's, which orders a dictionary's items by its own hash).
        let record = try #require(inputs.first { $0.name == "seed-record" }, "no seeds: write them as the comment says")
        #expect(
            AnalysisRecord.decode([UInt8](record.bytes), key: key, themeCount: 3) == AnalysisRecordTests.entry,
            "the record layout changed: write the seeds again")
        #expect(inputs.contains { $0.name == "seed-segment.pack" })

        let file = try TestSupport.temporaryDirectory().appendingPathComponent("input.pack")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        for (name, data) in inputs {
            let bytes = [UInt8](data)
            let decoded = AnalysisRecord.decode(bytes, key: key, themeCount: 3)
            #expect(decoded == nil || name == "seed-record", "\(name)")
            try data.write(to: file)
            var read = 0
            if let (opened, index) = PackSegment.open(path: file.path, identity: CacheKey(digestOf: "fuzz")) {
                for entry in index {
                    guard let bytes = opened.record(at: entry.location) else { continue }
                    if AnalysisRecord.decode(bytes, key: entry.key, themeCount: 3) == AnalysisRecordTests.entry { read += 1 }
                }
            }
            #expect(read == (name == "seed-segment.pack" ? 1 : 0), "\(name)")
        }
        #expect(AnalysisRecord.decode(encoder.bytes, key: key, themeCount: 3) == AnalysisRecordTests.entry)
    }
}
