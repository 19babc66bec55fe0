import Analysis
import Corpus
import Foundation
import Reporting

/// `kotoba kwic`: every occurrence of the themes and of given words in context (KWIC, KH Coder's
/// コンコーダンス), shown in the original text: the characters before, the match as written, the
/// characters after, with its document, paragraph, sentence and speaker.
///
/// Matches are the theme matcher's, so a row of the concordance is exactly an occurrence that
/// `themes.csv` counts: found in the normalized sentence at token boundaries, under the case fold,
/// then traced back to the original characters. Line breaks in the context show as spaces.
public enum Concordance {
    /// The table's columns.
    static let header = [
        "path", "record", "paragraph", "sentence", "speaker", "match", "left", "keyword", "right", "start", "end",
    ]

    /// The concordance of `configuration`'s inputs for its themes (if any) and `words`, with
    /// `context` characters on each side.
    public static func table(configuration: PipelineConfiguration, words: [String], context: Int) throws(PipelineError)
        -> CSVTable
    {
        let normalizer = configuration.normalizer
        var themes = try configuration.themes.map { path throws(PipelineError) in
            try ThemeFile.load(path: path, normalizer: normalizer)
        } ?? []
        if !words.isEmpty {
            let entries = words.map { ThemeFile.Entry(name: $0, terms: [$0]) }
            let named = try ThemeFile.themes(
                from: ThemeFile.Contents(version: nil, themes: entries), path: "--word", normalizer: normalizer)
            themes += named.filter { word in !themes.contains { $0.name == word.name } }
        }
        guard !themes.isEmpty else {
            throw .configuration("nothing to look for: give --word WORD or a theme file (--themes)")
        }
        let key = Pipeline.keyFunction(normalizer)
        var rows: [[CSVTable.Cell]] = []
        try DocumentWalk.run(configuration: configuration) { document, structure, tagger throws(PipelineError) in
            let original = Array(document.text.unicodeScalars)
            func text(_ range: Range<Int>) -> String {
                String(String.UnicodeScalarView(original[range.clamped(to: 0..<original.count)]))
                    .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "\r", with: " ")
            }
            let matcher = ThemeMatcher(themes: themes, key: key, family: tagger.layout.family)
            var sentenceNumber = 0
            for (paragraphNumber, paragraph) in structure.paragraphs.enumerated() {
                for sentence in paragraph.sentences {
                    sentenceNumber += 1
                    let tokens = try DocumentWalk.tokens(of: sentence, tagger: tagger, path: document.path)
                    let offsets = sentence.utf8Offsets
                    // In text order; at one place, in theme order.
                    var found: [(theme: Int, range: Range<Int>)] = []
                    for (theme, ranges) in matcher.matches(
                        in: sentence.string, tokens: tokens,
                        context: .init(variables: document.variables, sentenceNumber: sentenceNumber)
                    ).enumerated() {
                        for range in ranges { found.append((theme, range)) }
                    }
                    found.sort { lhs, rhs in
                        lhs.range.lowerBound != rhs.range.lowerBound
                            ? lhs.range.lowerBound < rhs.range.lowerBound : lhs.theme < rhs.theme
                    }
                    for (theme, range) in found {
                        do {
                            let span = sentence.originalRange(ofUTF8: range, offsets: offsets)
                            rows.append([
                                .text(document.path), document.record.map(CSVTable.Cell.integer) ?? .text(""),
                                .integer(paragraphNumber + 1), .integer(sentenceNumber),
                                .text(paragraph.speaker ?? ""), .text(themes[theme].name),
                                .text(text(span.lowerBound - context..<span.lowerBound)), .text(text(span)),
                                .text(text(span.upperBound..<span.upperBound + context)),
                                .integer(span.lowerBound), .integer(span.upperBound),
                            ])
                        }
                    }
                }
            }
        }
        return CSVTable(header: header, rows: rows)
    }
}
