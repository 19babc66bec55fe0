import Analysis
import Foundation
import Normalization
import Yams

/// Reads a theme file: YAML with a list of themes, each a name and the words and phrases that
/// express it. Forms are normalized like the text and keyed like terms, so `ＭＡＣＣ` or `macc` in
/// the file matches `MACC` in the text.
///
/// ```yaml
/// version: 1
/// themes:
///   - name: 地域活性化
///     terms: [地域活性化, 地域の活性化, まちづくり]
/// ```
public enum ThemeFile {
    struct Contents: Decodable {
        var version: Int?
        var themes: [Entry]
    }

    struct Entry: Decodable {
        var name: String
        var terms: [String]
    }

    /// The highest theme-file version this build reads.
    public static let version = 1

    /// Loads and checks the theme file at `path`.
    /// - Throws: `PipelineError.themes` naming the file and every problem found.
    public static func load(path: String, normalizer: TextNormalizer) throws(PipelineError) -> [Theme] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .themes(path: path, reason: "cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .themes(path: path, reason: "the theme file is not valid UTF-8")
        }
        return try parse(text, path: path, normalizer: normalizer)
    }

    /// Parses theme-file text; `path` is only used in messages.
    public static func parse(_ text: String, path: String, normalizer: TextNormalizer) throws(PipelineError)
        -> [Theme]
    {
        let contents: Contents
        do {
            contents = try YAMLDecoder().decode(Contents.self, from: text)
        } catch {
            throw .themes(path: path, reason: describe(error))
        }
        if let version = contents.version, version > Self.version {
            throw .themes(path: path, reason: "version \(version) is not supported (highest: \(Self.version))")
        }
        var problems: [String] = []
        var names: Set<String> = []
        var themes: [Theme] = []
        for (position, entry) in contents.themes.enumerated() {
            let label = "theme \(position + 1) ('\(entry.name)')"
            let name = entry.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { problems.append("theme \(position + 1): the name is empty") }
            if !names.insert(name).inserted { problems.append("\(label): the name is used twice") }
            if entry.terms.isEmpty { problems.append("\(label): 'terms' is empty") }
            var normalized: [String] = []
            for form in entry.terms {
                do {
                    let value = try normalizer.key(try normalizer.normalize(form))
                    if value.isEmpty { problems.append("\(label): the term '\(form)' is empty after normalization") }
                    normalized.append(value)
                } catch {
                    problems.append("\(label): the term '\(form)': \(error)")
                }
            }
            if normalized.count == entry.terms.count {
                themes.append(Theme(name: name, forms: entry.terms, normalizedForms: normalized))
            }
        }
        guard problems.isEmpty else { throw .themes(path: path, reason: problems.joined(separator: "; ")) }
        return themes
    }

    /// A one-line description of a YAML or decoding error, with line and column where known.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            if let underlying = context.underlyingError { return describe(underlying) }
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        default:
            return "invalid YAML: " + "\(error)".replacingOccurrences(of: "\n", with: " ")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty
            ? "the top level"
            : codingPath.map { $0.intValue.map { "[\($0 + 1)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
