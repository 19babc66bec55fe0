import Analysis
import Foundation
import TextPreparation

/// A vocabulary file: the analyst's choices of what counts as a term, in YAML, to version with the
/// corpus. Every key is optional.
///
/// ```yaml
/// version: 1
/// preset: khcoder                 # khcoder | content | nouns | all
/// include: [副詞B]                 # categories or part-of-speech paths added to the preset
/// exclude: [名詞-数, 代名詞]         # … or taken away
/// term_form: lemma                # lemma | surface
/// force_pick: [地域活性化, 小規模事業者]
/// synonyms:                       # the term, and the forms counted as it
///   中小機構: [中小企業基盤整備機構, 独立行政法人中小企業基盤整備機構]
/// stopwords: [default, こと]        # default = kotoba's list; or words; or files (one word a line)
/// compounds: false                # count noun compounds as single terms
/// ```
public struct VocabularyFile: Sendable, Codable, Equatable {
    public var version: Int?
    public var preset: TermSelection.Preset?
    public var include: [String]?
    public var exclude: [String]?
    public var termForm: String?
    public var forcePick: [String]?
    public var synonyms: [String: [String]]?
    public var stopwords: [String]?
    public var compounds: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, preset, include, exclude, synonyms, stopwords, compounds
        case termForm = "term_form"
        case forcePick = "force_pick"
    }

    public init() {}

    /// The top-level parts of speech of the dictionaries kotoba reads (IPAdic, UniDic, JUMAN):
    /// what a part-of-speech path in `include` or `exclude` starts with.
    static let partsOfSpeech = [
        "名詞", "動詞", "形容詞", "副詞", "連体詞", "接続詞", "助詞", "助動詞", "感動詞", "記号", "フィラー", "その他",
        "接頭詞", "代名詞", "形状詞", "接頭辞", "接尾辞", "補助記号", "空白", "指示詞", "判定詞", "特殊", "未定義語",
    ]

    /// The keys a vocabulary file may hold, and what `include` and `exclude` may name: a
    /// category (`名詞B`) or a part-of-speech path (`名詞-固有名詞-人名`), so that `名詞X` is an
    /// error rather than a selection that selects nothing.
    static let schema: YAMLSchema = {
        let categories = YAMLSchema.Values(
            what: "category or part of speech", candidates: TermCategory.all + partsOfSpeech,
            isValid: { item in
                TermCategory.all.contains(item)
                    || partsOfSpeech.contains(String(item.split(separator: "-", maxSplits: 1).first ?? ""))
            })
        return YAMLSchema(
            keys: CodingKeys.allCases.map(\.rawValue), values: ["include": categories, "exclude": categories])
    }()

    /// Reads the vocabulary file at `path`.
    public static func load(path: String) throws(PipelineError) -> VocabularyFile {
        let file: VocabularyFile
        switch YAMLDocument.decode(VocabularyFile.self, path: path, schema: schema) {
        case .success(let decoded): file = decoded
        case .failure(let problem): throw .configurationFile(path: path, reason: problem.reason)
        }
        if let version = file.version, version > 1 {
            throw .configurationFile(path: path, reason: "version \(version) is not supported (highest: 1)")
        }
        if let form = file.termForm, form != "lemma" && form != "surface" {
            throw .configurationFile(path: path, reason: "term_form must be lemma or surface (got '\(form)')")
        }
        return file
    }

    /// The vocabulary these choices make, with forms normalized and keyed like the text;
    /// `relativeTo` resolves stopword files named in the vocabulary file.
    func vocabulary(normalizer: TextNormalizer, selection: TermSelection, joinsCompounds: Bool, relativeTo directory: String)
        throws(PipelineError) -> Vocabulary
    {
        func prepared(_ form: String) throws(PipelineError) -> String {
            do {
                return try normalizer.key(try normalizer.normalize(form))
            } catch {
                throw .configuration("cannot normalize '\(form)': \(error)")
            }
        }
        var entries: [Vocabulary.Entry] = []
        for word in forcePick ?? [] {
            entries.append(Vocabulary.Entry(term: try normalizer.normalizedOrSame(word), forms: [try prepared(word)]))
        }
        for (term, forms) in (synonyms ?? [:]).sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            var keyed: [String] = []
            for form in [term] + forms { keyed.append(try prepared(form)) }
            entries.append(Vocabulary.Entry(term: try normalizer.normalizedOrSame(term), forms: keyed))
        }
        var stops: Set<String> = []
        for item in stopwords ?? [] {
            if item == "default" {
                for word in DefaultStopwords.words { stops.insert(try prepared(word)) }
            } else if item.hasSuffix(".txt") {
                let path = item.hasPrefix("/") ? item : directory + "/" + item
                guard let text = try? String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8) else {
                    throw .configurationFile(path: path, reason: "cannot read the stopword list")
                }
                for line in text.split(whereSeparator: \.isNewline) {
                    let word = line.trimmingCharacters(in: .whitespaces)
                    if !word.isEmpty && !word.hasPrefix("#") { stops.insert(try prepared(word)) }
                }
            } else {
                stops.insert(try prepared(item))
            }
        }
        return Vocabulary(
            selection: selection, useSurface: termForm == "surface", entries: entries, stopwords: stops,
            joinsCompounds: joinsCompounds)
    }
}

extension TextNormalizer {
    /// `text` normalized, or as it is if normalization fails.
    func normalizedOrSame(_ text: String) throws(PipelineError) -> String {
        (try? normalize(text)) ?? text
    }
}
