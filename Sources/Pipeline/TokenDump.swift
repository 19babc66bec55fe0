import Corpus
import Foundation
import TextPreparation
import Tokenization

/// `kotoba tokenize`: shows what the tokenizer sees and what MeCab makes of it, one document after
/// another in input order, without counting anything.
public enum TokenDump {
    public enum Format: String, Sendable, CaseIterable {
        /// MeCab's own default output: `surface<TAB>features` per token, `EOS` after each sentence.
        case mecab
        /// The normalized sentences, one per line: feed them to the `mecab` command to compare.
        case sentences
        /// Each token with its span in the original text, as tab-separated values under a header
        /// line (`offsetsHeader`): the document (path, and record for a table's row or an input
        /// line), the paragraph and sentence in it (from 1, as in `kwic.csv`), the token, its
        /// start and end in Unicode scalars of the document's decoded text (from 0), and that
        /// text. Text fields are escaped (`offsetsField`), so every line has the same columns.
        case offsets
        /// One JSON object per paragraph: kind, section, speaker, turn, the document's variables
        /// and the sentences.
        case structure
    }

    /// One line of `structure` output.
    struct ParagraphRecord: Encodable {
        var path: String
        var record: Int?
        var paragraph: Int
        var kind: String
        var level: Int?
        var footnote: String?
        var section: String?
        var speaker: String?
        var turn: Int?
        /// The document's variables (a table row's other columns, `--metadata`), when it has any.
        var variables: [String: String]?
        var sentences: [String]
    }

    /// The first line of `offsets` output: its columns.
    public static let offsetsHeader = "path\trecord\tparagraph\tsentence\tsurface\tstart\tend\toriginal\n"

    /// A text field of `offsets` output: a backslash, tab, line feed and carriage return are
    /// written `\\`, `\t`, `\n` and `\r`, so that a field never splits a line or a column.
    static func offsetsField(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Tokenizes the inputs of `pipeline`'s configuration and hands the text to `write`, one
    /// document at a time.
    static func run(_ pipeline: Pipeline, setup: Pipeline.Setup, format: Format, write: (String) -> Void) throws(PipelineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if format == .offsets { write(offsetsHeader) }
        try DocumentWalk.run(pipeline, setup: setup) { document, structure, tagger throws(PipelineError) in
            // The original characters, which only `offsets` shows.
            let original = format == .offsets ? Array(document.text.unicodeScalars) : []
            let documentFields = offsetsField(document.reportPath) + "\t" + (document.record.map(String.init) ?? "")
            let variables =
                document.variables.isEmpty
                ? nil : Dictionary(document.variables.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            var sentenceNumber = 0
            var text = ""
            for (number, paragraph) in structure.paragraphs.enumerated() {
                if format == .structure {
                    let record = ParagraphRecord(
                        path: document.reportPath, record: document.record, paragraph: number + 1,
                        kind: paragraph.kind.name, level: paragraph.kind.level, footnote: paragraph.kind.footnote,
                        section: paragraph.section, speaker: paragraph.speaker, turn: paragraph.turn,
                        variables: variables, sentences: paragraph.sentences.map(\.string))
                    text += String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self) + "\n"
                    continue
                }
                for sentence in paragraph.sentences {
                    sentenceNumber += 1
                    if format == .sentences {
                        text += sentence.string + "\n"
                        continue
                    }
                    let tokens = try DocumentWalk.tokens(of: sentence, tagger: tagger, path: document.path)
                    let sentenceText = sentence.string
                    for token in tokens {
                        let surface = token.surface(in: sentenceText)
                        if format == .mecab {
                            text += surface + "\t" + token.features.raw + "\n"
                        } else {
                            let span = sentence.originalRange(ofUTF8: token.byteRange)
                            let written = offsetsField(String(String.UnicodeScalarView(original[span])))
                            text += "\(documentFields)\t\(number + 1)\t\(sentenceNumber)\t\(offsetsField(surface))"
                                + "\t\(span.lowerBound)\t\(span.upperBound)\t\(written)\n"
                        }
                    }
                    if format == .mecab { text += "EOS\n" }
                }
            }
            write(text)
        }
    }
}

extension Paragraph.Kind {
    var name: String {
        switch self {
        case .body: "body"
        case .heading: "heading"
        case .footnote: "footnote"
        }
    }

    var level: Int? { if case .heading(let level) = self { level } else { nil } }
    var footnote: String? { if case .footnote(let id) = self { id } else { nil } }
}
