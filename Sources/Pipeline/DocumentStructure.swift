import Corpus
import Normalization

/// A document cut into paragraphs and normalized sentences: what the tokenizer sees.
public struct DocumentStructure: Sendable {
    public struct Paragraph: Sendable {
        public var speaker: String?
        /// Normalized sentences of the paragraph.
        public var sentences: [String]
    }

    public var paragraphs: [Paragraph]

    /// All sentences, in order.
    public var sentences: [String] { paragraphs.flatMap(\.sentences) }

    /// Structures `text`: lines joined into paragraphs (`LayoutRepair`), speaker labels split off
    /// (`SpeakerTurns`, before normalization removes the space after a label), each paragraph
    /// normalized (`TextNormalizer`) and split into sentences (`SentenceSplitter`).
    public init(
        text: String, layout: LayoutRepair = LayoutRepair(), normalizer: TextNormalizer,
        splitter: SentenceSplitter = SentenceSplitter()
    ) throws(NormalizationError) {
        var paragraphs: [Paragraph] = []
        for paragraph in SpeakerTurns.paragraphs(from: layout.paragraphs(in: text)) {
            let sentences = splitter.sentences(in: try normalizer.normalize(paragraph.text))
            if !sentences.isEmpty {
                paragraphs.append(Paragraph(speaker: paragraph.speaker, sentences: sentences))
            }
        }
        self.paragraphs = paragraphs
    }
}
