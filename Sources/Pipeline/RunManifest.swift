import Foundation
import Reporting
import Tokenization

/// `manifest.json`: what produced the reports, so a run can be checked and repeated.
///
/// Everything but `started_at`, `finished_at` and `durations_ms` depends only on the inputs, the
/// configuration and the installed MeCab, ICU and dictionary.
public struct RunManifest: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        var name = "kotoba"
        var version: String
    }

    public struct Analyzer: Codable, Sendable {
        var mecabVersion: String
        var dictionary: Dictionary
        var icuVersion: String
        var normalization: [String]
        var terms: String
        var cooccurrenceUnit: String
        /// The vocabulary in force: preset, include/exclude, form, compounds, force-pick and
        /// synonym entries, stopwords (kotoba's default list is `DefaultStopwords.version`).
        var vocabulary: [String]
        var userDictionaries: [Pipeline.UserDictionary]
    }

    public struct Dictionary: Codable, Sendable {
        var directory: String
        var layout: String
        var files: [DictionaryInfo]
        var identity: DictionaryIdentity
    }

    public struct Inputs: Codable, Sendable {
        /// The input root: the folder, absolute, that every input's path (here and in the reports)
        /// is relative to (`ReportPaths`); absent for standard input alone and for a merge.
        var root: String?
        var count: Int
        var bytes: Int
        /// Every input read: path, size, SHA-256, encoding, format and how many documents it gave.
        var files: [InputRecord]
        /// Inputs left out under `--keep-going`, with the reason (also in `errors.jsonl`).
        var skipped: [Skipped]
        /// Files found in input directories but not read (not a text extension).
        var ignored: [String]
        /// Keys of the metadata table that named no input.
        var unlistedMetadataKeys: [String]
    }

    public struct Skipped: Codable, Sendable {
        var path: String
        var reason: String
    }

    /// The incremental cache: where, and how many inputs came from it.
    public struct Cache: Codable, Sendable {
        var directory: String?
        var hits: Int
        var misses: Int
    }

    public struct Counts: Codable, Sendable {
        var documents: Int
        var paragraphs: Int
        var sentences: Int
        var tokens: Int
        var termTokens: Int
        var vocabulary: Int
        var cooccurringPairs: Int
        /// The terms pairs were counted among (the most frequent), and the passes it took: 2 when
        /// a worker's pair table outgrew its bound and pairs were counted again among them.
        var pairVocabulary: Int
        var pairPasses: Int
        var themes: Int
    }

    var schema = "kotoba.manifest/1"
    var tool: Tool
    var status = "ok"
    var startedAt: String
    var finishedAt: String
    var durationsMs: [String: Int]
    /// Absent for a merge, which loads no dictionary (the partials' `analysis` hash stands for it).
    var analyzer: Analyzer?
    /// The hash of everything that decides an analysis (`AnalysisIdentity`), shared by partials.
    var analysis: String
    /// The hash of everything that decides the reports (`RunKey`); absent for a merge and for
    /// standard input.
    var runKey: String?
    var configuration: PipelineConfiguration
    /// SHA-256 of `configuration` as JSON.
    var configurationSha256: String
    /// For a merge: the partial files merged.
    var mergedFrom: [String]?
    var cache: Cache
    var inputs: Inputs
    var counts: Counts
    var outputs: [ReportPublisher.PublishedFile]

    /// The manifest as JSON: keys in snake_case and sorted, two-space indentation, no escaped
    /// slashes, a final newline.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
