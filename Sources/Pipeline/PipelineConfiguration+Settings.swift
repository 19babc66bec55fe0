import Analysis
import Corpus
import Foundation
import Multivariate
import TextPreparation
import Reporting

extension PipelineConfiguration {
    /// Every key of `kotoba.yml`, once: its name, the property it sets and how, its range, and its
    /// help. The file is read (`init(from:)`), checked for unknown keys (`ConfigurationFile`),
    /// written back (`encode(to:)`, `kotoba dump-config`) and range-checked (`validateValues`)
    /// from this table, in this order; a missing key takes `fileDefaults`; the command line's
    /// option for a key prints its `help` (`setting(_:)`). A test checks that every property has
    /// a key here and that every option's help is its key's.
    public static let settings: [ConfigurationSetting] = [
        .value(
            "version", \.version, .version,
            help: "The version of the configuration's format: this build reads up to \(currentVersion)."),
        .value(
            "inputs", \.inputs, .plain,
            help: "Files and directories to read, as the paths given to 'kotoba run' ('-' for standard input; default: corpus)."),
        .value(
            "output", \.output, .plain, option: "--out",
            help: "Output directory (default: output); an existing directory kotoba did not write is refused."),
        .value(
            "jobs", \.jobs, .plain, option: "--jobs", minimum: .atLeast(1),
            whenAbsent: { ProcessInfo.processInfo.activeProcessorCount },
            help: """
                Worker threads (default: one per core): they take inputs largest first, and a table's rows (or standard \
                input's lines) in chunks of 32–128 KB of text, so one big survey CSV keeps every core busy; the reports \
                do not depend on it.
                """),
        .optional(
            "dictionary", \.dictionary, .plain, option: "--dictionary",
            help: """
                MeCab dictionary: ipadic (default), unidic or juman where the system installs it (juman is installed by \
                the setup; unidic needs unidic-mecab, about 1 GB), or a dictionary directory; the feature layout is told \
                by its dicrc.
                """),
        .optional(
            "themes", \.themes, .plain, option: "--themes",
            help: "Theme file: YAML, or KH Coder coding rules (.cod). Default: corpus/themes.yml when no inputs are given, else none."),
        .optional(
            "encoding", \.encoding, .textEncoding, option: "--encoding",
            help: "Read every input in this encoding: utf-8, utf-16le, utf-16be, shift_jis (cp932), euc-jp (default: detected per file)."),
        .optional(
            "metadata", \.metadata, .plain, option: "--metadata",
            help: "A CSV/TSV table whose first column names files and whose other columns are variables for their documents."),
        .optional(
            "cache", \.cache, .plain, option: "--cache", whenAbsent: { defaultCacheDirectory },
            help: "Where the incremental cache is (default: $XDG_CACHE_HOME/kotoba or ~/.cache/kotoba)."),
        .value(
            "file_lists", \.fileLists, .plain,
            help: """
                Lists of input names, each a mapping of path ('-' for standard input) and separator: newline (one name a \
                line, as --files-from reads) or nul (as --files0-from reads).
                """
        ).nesting(YAMLSchema(keys: ["path", "separator"])),
        .optional(
            "root", \.inputRoot, .plain, option: "--root",
            help: """
                The folder the reports' paths are relative to (default: the directory given, or the deepest folder \
                holding every input given); an input outside it is refused. Give the same to every task that counts \
                part of a file list.
                """),
        .value(
            "min_pair_count", \.minimumPairCount, .plain, option: "--min-pair-count", minimum: .atLeast(1),
            help: "Leave out of cooccurrence.csv (and the network) the pairs found together in fewer units (default: 2)."),
        .optional(
            "text_column", \.textColumn, .plain, option: "--text-column",
            help: "The column of .csv/.tsv inputs that holds the text; every other column becomes a document variable."),
        .value(
            "normalization_off", \.disabledNormalizationRules, .plain, option: "--normalization-off",
            help: "Switch a normalization rule off (repeatable)."),
        .value(
            "keep_going", \.keepGoing, .plain, option: "--keep-going",
            help: "Publish the good inputs when some are bad, list the bad in errors.jsonl, and exit 3."),
        .value(
            "lines_input", \.linesInput, .plain, option: "--lines",
            help: """
                Standard input holds one document a line: a JSON object {"id", "text", other fields as variables}, or \
                id<TAB>text with \\n, \\t and \\\\ for a line break, a TAB and a backslash (filter mode, for Spark and Hadoop \
                Streaming).
                """),
        .value(
            "user_dictionaries", \.userDictionaries, .plain, option: "--user-dictionary",
            help: "A MeCab user dictionary: a compiled .dic, or a CSV of entries compiled at run time with MeCab's indexer (cached); repeatable."),
        .optional(
            "vocabulary", \.vocabulary, .plain, option: "--vocabulary",
            help: "A vocabulary file (YAML): preset, include and exclude, term form, force-pick, synonyms, stopwords, compounds."),
        .value(
            "stopwords", \.stopwords, .plain, option: "--stopwords",
            help: "Stopwords (repeatable): default (kotoba's list), a word, or a .txt list."),
        .value(
            "compounds", \.compounds, .plain, option: "--compounds",
            help: "Count noun compounds (TermExtract's rules) as single terms."),
        .optional(
            "pos_preset", \.posPreset, .choice, option: "--pos-preset",
            help: "Which parts of speech count (default: khcoder, KH Coder's default selection)."),
        .optional(
            "group_by", \.groupBy, .plain, option: "--group-by",
            help: "Write group_terms.csv and theme_by_group.csv for the groups of speaker, folder or a document variable; text with none is the group (none)."),
        .value(
            "group_top", \.groupTop, .plain, option: "--group-top", minimum: .atLeast(1),
            help: "With --group-by: characteristic terms listed per group in group_terms.csv (default: 30)."),
        .value(
            "unit", \.unit, .choice, option: "--unit",
            help: """
                The unit co-occurrence is counted in, as KH Coder's 集計単位 (default: sentence): turn is a speaker's \
                turn, section the text between headings, and window every run of --window + 1 tokens, so that terms at \
                most --window tokens apart co-occur.
                """),
        .value(
            "window", \.window, .plain, option: "--window", minimum: .atLeast(1),
            help: "With --unit window: terms at most this many tokens apart co-occur (default: 5)."),
        .value(
            "kwic", \.kwic, .plain, option: "--kwic",
            help: """
                A word or phrase to look for (repeatable): its every occurrence goes to kwic.csv beside the themes', its \
                L5–R5 collocates to collocations.csv; a word found nowhere is named in a warning.
                """),
        .value(
            "kwic_context", \.kwicContext, .plain, option: "--kwic-context", minimum: .notNegative,
            help: "Characters of original text on each side of a kwic.csv match (default: 20)."),
        .value(
            "pair_terms", \.pairTerms, .plain, minimum: .atLeast(2),
            help: """
                Pairs are counted among this many most frequent terms (default: 2000), which bounds a worker's pair \
                table to n(n − 1)/2 entries.
                """),
        .optional(
            "pair_table_limit", \.pairTableLimit, .plain, minimum: .notNegative,
            help: """
                A worker may hold this many pairs before the run counts pairs again, in a second pass, among the \
                pair_terms most frequent terms only (default: n(n − 1)/2 for those). A run keeps each sentence's terms \
                until it knows those terms, a byte or two a term, 16 bytes to a pair's room.
                """),
        .optional(
            "min_tf", \.minTermCount, .plain, option: "--min-tf", minimum: .notNegative,
            help: "List only terms occurring at least this often, in every term report."),
        .optional(
            "max_tf", \.maxTermCount, .plain, option: "--max-tf", minimum: .notNegative,
            help: "List only terms occurring at most this often, in every term report."),
        .optional(
            "min_df", \.minDocumentCount, .plain, option: "--min-df", minimum: .notNegative,
            help: "List only terms in at least this many documents, in every term report."),
        .optional(
            "max_df", \.maxDocumentCount, .plain, option: "--max-df", minimum: .notNegative,
            help: "List only terms in at most this many documents, in every term report."),
        .value(
            "csv_dialect", \.csvDialect, .choice, option: "--csv-dialect",
            help: "CSV dialect (default: excel): excel writes a byte-order mark, CRLF and the formula guard; unix none of them."),
        .value(
            "csv_encoding", \.csvEncoding, .choice, option: "--csv-encoding",
            help: """
                Encoding of the CSV reports (default: utf-8); cp932 for old Excel: a character CP932 lacks (𠮷, emoji) \
                stops the run naming the file, line and column, unless --csv-replace-unencodable.
                """),
        .value(
            "csv_replace_unencodable", \.csvReplaceUnencodable, .plain, option: "--csv-replace-unencodable",
            help: "With --csv-encoding cp932, write '?' for characters CP932 cannot hold instead of failing."),
        .value(
            "header_lang", \.headerLanguage, .choice, option: "--header-lang",
            help: "Language of the CSV header rows (default: en); ja is KH Coder's wording (抽出語, 品詞, 出現回数, 文書数 …)."),
        .value(
            "json", \.json, .plain,
            help: """
                Also write every table as JSON (an array of objects keyed by the English column names; a theme's forms an \
                array) and data_dictionary.json, as --format json does; CSV is always written.
                """),
        .value(
            "network_edges", \.networkEdges, .plain, option: "--network-edges", minimum: .atLeast(1),
            help: """
                Edges drawn in the co-occurrence network: the n strongest by --measure, and those tied with the last, as \
                KH Coder draws them (default: 60).
                """),
        .value(
            "measure", \.measure, .choice, option: "--measure",
            help: "Rank cooccurrence.csv and theme_terms.csv, and choose the network's edges, by this measure (default: jaccard)."),
        .value(
            "ca_terms", \.caTerms, .plain, option: "--ca-terms", minimum: .atLeast(2),
            help: "Terms in the correspondence analysis (correspondence.csv): the most distinctive by χ² against the groups (default: 60)."),
        .value(
            "ca_dims", \.caDimensions, .plain, option: "--ca-dims", minimum: .atLeast(1),
            help: "Axes of the correspondence analysis written in correspondence.csv (default: 2)."),
        .value(
            "cluster_terms", \.clusterTerms, .plain, option: "--cluster-terms", minimum: .atLeast(2),
            help: "The most frequent terms clustered (clusters.csv) and scaled (mds.csv) (default: 60)."),
        .value(
            "cluster_distance", \.clusterDistance, .choice, option: "--cluster-distance",
            help: "Distance between clustered terms, from their presence per --unit (default: jaccard, as KH Coder)."),
        .value(
            "cluster_method", \.clusterMethod, .choice, option: "--cluster-method",
            help: "Hierarchical clustering method, as R's hclust (default: ward.D2)."),
        .optional(
            "clusters", \.clusters, .plain, option: "--clusters", minimum: .atLeast(1),
            help: "Clusters the tree is cut into in clusters.csv (default: the square root of the terms, rounded, as KH Coder)."),
    ]

    /// The setting of `property`, for the command line's help (`setting(\.window).help`).
    /// Every property has one; a test checks it.
    public static func setting(_ property: PartialKeyPath<PipelineConfiguration>) -> ConfigurationSetting {
        guard let setting = settings.first(where: { $0.property == property as AnyKeyPath }) else {
            preconditionFailure("no configuration setting for \(property)")
        }
        return setting
    }

    /// The setting whose key in `kotoba.yml` is `key`, if there is one.
    public static func setting(key: String) -> ConfigurationSetting? {
        settings.first { $0.key == key }
    }
}
