import ArgumentParser
import Pipeline

/// The `kotoba` command: a thin front over `Pipeline`.
///
/// Every command gives its `commandName`: without it the argument parser makes each name from
/// its type's with `String(describing:)`, whose protocol-conformance lookups scan the binary's
/// whole conformance table, about 11 M instructions at every start, before any work.
@main
struct Kotoba: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kotoba",
        abstract: "Text mining for Japanese: term frequencies, co-occurrence and themes, from the command line.",
        discussion: """
            Reads plain text, Markdown, and CSV/TSV tables with a text column (one document a \
            row), in UTF-8, Shift_JIS, EUC-JP or UTF-16 (detected per file, or --encoding), \
            normalizes it with ICU, tokenizes it with MeCab (IPAdic by default), and writes CSV and \
            JSON reports, a co-occurrence network and an HTML overview. With no arguments, 'kotoba run' \
            analyzes corpus/ with the bundled themes into output/.
            """,
        version: Pipeline.version,
        subcommands: [Run.self, Tokenize.self, Kwic.self, Count.self, Merge.self, DumpConfig.self, Cache.self, Themes.self],
        defaultSubcommand: Run.self)
}
