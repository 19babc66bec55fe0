import Foundation
import Testing
import TestSupport

/// The built-in help and the README say the same: the README's option table holds, row for row,
/// the help `kotoba run --help` prints for each option; the formats and reports named agree.
struct HelpTests {
    func kotoba(_ arguments: [String]) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments)
    }

    /// One argument of `kotoba run`, as swift-argument-parser describes it for tools
    /// (`--experimental-dump-help`).
    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var names: [Name]?
        var abstract: String?
        var allValues: [String]?
        var defaultValue: String?
        var shouldDisplay: Bool

        /// How the README's table names it: `--long` and `-s`, or PATH for the positional paths.
        var spellings: Set<String> {
            guard kind != "positional" else { return ["PATH"] }
            return Set((names ?? []).map { $0.kind == "long" ? "--" + $0.name : "-" + $0.name })
        }

        /// The help text as `--help` prints it, unwrapped: the abstract, then the values and the
        /// default swift-argument-parser adds.
        var helpText: String {
            var text = abstract ?? ""
            let values = (allValues ?? []).joined(separator: ", ")
            switch (values.isEmpty, defaultValue ?? "") {
            case (true, ""): break
            case (false, ""): text += " (values: \(values))"
            case (true, let value): text += " (default: \(value))"
            case (false, let value): text += " (values: \(values); default: \(value))"
            }
            return text
        }
    }

    struct Dump: Decodable {
        struct Command: Decodable { var arguments: [Argument] }
        var command: Command
    }

    static let readme: String = {
        (try? String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    /// The rows of the README's table that starts with `header`, split into cells (`\|` is a `|`
    /// inside a cell).
    static func table(_ header: String) -> [[String]] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) }) else { return [] }
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            var cells: [String] = []
            var cell = ""
            var escaped = false
            for character in line.dropFirst() {
                if escaped {
                    cell.append(character == "|" ? "|" : "\\\(character)")
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(cell.trimmingCharacters(in: .whitespaces))
                    cell = ""
                } else {
                    cell.append(character)
                }
            }
            return cells
        }
    }

    /// A cell's text as a terminal shows it: no backticks, runs of spaces as one.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "").split(separator: " ").joined(separator: " ")
    }

    @Test func theReadmeOptionTableIsTheHelpOfEveryOption() throws {
        let dump = try kotoba(["run", "--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.standardError)")
        let arguments = try JSONDecoder().decode(Dump.self, from: dump.standardOutput).command.arguments
            .filter { $0.shouldDisplay && $0.spellings.isDisjoint(with: ["--help", "-h", "--version"]) }
        #expect(arguments.count > 40)
        let rows = Self.table("| option | meaning |")
        #expect(rows.count == arguments.count)
        var unmatched = rows
        for argument in arguments {
            let spellings = argument.spellings
            // The first cell names exactly this option's spellings (and its value).
            let index = unmatched.firstIndex { row in
                let names = row[0].split(whereSeparator: { " `,".contains($0) })
                    .filter { $0.hasPrefix("-") || $0 == "PATH" }.map(String.init)
                return Set(names) == spellings
            }
            #expect(index != nil, "no README row for \(spellings.sorted())")
            guard let index else { continue }
            #expect(Self.plain(unmatched[index][1]) == Self.plain(argument.helpText), "\(spellings.sorted())")
            unmatched.remove(at: index)
        }
        #expect(unmatched.isEmpty, "README rows for no option: \(unmatched.map { $0[0] })")
        // The help prints each value list once.
        let help = try kotoba(["run", "--help"]).output
        #expect(help.components(separatedBy: "casefold-keys").count == 2)
        #expect(help.contains("--dictionary <ipadic|unidic|juman|dir>"))
    }

    @Test func theOverviewNamesEveryInputFormatAndEncodingTheReadmeNames() throws {
        let overview = try kotoba(["--help"]).output.split(separator: "\n").joined(separator: " ")
        for name in ["plain text", "Markdown", "CSV/TSV", "text column", "UTF-8", "Shift_JIS", "EUC-JP", "UTF-16"] {
            #expect(overview.contains(name), "kotoba --help does not name \(name)")
        }
        // …and every one of them is one the README lists: extensions for the formats, names for
        // the encodings.
        for name in [".txt", ".md", ".csv", ".tsv", "`--text-column NAME`", "`utf-8`", "`shift_jis`", "`euc-jp`", "`utf-16le`"] {
            #expect(Self.readme.contains(name), "the README does not name \(name)")
        }
    }

    /// `run --help` names every report the README lists and every file a run writes.
    @Test func runHelpListsEveryReport() throws {
        let help = try kotoba(["run", "--help"]).output.split(separator: "\n").joined(separator: " ")
        let listed = Self.table("| file | one row per | columns |").flatMap { row in
            row[0].split(separator: "`").map(String.init).filter { $0.contains(".") && !$0.hasPrefix(".") && !$0.hasPrefix("*") }
        }
        #expect(listed.count > 20)
        for file in listed {
            #expect(help.contains(file), "run --help does not name \(file)")
        }
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try TestSupport.run(
            TestSupport.kotoba, ["run", "--kwic", "支援", "--group-by", "speaker", "--no-cache", "-q"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        let output = root.appendingPathComponent("output")
        let written = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("/") && $0 != "graph" } ?? []
        #expect(written.count > 20)
        for file in written {
            #expect(help.contains(file), "run --help does not name \(file), which a run writes")
        }
    }
}
