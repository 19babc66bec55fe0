import Analysis
import TextPreparation

/// Where each sentence of a structured document stands, in the terms Analysis counts co-occurrence
/// units in (`SentencePlace`). It lives here, where the two stages meet, so that TextPreparation
/// knows nothing of Analysis and Analysis nothing of TextPreparation.
extension DocumentStructure {
    /// All sentences, in order, with their place: paragraph (by index), its speaker and turn,
    /// and the section (by index: one more whenever the section title changes).
    public var placedSentences: [(sentence: TracedText, place: SentencePlace)] {
        var placed: [(sentence: TracedText, place: SentencePlace)] = []
        forEachPlacedSentence { paragraph, range, place in placed.append((paragraph[range], place)) }
        return placed
    }

    /// Calls `body` with each sentence, in order, as its paragraph's normalized text and its
    /// byte range there, and with its place (as `placedSentences`): the worker's loop over a
    /// document's sentences, which copies none of them.
    public func forEachPlacedSentence<Failure: Error>(
        _ body: (_ paragraph: TracedText, _ sentence: Range<Int>, SentencePlace) throws(Failure) -> Void
    ) throws(Failure) {
        var section = 0
        var title: String?
        // Through a span: each paragraph is read where it lies, not copied (with its strings, text
        // and ranges retained and released) for every paragraph of every document.
        let paragraphs = self.paragraphs.span
        for index in paragraphs.indices {
            if paragraphs[index].section != title {
                if index > 0 { section += 1 }
                title = paragraphs[index].section
            }
            let place = SentencePlace(
                speaker: paragraphs[index].speaker, paragraph: index, turn: paragraphs[index].turn, section: section)
            for range in paragraphs[index].sentenceRanges { try body(paragraphs[index].text, range, place) }
        }
    }
}

extension DocumentStructure {
    /// The UTF-8 bytes of all sentences: what MeCab is given of the document.
    var sentenceBytes: Int {
        var bytes = 0
        for index in paragraphs.indices {
            for range in paragraphs[index].sentenceRanges { bytes += range.count }
        }
        return bytes
    }
}
