import Corpus

/// A document cut into paragraphs and normalized sentences, traced to the original: what the
/// tokenizer sees, and where each sentence stands (section, speaker turn, paragraph).
public struct DocumentStructure: Sendable {
    public struct Paragraph: Sendable {
        public var kind: TextPreparation.Paragraph.Kind
        /// The speaker, normalized like the text.
        public var speaker: String?
        public var turn: Int?
        /// The section title, normalized like the text.
        public var section: String?
        /// The normalized paragraph, traced to the original text.
        public var text: TracedText
        /// Its sentences, as byte ranges of `text`: a sentence is read where it lies (MeCab and
        /// the analyzer take its bytes), and made a text of its own only where one is needed
        /// (`sentences`, the concordance). A slice of the document's one array of ranges.
        public var sentenceRanges: ArraySlice<Range<Int>>

        /// Its sentences, each traced to the original text (copies of the ranges of `text`).
        public var sentences: [TracedText] { sentenceRanges.map { text[$0] } }

        /// The number of Unicode scalars of its sentences (spaces between them not counted).
        var sentenceScalarCount: Int {
            sentenceRanges.reduce(0) { $0 + UTF8Text.scalarCount(in: text.utf8, $1) }
        }
    }

    public var paragraphs: [Paragraph]

    /// The stretches of the original that layout repair (or the Markdown reader) left out inside
    /// a paragraph, in order: joined line breaks, with what was removed between the lines. The
    /// concordance leaves those holding a line break out of its context (`Concordance`).
    public var joins: [TracedText.Gap]

    /// All sentences, in order.
    public var sentences: [TracedText] { paragraphs.flatMap(\.sentences) }

    /// Structures `document`: Markdown is read as Markdown, other text has its layout repaired
    /// (`LayoutRepair`); then sections, speaker turns and footnotes are found (`StructureReader`,
    /// before normalization removes the space after a speaker label), and each paragraph is
    /// normalized (`TextNormalizer`) and split into sentences (`SentenceSplitter`).
    public init(
        document: borrowing SourceDocument, normalizer: TextNormalizer, layout: LayoutRepair = LayoutRepair(),
        splitter: SentenceSplitter = SentenceSplitter()
    ) throws(NormalizationError) {
        let original = TracedText(original: document.text)
        let blocks = document.format == .markdown ? MarkdownReader().blocks(in: original) : layout.blocks(in: original)
        // A text's own gaps are in order already (`TracedText.gaps`).
        joins =
            blocks.count == 1
            ? blocks[0].text.gaps : blocks.flatMap(\.text.gaps).sorted { $0.original.lowerBound < $1.original.lowerBound }
        var paragraphs: [Paragraph] = []
        // Every paragraph of a turn or section repeats its speaker and title: normalize each once.
        // The label of the paragraph before is compared first, byte for byte: hashing a `String`
        // that is not ASCII normalizes it, and a turn's paragraphs follow one another.
        var normalizedLabels: [String: String] = [:]
        var recentLabels: [(label: String, normalized: String)] = []
        func normalizedLabel(_ label: String?) throws(NormalizationError) -> String? {
            guard let label else { return nil }
            for recent in recentLabels
            where recent.label.utf8.count == label.utf8.count && recent.label.utf8.elementsEqual(label.utf8) {
                return recent.normalized
            }
            let normalized: String
            if let known = normalizedLabels[label] {
                normalized = known
            } else {
                normalized = try normalizer.normalize(label)
                normalizedLabels[label] = normalized
            }
            // The last two labels asked for: a paragraph's speaker and its section title.
            if recentLabels.count == 2 { recentLabels.removeFirst() }
            recentLabels.append((label, normalized))
            return normalized
        }
        // The sentences of all paragraphs in one array; each paragraph gets its slice once the
        // array is whole (a slice taken while it grows would make every append copy it).
        var ranges: [Range<Int>] = []
        var ends: [Int] = []
        for paragraph in StructureReader().paragraphs(from: blocks) {
            let text = try normalizer.normalize(paragraph.text)
            let start = ranges.count
            splitter.appendSentenceRanges(in: text, to: &ranges)
            guard ranges.count > start else { continue }
            ends.append(ranges.count)
            paragraphs.append(
                Paragraph(
                    kind: paragraph.kind, speaker: try normalizedLabel(paragraph.speaker), turn: paragraph.turn,
                    section: try normalizedLabel(paragraph.section), text: text, sentenceRanges: []))
        }
        var start = 0
        for (index, end) in ends.enumerated() {
            paragraphs[index].sentenceRanges = ranges[start..<end]
            start = end
        }
        self.paragraphs = paragraphs
    }

    /// Per speaker, in order of their first turn: turns, paragraphs, sentences and characters
    /// (Unicode code points of the normalized sentences).
    ///
    /// A document has few speakers, and a turn's paragraphs follow one another: the speaker is
    /// found by comparing with the last paragraph's, then among the few seen, not by hashing
    /// every paragraph's name (a `String` hash normalizes non-ASCII text each time).
    public var speakerSummaries: [(name: String, turns: Int, paragraphs: Int, sentences: Int, characters: Int)] {
        var summaries: [(name: String, turns: Int, paragraphs: Int, sentences: Int, characters: Int)] = []
        var turns: [[Int]] = []
        var last = -1
        for paragraph in paragraphs {
            guard let speaker = paragraph.speaker else { continue }
            if last < 0 || summaries[last].name != speaker {
                if let known = summaries.firstIndex(where: { $0.name == speaker }) {
                    last = known
                } else {
                    summaries.append((speaker, 0, 0, 0, 0))
                    turns.append([])
                    last = summaries.count - 1
                }
            }
            if let turn = paragraph.turn, turns[last].last != turn, !turns[last].contains(turn) {
                turns[last].append(turn)
                summaries[last].turns += 1
            }
            summaries[last].paragraphs += 1
            summaries[last].sentences += paragraph.sentenceRanges.count
            summaries[last].characters += paragraph.sentenceScalarCount
        }
        return summaries
    }
}
