import ArgumentParser
import Pipeline

/// The `kotoba` command: a thin front over `Pipeline`.
@main
struct Kotoba: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kotoba",
        abstract: "Text mining for Japanese: term frequencies, co-occurrence and themes, from the command line.",
        discussion: """
            Reads plain text and Markdown (UTF-8), normalizes it with ICU, tokenizes it with MeCab \
            (IPAdic by default), and writes CSV and JSON reports. With no arguments, 'kotoba run' \
            analyzes corpus/ with the bundled themes into output/.
            """,
        version: Pipeline.version,
        subcommands: [Run.self, Tokenize.self, Kwic.self, Count.self, Merge.self, DumpConfig.self, Cache.self, Themes.self],
        defaultSubcommand: Run.self)
}
