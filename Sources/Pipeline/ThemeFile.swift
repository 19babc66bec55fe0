import Analysis
import Corpus
import Foundation
import TextPreparation

/// Reads a theme file: YAML with a list of themes, or a KH Coder coding-rule file.
///
/// A YAML theme has a name and any of:
/// - `terms`: words and phrases matched in the normalized text at token boundaries
///   (`ThemeMatcher`);
/// - `words`: base forms (基本形), matched token by token, so `活性化する` finds 活性化し and 活性化した;
/// - `globs`: base-form patterns, `*` for any run of characters and `?` for one (`零細*`, `*事業者`);
/// - `rule`: a KH Coder coding rule (`CodingRuleParser`), whose `<＊name>` may name an earlier theme
///   of the file (only earlier ones, so references cannot form a cycle).
///
/// A theme of `terms` alone counts its forms' occurrences as before. Any other theme is a rule
/// theme: its parts are joined with `or`, and its occurrences in a sentence are the hits of its
/// positive atoms when the sentence matches, overlapping hits once, and at least one (see
/// `ThemeMatcher`). Forms, words, globs and the rule's words and strings are normalized like the
/// text and keyed like terms, so `ＭＡＣＣ` or `macc` in the file matches `MACC` in the text.
///
/// ```yaml
/// version: 1
/// themes:
///   - name: 地域活性化
///     terms: [地域活性化, 地域の活性化, まちづくり]
///   - name: 小規模事業者
///     globs: [零細*, "*事業者"]
///     rule: ( 中小 and 企業 ) or near(小規模-事業)[b3]
/// ```
///
/// A coding-rule file is read if its name ends in `.cod` or `.txt`, or if its first line that is
/// neither blank nor a `#` comment starts with `＊` or `*`. It may be UTF-8 (with or without a
/// byte-order mark) or CP932/Shift_JIS, KH Coder's own encoding on Windows. Each code is a theme.
public enum ThemeFile {
    public struct Contents: Decodable, Sendable {
        var version: Int?
        var themes: [Entry]
    }

    public struct Entry: Decodable, Sendable {
        var name: String
        var terms: [String]?
        var words: [String]?
        var globs: [String]?
        var rule: String?
    }

    /// The highest theme-file version this build reads.
    public static let version = 1

    /// The keys a YAML theme file may hold: a misspelt one (`glob`) is an error, not a part of
    /// a theme silently left out.
    static let schema = YAMLSchema(
        keys: ["version", "themes"], nested: ["themes": YAMLSchema(keys: ["name", "terms", "words", "globs", "rule"])])

