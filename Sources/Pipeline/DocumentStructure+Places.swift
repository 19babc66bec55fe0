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
        forEachPlacedSentence { sentence, place in placed.append((sentence, place)) }
        return placed
    }

    /// Calls `body` with each sentence, in order, and its place (as `placedSentences`), without
    /// gathering them into an array first: the worker's loop over a document's sentences.
    public func forEachPlacedSentence<Failure: Error>(
        _ body: (TracedText, SentencePlace) throws(Failure) -> Void
    ) throws(Failure) {
        var section = 0
        var title: String?
        for (index, paragraph) in paragraphs.enumerated() {
            if paragraph.section != title {
                if index > 0 { section += 1 }
                title = paragraph.section
            }
            let place = SentencePlace(speaker: paragraph.speaker, paragraph: index, turn: paragraph.turn, section: section)
            for sentence in paragraph.sentences { try body(sentence, place) }
        }
    }
}
