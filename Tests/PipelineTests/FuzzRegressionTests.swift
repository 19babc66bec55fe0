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
