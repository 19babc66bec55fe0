import Corpus
import Foundation
import Testing
import TestSupport
import Yams

@testable import Pipeline

/// The table of `kotoba.yml`'s keys (`PipelineConfiguration.settings`) against a file written by
/// hand with every key set to a value other than its default: every key is read, written back and
/// read again to the same configuration, every property is set by some key, and the keys the
/// strict check accepts are the table's.
struct ConfigurationSettingsTests {
    /// Every key, each with a value that is not its default (nor any machine's: 97 jobs).
    static let everyKey = """
        version: 0
        inputs: [a.txt, texts]
        output: reports
        jobs: 97
        dictionary: /usr/lib/mecab/dic/juman
        themes: t.yml
        encoding: euc-jp
        metadata: meta.csv
        cache: /tmp/kotoba-test-cache
        file_lists:
          - path: list.txt
            separator: nul
        root: data
        min_pair_count: 4
        text_column: answer
        normalization_off: [nfkc, spaces]
        keep_going: true
        lines_input: true
        user_dictionaries: [user.csv]
        vocabulary: v.yml
        stopwords: [default, koto]
        compounds: true
        pos_preset: nouns
        group_by: speaker
        group_top: 7
        unit: window
        window: 9
        kwic: [support]
        kwic_context: 12
        pair_terms: 500
        pair_table_limit: 1000
        min_tf: 2
        max_tf: 90
        min_df: 1
        max_df: 40
        csv_dialect: unix
        csv_encoding: cp932
        csv_replace_unencodable: true
        header_lang: ja
        json: true
        network_edges: 25
        measure: dice
        ca_terms: 30
        ca_dims: 3
        cluster_terms: 20
        cluster_distance: cosine
        cluster_method: average
        clusters: 4

        """

    /// `text` as a configuration file in a fresh folder, read.
    func load(_ text: String) throws -> PipelineConfiguration {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kotoba.yml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try ConfigurationFile.load(path: path)
    }

    /// The top-level keys of a YAML mapping, in order.
    func keys(_ yaml: String) throws -> [String] {
        try #require(try Yams.compose(yaml: yaml)?.mapping).keys.compactMap(\.string)
    }

