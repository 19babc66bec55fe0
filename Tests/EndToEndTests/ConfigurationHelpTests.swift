import Foundation
import Pipeline
import Testing
import TestSupport

/// The command line and the table of `kotoba.yml`'s keys (`PipelineConfiguration.settings`) agree:
/// each option that sets a key prints that key's help, and sets that key.
struct ConfigurationHelpTests {
    /// The options of `command` as swift-argument-parser describes them, by long name.
    func options(of command: String) throws -> [String: HelpTests.Argument] {
        let dump = try TestSupport.run(TestSupport.kotoba, [command, "--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.standardError)")
        let arguments = try JSONDecoder().decode(HelpTests.Dump.self, from: dump.standardOutput).command.arguments
        var byName: [String: HelpTests.Argument] = [:]
        for argument in arguments {
            for name in argument.names ?? [] where name.kind == "long" { byName["--" + name.name] = argument }
        }
        return byName
    }

    @Test(arguments: ["run", "count", "merge", "dump-config"])
    func eachOptionThatSetsAKeyPrintsTheKeysHelp(command: String) throws {
        let options = try options(of: command)
        var found = 0
        for setting in PipelineConfiguration.settings {
            guard let option = setting.option else { continue }
            if command == "run" || command == "dump-config" {
                #expect(options[option] != nil, "kotoba \(command) has no \(option) for \(setting.key)")
            }
            guard let argument = options[option] else { continue }
            #expect(argument.abstract == setting.help, "kotoba \(command) \(option)")
            found += 1
        }
        #expect(found > 0)
    }

    /// An option's number below its key's least value is refused as a usage error naming the
    /// option, with the bound the table gives `kotoba.yml` too: the command line keeps no range
    /// of its own.
    @Test func eachOptionIsRefusedBelowItsKeysLeastValue() throws {
        var checked = 0
        for setting in PipelineConfiguration.settings {
            guard let option = setting.option, let least = setting.leastValue else { continue }
            let result = try TestSupport.run(TestSupport.kotoba, ["dump-config", "\(option)=\(least - 1)"])
            let expected = least == 0 ? "'\(option)' cannot be negative" : "'\(option)' must be at least \(least)"
            #expect(result.status == 64, "\(option): \(result.standardError)")
            #expect(result.standardError.contains(expected), "\(option): \(result.standardError)")
            checked += 1
        }
        // jobs, window, kwic_context, min_pair_count, group_top, the four tf/df bounds,
        // network_edges, ca_terms, ca_dims, cluster_terms and clusters.
        #expect(checked == 14)
    }

    /// The README's table of the keys that are not an option's name with `_` lists exactly those
    /// keys, each with its option and its help.
    @Test func theReadmeTableOfKeysIsTheTables() throws {
        let rows = HelpTests.table("| key | option | meaning |")
        let expected = PipelineConfiguration.settings.filter { setting in
            setting.option != "--" + setting.key.replacingOccurrences(of: "_", with: "-")
        }
        #expect(rows.map { HelpTests.plain($0[0]) } == expected.map(\.key))
        for (row, setting) in zip(rows, expected) {
            #expect(HelpTests.plain(row[2]) == HelpTests.plain(setting.help), "\(setting.key)")
            if let option = setting.option { #expect(HelpTests.plain(row[1]) == option, "\(setting.key)") }
        }
    }

    /// Each option with a value, and the lines `kotoba dump-config` writes for it (YAML as the
    /// table's writer gives it), by hand.
    static let optionsAndLines: [(arguments: [String], line: String)] = [
        (["--out", "reports"], "output: reports"),
        (["--jobs", "97"], "jobs: 97"),
        (["--dictionary", "juman"], "dictionary: juman"),
        (["--themes", "t.yml"], "themes: t.yml"),
        (["--encoding", "euc-jp"], "encoding: EUC-JP"),
        (["--metadata", "meta.csv"], "metadata: meta.csv"),
        (["--cache", "/tmp/kotoba-test-cache"], "cache: /tmp/kotoba-test-cache"),
        (["--root", "data"], "root: data"),
        (["--min-pair-count", "4"], "min_pair_count: 4"),
        (["--text-column", "answer"], "text_column: answer"),
        (["--normalization-off", "nfkc"], "normalization_off:\n- nfkc"),
        (["--keep-going"], "keep_going: true"),
        (["--lines"], "lines_input: true"),
        (["--user-dictionary", "user.csv"], "user_dictionaries:\n- user.csv"),
        (["--vocabulary", "v.yml"], "vocabulary: v.yml"),
        (["--stopwords", "koto"], "stopwords:\n- koto"),
        (["--compounds"], "compounds: true"),
        (["--pos-preset", "nouns"], "pos_preset: nouns"),
        (["--group-by", "speaker"], "group_by: speaker"),
        (["--group-top", "7"], "group_top: 7"),
        (["--unit", "window"], "unit: window"),
        (["--window", "9"], "window: 9"),
        (["--kwic", "support"], "kwic:\n- support"),
        (["--kwic-context", "12"], "kwic_context: 12"),
        (["--min-tf", "2"], "min_tf: 2"),
        (["--max-tf", "90"], "max_tf: 90"),
        (["--min-df", "1"], "min_df: 1"),
        (["--max-df", "40"], "max_df: 40"),
        (["--csv-dialect", "unix"], "csv_dialect: unix"),
        (["--csv-encoding", "cp932"], "csv_encoding: cp932"),
        (["--csv-replace-unencodable"], "csv_replace_unencodable: true"),
        (["--header-lang", "ja"], "header_lang: ja"),
        (["--network-edges", "25"], "network_edges: 25"),
        (["--measure", "dice"], "measure: dice"),
        (["--ca-terms", "30"], "ca_terms: 30"),
        (["--ca-dims", "3"], "ca_dims: 3"),
        (["--cluster-terms", "20"], "cluster_terms: 20"),
        (["--cluster-distance", "cosine"], "cluster_distance: cosine"),
        (["--cluster-method", "average"], "cluster_method: average"),
        (["--clusters", "4"], "clusters: 4"),
    ]

    @Test func eachOptionThatSetsAKeySetsThatKey() throws {
        // The list above names every option of the table, so that a new one cannot be missed.
        let listed = Self.optionsAndLines.map { $0.arguments[0] }
        #expect(Set(listed) == Set(PipelineConfiguration.settings.compactMap(\.option)))
        #expect(listed.count == Set(listed).count)
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try TestSupport.run(
            TestSupport.kotoba, ["dump-config"] + Self.optionsAndLines.flatMap(\.arguments), in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let dump = "\n" + result.output
        for (arguments, line) in Self.optionsAndLines {
            #expect(dump.contains("\n\(line)\n"), "\(arguments.joined(separator: " ")) did not write \(line)")
        }
        // --no-cache is the file's `cache: null`.
        let none = try TestSupport.run(TestSupport.kotoba, ["dump-config", "--no-cache"], in: root)
        #expect(none.output.contains("\ncache: null\n"))
    }
}
