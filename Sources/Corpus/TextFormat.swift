/// How a file's text is laid out, decided by its extension.
public enum TextFormat: String, Sendable, Codable {
    /// Plain text, possibly extracted from PDF: paragraphs are rebuilt from the layout.
    case plain
    /// Markdown: markup is stripped, headings become sections.
    case markdown
    /// A table whose rows are documents: comma-separated (`.csv`) or tab-separated (`.tsv`).
    case csv, tsv
    /// One document a line, `id<TAB>text`: standard input in filter mode.
    case lines

    /// The format of a file named `path`.
    public init(path: String) {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "tsv": self = .tsv
        default: self = .plain
        }
    }

    /// The delimiter of a table format.
    var delimiter: Unicode.Scalar? {
        switch self {
        case .csv: ","
        case .tsv: "\t"
        case .plain, .markdown, .lines: nil
        }
    }
}