    /// The value of each stored property, by name (as `Mirror` sees them: every one, whether the
    /// table knows it or not).
    func properties(_ configuration: PipelineConfiguration) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Mirror(reflecting: configuration).children.map { ($0.label ?? "?", "\($0.value)") })
    }

    @Test func theFileOfEveryKeyHoldsExactlyTheTablesKeys() throws {
        let keys = try keys(Self.everyKey)
        #expect(keys.count == Set(keys).count)
        #expect(Set(keys) == Set(PipelineConfiguration.settings.map(\.key)))
        #expect(PipelineConfiguration.settings.count == Set(PipelineConfiguration.settings.map(\.key)).count)
        // The strict check accepts exactly these keys.
        #expect(Set(ConfigurationFile.schema.keys) == Set(keys))
    }

    @Test func everyPropertyIsSetBySomeKey() throws {
        let read = properties(try load(Self.everyKey))
        let defaults = properties(.fileDefaults)
        #expect(read.count == PipelineConfiguration.settings.count, "a property without a key in the table?")
        for (name, value) in defaults {
            #expect(read[name] != value, "no key of the table sets \(name)")
        }
    }

    @Test func theValuesReadAreTheFilesValues() throws {
        let configuration = try load(Self.everyKey)
        #expect(configuration.version == 0 && configuration.jobs == 97)
        #expect(configuration.inputs == ["a.txt", "texts"] && configuration.output == "reports")
        #expect(configuration.encoding == .eucJP && configuration.inputRoot == "data")
        #expect(configuration.fileLists == [FileList(path: "list.txt", separator: .nul)])
        #expect(configuration.disabledNormalizationRules == [.nfkc, .spaces])
        #expect(configuration.minimumPairCount == 4 && configuration.posPreset == .nouns && configuration.unit == .window)
        #expect(configuration.minTermCount == 2 && configuration.maxTermCount == 90)
        #expect(configuration.minDocumentCount == 1 && configuration.maxDocumentCount == 40)
        #expect(configuration.pairTerms == 500 && configuration.pairTableLimit == 1000)
        #expect(configuration.clusterDistance == .cosine && configuration.clusterMethod == .average && configuration.clusters == 4)
        #expect(configuration.caTerms == 30 && configuration.caDimensions == 3 && configuration.clusterTerms == 20)
    }

    @Test func everyKeyRoundTripsThroughTheDump() throws {
        for configuration in [try load(Self.everyKey), .fileDefaults, PipelineConfiguration()] {
            let dump = try ConfigurationFile.yaml(configuration)
            // Every key is written, `null` ones too, in the table's order.
            #expect(try keys(dump) == PipelineConfiguration.settings.map(\.key))
            #expect(try load(dump) == configuration, "\(dump)")
        }
        #expect(try ConfigurationFile.yaml(PipelineConfiguration()).contains("\npos_preset: null\n"))
    }

    @Test func everyKeyIsAcceptedAlone() throws {
        let dump = try ConfigurationFile.yaml(try load(Self.everyKey))
        // The dump's lines, grouped by top-level key (a list's items follow their key).
        var groups: [[String]] = []
        for line in dump.split(separator: "\n").map(String.init) {
            if line.hasPrefix(" ") || line.hasPrefix("-") { groups[groups.count - 1].append(line) } else { groups.append([line]) }
        }
        #expect(groups.count == PipelineConfiguration.settings.count)
        for group in groups {
            let text = group.joined(separator: "\n") + "\n"
            let alone = try load(text)
            #expect(try ConfigurationFile.yaml(alone).contains(text), "\(text)")
        }
    }

    @Test func theManifestsJSONLeavesUnsetKeysOut() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(PipelineConfiguration())) as? [String: Any])
        let unset: Set = [
            "dictionary", "themes", "encoding", "metadata", "cache", "root", "text_column", "vocabulary", "pos_preset",
            "group_by", "pair_table_limit", "min_tf", "max_tf", "min_df", "max_df", "clusters",
        ]
        #expect(Set(json.keys) == Set(PipelineConfiguration.settings.map(\.key)).subtracting(unset))
        #expect(json["jobs"] as? Int == 1 && json["cluster_method"] as? String == "ward.D2")
    }

    @Test(arguments: [
        ("jobs: 0", "jobs must be at least 1 (got 0)"),
        ("min_pair_count: 0", "min_pair_count must be at least 1 (got 0)"),
        ("group_top: 0", "group_top must be at least 1 (got 0)"),
        ("window: 0", "window must be at least 1 (got 0)"),
        ("kwic_context: -1", "kwic_context cannot be negative (got -1)"),
        ("pair_terms: 1", "pair_terms must be at least 2 (got 1)"),
        ("pair_table_limit: -5", "pair_table_limit cannot be negative (got -5)"),
        ("min_tf: -1", "min_tf cannot be negative (got -1)"),
        ("max_tf: -1", "max_tf cannot be negative (got -1)"),
        ("min_df: -1", "min_df cannot be negative (got -1)"),
        ("max_df: -2", "max_df cannot be negative (got -2)"),
        ("network_edges: 0", "network_edges must be at least 1 (got 0)"),
        ("ca_terms: 1", "ca_terms must be at least 2 (got 1)"),
        ("ca_dims: 0", "ca_dims must be at least 1 (got 0)"),
        ("cluster_terms: 1", "cluster_terms must be at least 2 (got 1)"),
        ("clusters: 0", "clusters must be at least 1 (got 0)"),
        ("clusters: 61", "clusters (61) cannot be more than the terms clustered (cluster_terms 60)"),
        ("version: 2", "version 2 is not supported (highest: 1) at version"),
        ("encoding: latin1", "unknown encoding 'latin1' at encoding"),
        ("unit: line", "'line' is not one of sentence, paragraph, turn, section, document, window at unit"),
    ])
    func aValueOutOfRangeIsRefusedNamingItsKey(line: String, reason: String) throws {
        #expect {
            try load(line + "\n")
        } throws: { error in
            guard case .configurationFile(_, let found) = error as? PipelineError else { return false }
            return found == reason
        }
    }

    @Test func aKeySpeltWithHyphensIsRefusedWithTheKeyMeant() throws {
        for key in PipelineConfiguration.settings.map(\.key) where key.contains("_") {
            let spelt = key.replacingOccurrences(of: "_", with: "-")
            #expect {
                try load("\(spelt): 1\n")
            } throws: { error in
                "\(error)".contains("line 1: unknown key '\(spelt)' (did you mean '\(key)'?)")
            }
        }
    }

    @Test func everyPropertysSettingIsFoundByItsKeyPath() {
        for setting in PipelineConfiguration.settings {
            #expect(PipelineConfiguration.setting(key: setting.key)?.key == setting.key)
        }
        #expect(PipelineConfiguration.setting(\.minimumPairCount).key == "min_pair_count")
        #expect(PipelineConfiguration.setting(\.inputRoot).option == "--root")
    }
}
