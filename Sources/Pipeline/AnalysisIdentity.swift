import Analysis
import Corpus
import Foundation
import TextPreparation
import Tokenization

/// Everything that decides what a document's analysis is, hashed: the key of the incremental
/// cache and the identity partial files must share to be merged.
///
/// It covers the tool version, MeCab's version, the dictionary's content, the normalization rules,
/// how inputs are read (encoding, text column), the themes (names, matching forms and rules), and
/// the words looked for with the concordance's context (the analyses keep their concordance lines). It
/// leaves out what only shapes reports (output, minimum pair count, jobs), so those can change
/// without invalidating anything.
struct AnalysisIdentity: Codable, Sendable, Equatable {
    var tool: String
    var mecab: String
    var dictionary: String
    var termRules: String
    var normalization: [String]
    var normalizationVersion: Int
    var encoding: String?
    var textColumn: String?
    var themes: [[String]]
    /// The words looked for and the concordance's context, which the cached analyses hold.
    var words: [[String]]
    var kwicContext: Int
    /// How the concordance lines' text is made (`Concordance.version`).
    var concordance = Concordance.version
    /// The cache record's version (`AnalysisRecord.version`): records of another version are
    /// not looked up at all, rather than read as damaged (with a warning each) and replaced.
    var record = AnalysisRecord.version
    /// How an input of many documents is cut into chunks (`Pipeline.chunkBytes`, `InputJob`): the
    /// cache keeps a chunk's analyses under its number, and a damaged chunk is analyzed again
    /// from its input's documents cut the same way.
    var chunks = "\(Pipeline.chunkBytes)"
    /// When a rule theme tests document variables: the SHA-256 of the metadata table, whose
    /// variables then decide theme counts (a table's own columns are part of its bytes already).
    var themeVariables: String?
    var dictionaryFamily: String
    var userDictionaries: [String]
    var vocabulary: [String]

    /// The version of the term rules (`TermExtractor`); raise it when they change.
    static let termRulesVersion = "ipadic-khcoder-1"

    init(
        configuration: PipelineConfiguration, dictionary: DictionaryIdentity, family: String, userDictionaries: [String],
        vocabulary: Vocabulary, themes: [Theme], words: [Theme] = []
    ) {
        tool = Pipeline.version
        mecab = MeCabModel.libraryVersion
        self.dictionary = dictionary.sha256
        termRules = Self.termRulesVersion
        normalization = configuration.normalizer.ruleNames
        normalizationVersion = TextNormalizer.rulesVersion
        encoding = configuration.encoding?.rawValue
        textColumn = configuration.textColumn
        self.words = words.map { [$0.name] + $0.normalizedForms }
        kwicContext = configuration.kwicContext
        // A rule theme adds its rule's canonical text, so any change to a rule changes the identity.
        self.themes = themes.map { [$0.name] + $0.normalizedForms + ($0.rule.map { ["rule: \($0)"] } ?? []) }
        if themes.contains(where: { $0.rule?.usesVariables == true }) {
            themeVariables = configuration.metadata.map {
                ContentHash.sha256((try? Data(contentsOf: URL(fileURLWithPath: $0))) ?? Data())
            } ?? "none"
        }
        dictionaryFamily = family
        self.userDictionaries = userDictionaries
        self.vocabulary = Self.describe(vocabulary)
    }

    /// The vocabulary as lines, for hashing and the manifest.
    static func describe(_ vocabulary: Vocabulary) -> [String] {
        [
            "preset \(vocabulary.selection.preset.rawValue)",
            "include " + vocabulary.selection.include.joined(separator: " "),
            "exclude " + vocabulary.selection.exclude.joined(separator: " "),
            "form \(vocabulary.useSurface ? "surface" : "lemma")",
            "compounds \(vocabulary.joinsCompounds)",
        ] + vocabulary.entries.map { "entry \($0.term): " + $0.forms.joined(separator: " | ") }
            + ["stopwords " + vocabulary.stopwords.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: " ")]
    }

    /// SHA-256 of the identity's canonical JSON.
    var sha256: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ContentHash.sha256((try? encoder.encode(self)) ?? Data())
    }
}
