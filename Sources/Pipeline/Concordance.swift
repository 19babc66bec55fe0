import Analysis
import Corpus
import Foundation
import Reporting
import TextPreparation
import Tokenization

/// The concordance (KWIC, KH Coder's コンコーダンス): every occurrence of the themes and of given
/// words in context, shown in the original text: the characters before, the match as written,
/// the characters after, with its document, paragraph, sentence and speaker.
///
/// Matches are the theme matcher's, so a line of the concordance is exactly an occurrence that
/// `themes.csv` counts: found in the normalized sentence at token boundaries, under the case fold,
/// then traced back to the original characters. Line breaks in the context show as spaces, but
/// those layout repair joined inside a paragraph, which vanish.
/// `kotoba run` keeps each document's lines with its analysis (`kwic.csv`); `kotoba kwic` prints
/// them for any words without counting anything.
public enum Concordance {
    /// A sentence of a document as the concordance needs it: its number in the document (from
    /// 0), traced text, place, tokens and hits (`match` indexes the names looked for).
    typealias Sentence = (number: Int, traced: TracedText, place: SentencePlace, tokens: [Token], hits: [DocumentAnalysis.Hit])

    /// The version of the lines' text, part of the analysis identity (the cache keeps the lines):
    /// 2 since line breaks joined inside a paragraph vanish from the context.
    static let version = 2

    /// The lines of one document: its original `text`, and its sentences with hits (others may be
    /// left out), with `context` characters on each side; `joins` are the document's stretches
    /// of the original left out inside paragraphs (`DocumentStructure.joins`).
    ///
    /// The context is the original text, but for line breaks: one that layout repair joined
    /// (a join holding a line break) shows as the paragraph reads, without it and what was removed
    /// with it (`下請⏎け型` → `下請け型`), or as one space where the join put one between Latin
    /// words; any other line break (between paragraphs) shows as a space.
    static func lines(text: String, sentences: [Sentence], names: [String], context: Int, joins: [TracedText.Gap] = [])
        -> [KwicLine]
    {
        guard sentences.contains(where: { !$0.hits.isEmpty }) else { return [] }
        let original = Array(text.unicodeScalars)
        let isLineBreak = { (scalar: Unicode.Scalar) in
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
            default: false
            }
        }
        let joined = joins.filter { join in
            original[join.original.clamped(to: 0..<original.count)].contains(where: isLineBreak)
        }
        func excerpt(_ range: Range<Int>) -> String {
            let range = range.clamped(to: 0..<original.count)
            var shown = String.UnicodeScalarView()
            // The first join that ends after the range starts.
            var (low, high) = (0, joined.count)
            while low < high {
                let middle = (low + high) / 2
                if joined[middle].original.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            var next = low
            var index = range.lowerBound
            while index < range.upperBound {
                if next < joined.count, joined[next].original.lowerBound <= index {
                    if joined[next].bridged { shown.append(" ") }
                    index = joined[next].original.upperBound
                    next += 1
                    continue
                }
                let scalar = original[index]
                if scalar == "\r" && index + 1 < range.upperBound && original[index + 1] == "\n" {
                    shown.append(" ")
                    index += 2
                    continue
                }
                shown.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
                index += 1
            }
            return String(shown)
        }
        var lines: [KwicLine] = []
        for sentence in sentences where !sentence.hits.isEmpty {
            for hit in sentence.hits {
                let bytes =
                    sentence.tokens[hit.firstToken].byteRange.lowerBound..<sentence.tokens[hit.lastToken].byteRange.upperBound
                let span = sentence.traced.originalRange(ofUTF8: bytes)
                lines.append(
                    KwicLine(
                        paragraph: sentence.place.paragraph + 1, sentence: sentence.number + 1, speaker: sentence.place.speaker,
                        match: names[hit.match], left: excerpt(span.lowerBound - context..<span.lowerBound),
                        keyword: excerpt(span), right: excerpt(span.upperBound..<span.upperBound + context),
                        start: span.lowerBound, end: span.upperBound))
            }
        }
        return lines
    }

    /// The `words` (as given to `table`) that no line of `table`, a concordance, matches: a
    /// word found nowhere, which `kotoba kwic` names in a warning as `kotoba run --kwic` does.
    static func wordsNotFound(_ words: [String], in table: CSVTable) -> [String] {
        guard let column = KwicTable.header.firstIndex(of: "match") else { return words }
        var found: Set<String> = []
        for row in table.rows { if case .text(let match) = row[column] { found.insert(match) } }
        var seen: Set<String> = []
        return words.filter { !found.contains($0) && seen.insert($0).inserted }
    }

    /// The concordance of the inputs of `pipeline`'s configuration for its themes and words
    /// looked for (`kwic`), with `kwicContext` characters on each side; a word that is also a
    /// theme's name is looked for once.
    static func table(_ pipeline: Pipeline, setup: Pipeline.Setup) throws(PipelineError) -> CSVTable {
        var themes = setup.themes
        themes += setup.words.filter { word in !themes.contains { $0.name == word.name } }
        guard !themes.isEmpty else {
            throw .configuration("nothing to look for: give --word WORD or a theme file (--themes)")
        }
        let context = pipeline.configuration.kwicContext
        let key = Pipeline.keyFunction(setup.normalizer)
        var rows: [[CSVTable.Cell]] = []
        try DocumentWalk.run(pipeline, setup: setup) { document, structure, tagger throws(PipelineError) in
            let matcher = ThemeMatcher(themes: themes, key: key, family: tagger.layout.family)
            var sentences: [Sentence] = []
            for (number, (sentence, place)) in structure.placedSentences.enumerated() {
                let tokens = try DocumentWalk.tokens(of: sentence, tagger: tagger, path: document.path)
                let context = ThemeMatcher.Context(variables: document.variables, sentenceNumber: number + 1)
                let hits = matcher.hits(in: sentence.string, tokens: tokens, context: context)
                if !hits.isEmpty { sentences.append((number, sentence, place, tokens, hits)) }
            }
            for line in lines(
                text: document.text, sentences: sentences, names: themes.map(\.name), context: context, joins: structure.joins)
            {
                rows.append(KwicTable.row(line, path: document.reportPath, record: document.record))
            }
        }
        return CSVTable(header: KwicTable.header, rows: rows)
    }
}