    /// Whether the file at `path`, with contents `text`, is a coding-rule file.
    public static func isRuleFile(path: String, text: String) -> Bool {
        let suffix = (path as NSString).pathExtension.lowercased()
        if suffix == "cod" || suffix == "txt" { return true }
        let text = text.first == "\u{FEFF}" ? text.dropFirst() : Substring(text)
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            return line.first == "＊" || line.first == "*"
        }
        return false
    }

    /// Loads, checks and prepares the theme file at `path`, of either kind.
    /// - Throws: `PipelineError.themeRules` with every error of a coding-rule file, or
    ///   `PipelineError.themes` naming the file and every problem found.
    public static func load(path: String, normalizer: TextNormalizer) throws(PipelineError) -> [Theme] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .themes(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        let text: String
        do {
            text = try TextDecoder().decode(data, path: path).text
        } catch {
            throw .themes(path: path, reason: "the file is neither UTF-8 nor CP932 text (\(error))")
        }
        return try parse(text, path: path, normalizer: normalizer)
    }

    /// Parses theme-file text of either kind; `path` tells the kind by its extension and is used
    /// in messages.
    public static func parse(_ text: String, path: String, normalizer: TextNormalizer) throws(PipelineError)
        -> [Theme]
    {
        if isRuleFile(path: path, text: text) { return try rules(text, path: path, normalizer: normalizer) }
        switch YAMLDocument.decode(Contents.self, text: text, schema: schema) {
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

    /// The codes of a coding-rule file as themes, with their words normalized.
    static func rules(_ text: String, path: String, normalizer: TextNormalizer) throws(PipelineError) -> [Theme] {
        let codes: [CodingRuleParser.Code]
        switch CodingRuleParser.parseFile(text) {
        case .success(let parsed): codes = parsed
        case .failure(let failure): throw .themeRules(path: path, errors: failure.errors)
        }
        var errors: [CodingRuleError] = []
        var themes: [Theme] = []
        for code in codes {
            do throws(Problem) {
                // The condition as written stands for the theme's forms in reports (themes.csv).
                themes.append(
                    Theme(
                        name: code.name, rule: try normalized(code.rule, normalizer: normalizer), forms: [code.source],
                        normalizedForms: [code.source]))
            } catch {
                errors.append(CodingRuleError(line: code.line, column: 1, reason: "the code '＊\(code.name)': \(error.reason)"))
            }
        }
        guard errors.isEmpty else { throw .themeRules(path: path, errors: errors) }
        return themes
    }

    /// Why a word of a rule cannot be used.
    struct Problem: Error {
        var reason: String
    }

    /// A form normalized like the text and keyed like terms.
    static func normalize(_ form: String, normalizer: TextNormalizer) throws(Problem) -> String {
        do {
            let value = try normalizer.key(try normalizer.normalize(form))
            if value.isEmpty { throw Problem(reason: "'\(form)' is empty after normalization") }
            return value
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(reason: "'\(form)': \(error)")
        }
    }

    /// `rule` with its words, surfaces and strings normalized like the text.
    static func normalized(_ rule: CodingRule, normalizer: TextNormalizer) throws(Problem) -> CodingRule {
        try rule.mapText { (form) throws(Problem) -> String in try normalize(form, normalizer: normalizer) }
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
        var rules: [String: CodingRule] = [:]
        for (position, entry) in contents.themes.enumerated() {
            let label = "theme \(position + 1) ('\(entry.name)')"
            let name = entry.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { problems.append("theme \(position + 1): the name is empty") }
            if !names.insert(name).inserted { problems.append("\(label): the name is used twice") }
            let terms = entry.terms ?? []
            if entry.terms == nil, entry.words == nil, entry.globs == nil, entry.rule == nil {
                problems.append("\(label): give 'terms', 'words', 'globs' or 'rule'")
                continue
            }
            for (key, list) in [("terms", entry.terms), ("words", entry.words), ("globs", entry.globs)] where list?.isEmpty == true {
                problems.append("\(label): '\(key)' is empty")
            }
            var count = problems.count
            func prepared(_ forms: [String], _ what: String) -> [String] {
                forms.compactMap { form in
                    do throws(Problem) {
                        return try normalize(form, normalizer: normalizer)
                    } catch {
                        problems.append(
                            error.reason.hasSuffix("is empty after normalization")
                                ? "\(label): the \(what) '\(form)' is empty after normalization"
                                : "\(label): the \(what) \(error.reason)")
                        return nil
                    }
                }
            }
            let normalizedTerms = prepared(terms, "term")
            let words = prepared(entry.words ?? [], "word")
            let globs = prepared(entry.globs ?? [], "glob")
            var parts: [CodingRule] = []
            if !normalizedTerms.isEmpty { parts.append(.atom(.forms(normalizedTerms))) }
            parts += words.map { .atom(.word(CodingRule.WordPattern(baseForm: $0))) }
            parts += globs.map { .atom(.glob($0)) }
            if let text = entry.rule {
                switch CodingRuleParser.parseRule(text, rules: rules) {
                case .success(let rule):
                    do throws(Problem) {
                        parts.append(try normalized(rule, normalizer: normalizer))
                    } catch {
                        problems.append("\(label): the rule's word \(error.reason)")
                    }
                case .failure(let failure):
                    problems += failure.errors.map { "\(label): rule, column \($0.column): \($0.reason)" }
                }
            }
            guard problems.count == count else { continue }
            count = problems.count
            if entry.words == nil, entry.globs == nil, entry.rule == nil {
                rules[name] = .atom(.forms(normalizedTerms))
                themes.append(Theme(name: name, forms: terms, normalizedForms: normalizedTerms))
            } else {
                let kind = [("terms", entry.terms), ("words", entry.words), ("globs", entry.globs)]
                    .filter { $0.1 != nil }.map(\.0) + (entry.rule == nil ? [] : ["rule"])
                let rule = parts.dropFirst().reduce(parts[0]) { CodingRule.or($0, $1) }
                rules[name] = rule
                // Terms, words, globs and the rule as written stand for the theme's forms in reports.
                let written = terms + (entry.words ?? []) + (entry.globs ?? []) + (entry.rule.map { [$0] } ?? [])
                themes.append(
                    Theme(name: name, rule: rule, kind: kind.joined(separator: "+"), forms: written, normalizedForms: written))
            }
        }
        guard problems.isEmpty else { throw .themes(path: path, reason: problems.joined(separator: "; ")) }
        return themes
    }
}
