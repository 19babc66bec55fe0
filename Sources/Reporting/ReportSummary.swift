import Analysis
import Foundation

/// `summary.json`: what a run found, in one small file for dashboards and scripts: corpus totals,
/// the top terms, the themes, and the theme × group table the HTML overview draws as a heatmap.
public struct ReportSummary: Sendable, Codable, Equatable {
    public struct Corpus: Sendable, Codable, Equatable {
        public var documents: Int
        public var paragraphs: Int
        public var sentences: Int
        public var characters: Int
        /// All morphemes, and those counted as terms.
        public var tokens: Int
        public var terms: Int
        public var distinctTerms: Int
        public var speakers: Int
    }

    public struct TopTerm: Sendable, Codable, Equatable {
        public var rank: Int
        public var term: String
        public var pos: String
        public var count: Int
        public var documents: Int
    }

    public struct ThemeTotal: Sendable, Codable, Equatable {
        public var theme: String
        public var occurrences: Int
        public var sentences: Int
        public var documents: Int
    }

    /// Sentences with each theme, per group (`--group-by`) or, without one, per document.
    public struct ThemeTable: Sendable, Codable, Equatable {
        public struct Row: Sendable, Codable, Equatable {
            public var group: String
            public var sentences: Int
            /// Per theme, in `themes` order.
            public var themeSentences: [Int]
        }

        /// `speaker`, `folder`, a variable's name, or `document`.
        public var by: String
        public var themes: [String]
        public var rows: [Row]
        /// Rows before the cap (documents only: at most `maximumDocumentRows` are listed).
        public var totalRows: Int
    }

    public var corpus: Corpus
    /// The unit co-occurrence was counted in (`--unit`).
    public var cooccurrenceUnit: String
    public var topTerms: [TopTerm]
    public var themes: [ThemeTotal]
    public var themeTable: ThemeTable

    /// How many top terms are listed, and at most how many documents the theme table shows.
    public static let topTermCount = 50
    public static let maximumDocumentRows = 60

    public init(counts: CorpusCounts, themes: [Theme], bounds: TermBounds) {
        let context = ReportContext(counts, bounds: bounds)
        self.init(context, themes: themes, termFrequency: Reports.termFrequency(context))
    }

    /// The summary, its top terms taken from `termFrequency` (the table of `term_frequency.csv`).
    init(_ context: ReportContext, themes: [Theme], termFrequency: CSVTable) {
        let counts = context.counts
        var (characters, speakers) = (0, Set<String>())
        // Summaries are read through a span, field by field (`ReportContext.Documents`).
        let documents = counts.documents.span
        for index in documents.indices {
            characters += documents[index].characterCount
            for speaker in documents[index].speakers { speakers.insert(speaker.name) }
        }
        corpus = Corpus(
            documents: counts.documentCount, paragraphs: counts.paragraphCount, sentences: counts.sentenceCount,
            characters: characters, tokens: counts.tokenCount,
            terms: counts.termTokenCount, distinctTerms: counts.terms.count, speakers: speakers.count)
        cooccurrenceUnit = counts.unitName
        topTerms = termFrequency.firstRows(Self.topTermCount).compactMap { row in
            guard case .integer(let rank) = row[0], case .text(let term) = row[1], case .text(let pos) = row[2],
                case .integer(let count) = row[3], case .integer(let documents) = row[4]
            else { return nil }
            return TopTerm(rank: rank, term: term, pos: pos, count: count, documents: documents)
        }
        self.themes = themes.indices.map { index in
            ThemeTotal(
                theme: themes[index].name, occurrences: counts.themeOccurrences[index],
                sentences: counts.themeSentences[index], documents: counts.themeDocuments[index])
        }
        if let grouping = counts.grouping {
            let groups = counts.groupSentences.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            themeTable = ThemeTable(
                by: grouping.name, themes: counts.themeNames,
                rows: groups.map { group in
                    ThemeTable.Row(
                        group: GroupName.shown(group), sentences: counts.groupSentences[group] ?? 0,
                        themeSentences: counts.groupThemeSentences[group]
                            ?? Array(repeating: 0, count: counts.themeNames.count))
                },
                totalRows: groups.count)
        } else {
            let order = context.documents.order
            themeTable = ThemeTable(
                by: "document", themes: counts.themeNames,
                rows: { () -> [ThemeTable.Row] in
                    let documents = counts.documents.span
                    return order.prefix(Self.maximumDocumentRows).map { index in
                        let path = documents[index].path
                        return ThemeTable.Row(
                            group: documents[index].record.map { "\(path)#\($0)" } ?? path,
                            sentences: documents[index].sentenceCount, themeSentences: documents[index].themeSentences)
                    }
                }(),
                totalRows: order.count)
        }
    }

    /// Pretty-printed JSON with sorted, snake_case keys: the same counts give the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
