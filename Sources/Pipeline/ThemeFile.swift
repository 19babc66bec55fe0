import Analysis
import Foundation
import Normalization

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
    public struct Contents: Decodable, Sendable {
        var version: Int?
        var themes: [Entry]
    }

    public struct Entry: Decodable, Sendable {
        var name: String
        var terms: [String]
    }

    /// The highest theme-file version this build reads.
    public static let version = 1

    /// Loads and checks the theme file at `path`.
    /// - Throws: `PipelineError.themes` naming the file and every problem found.
    public static func load(path: String) throws(PipelineError) -> Contents {
        switch YAMLDocument.decode(Contents.self, path: path) {
        case .success(let contents): return contents
        case .failure(let problem): throw .themes(path: path, reason: problem.reason)
        }
    }

    /// Loads, checks and prepares the theme file at `path`.
    public static func load(path: String, normalizer: TextNormalizer) throws(PipelineError) -> [Theme] {
        try themes(from: try load(path: path), path: path, normalizer: normalizer)
    }

    /// Parses theme-file text; `path` is only used in messages.
    public static func parse(_ text: String, path: String, normalizer: TextNormalizer) throws(PipelineError)
        -> [Theme]
    {
        switch YAMLDocument.decode(Contents.self, text: text) {
        case .success(let contents): return try themes(from: contents, path: path, normalizer: normalizer)
        case .failure(let problem): throw .themes(path: path, reason: problem.reason)
        }
    }

    /// Words looked for (`--kwic`, `kotoba kwic --word`) as one-form themes named after
    /// themselves, prepared like a theme file's forms; `source` names them in messages.
    public static func words(_ words: [String], source: String, normalizer: TextNormalizer) throws(PipelineError)
        -> [Theme]
    {
        var seen: Set<String> = []
        let entries = words.filter { seen.insert($0).inserted }.map { Entry(name: $0, terms: [$0]) }
        return try themes(from: Contents(version: nil, themes: entries), path: source, normalizer: normalizer)
    }

    /// The themes of decoded `contents`, checked and with their forms prepared.
    static func themes(from contents: Contents, path: String, normalizer: TextNormalizer) throws(PipelineError)
        -> [Theme]
    {
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
}
