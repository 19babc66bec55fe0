/// Every column of every report: its English name (kotoba's header), its Japanese name (KH Coder's
/// wording where KH Coder shows the number, for `--header-lang ja`), its type and what it means,
/// in both languages. `data_dictionary.csv` is this catalog; keeping the names and the meanings
/// in one place means a new column cannot ship without its description.
public enum ColumnCatalog {
    /// One column of one report.
    public struct Column: Sendable {
        public var file: String
        public var name: String
        public var japanese: String
        public var type: String
        public var description: String
        public var descriptionJapanese: String
    }

    /// The Japanese header for `name`; names without one (document variables, Gephi's `Id`,
    /// `Label`, `Source`, `Target`, which Gephi's importer needs as they are) stay as they are.
    public static func japanese(_ name: String) -> String {
        japaneseNames[name] ?? name
    }

    private static let japaneseNames: [String: String] = {
        var names: [String: String] = [:]
        for column in columns where column.japanese != column.name { names[column.name] = column.japanese }
        return names
    }()

    /// `data_dictionary.csv`: one row per column of every report, in file order.
    public static func table() -> CSVTable {
        CSVTable(
            header: ["file", "column", "column_ja", "type", "description", "description_ja"],
            rows: columns.map { column in
                [
                    .text(column.file), .text(column.name), .text(column.japanese), .text(column.type),
                    .text(column.description), .text(column.descriptionJapanese),
                ]
            })
    }

    private static func column(
        _ file: String, _ name: String, _ japanese: String, _ type: String, _ description: String, _ descriptionJapanese: String
    ) -> Column {
        Column(
            file: file, name: name, japanese: japanese, type: type, description: description,
            descriptionJapanese: descriptionJapanese)
    }

    // The same English name has the same Japanese name in every file (`japanese(_:)` maps names).
    // swift-format-ignore
    public static let columns: [Column] = [
        column("documents.csv", "doc_id", "文書番号", "integer", "Document number in run order, from 1", "実行順の文書番号（1から）"),
        column("documents.csv", "path", "ファイル", "text", "Input file, relative to the corpus", "入力ファイル（コーパスからの相対パス）"),
        column("documents.csv", "record", "行番号", "integer", "Row of a CSV/TSV or lines input; empty for whole files", "CSV/TSV・行入力の行番号（ファイル全体なら空）"),
        column("documents.csv", "encoding", "文字コード", "text", "Character encoding the input was read in", "読み込んだ文字コード"),
        column("documents.csv", "bytes", "バイト数", "integer", "Size of the input in bytes", "入力のバイト数"),
        column("documents.csv", "sha256", "SHA-256", "text", "SHA-256 of the input bytes", "入力バイト列のSHA-256"),
        column("documents.csv", "characters", "文字数", "integer", "Characters (grapheme clusters) after normalization", "正規化後の文字数（書記素単位）"),
        column("documents.csv", "paragraphs", "段落数", "integer", "Paragraphs", "段落の数"),
        column("documents.csv", "footnotes", "注の数", "integer", "Footnotes set apart from the text", "本文から分けた注の数"),
        column("documents.csv", "sentences", "文数", "integer", "Sentences", "文の数"),
        column("documents.csv", "tokens", "総語数", "integer", "All morphemes MeCab found", "MeCabが切り出した全形態素の数"),
        column("documents.csv", "terms", "抽出語数", "integer", "Morphemes counted as terms (after POS selection and stopwords)", "抽出語として数えた語の数（品詞選択・ストップワード適用後）"),
        column("documents.csv", "speakers", "話者数", "integer", "Distinct speakers (transcripts)", "話者の数（発言録）"),
        column("documents.csv", "(variables)", "（外部変数）", "text", "One column per document variable (table columns, --metadata), in order of first appearance", "文書の外部変数（表の列・--metadata）ごとに1列"),
        column("speakers.csv", "doc_id", "文書番号", "integer", "Document number", "文書番号"),
        column("speakers.csv", "path", "ファイル", "text", "Input file", "入力ファイル"),
        column("speakers.csv", "speaker", "話者", "text", "Speaker as marked in the text (○西川区長 → 西川区長)", "本文の話者表示（○西川区長 → 西川区長）"),
        column("speakers.csv", "turns", "発言回数", "integer", "Turns: runs of paragraphs by the speaker", "発言の回数"),
        column("speakers.csv", "paragraphs", "段落数", "integer", "Paragraphs spoken", "発言の段落数"),
        column("speakers.csv", "sentences", "文数", "integer", "Sentences spoken", "発言の文数"),
        column("speakers.csv", "characters", "文字数", "integer", "Characters spoken", "発言の文字数"),
        column("term_frequency.csv", "rank", "順位", "integer", "Rank by frequency; ties share the lowest rank", "出現回数の順位（同数は同順位）"),
        column("term_frequency.csv", "term", "抽出語", "text", "Term: base form (or the form the vocabulary file sets)", "抽出語（基本形、または語彙ファイルの指定）"),
        column("term_frequency.csv", "pos", "品詞", "text", "KH Coder part-of-speech category", "KH Coderの品詞分類"),
        column("term_frequency.csv", "term_count", "出現回数", "integer", "Occurrences in the corpus", "コーパス全体での出現回数"),
        column("term_frequency.csv", "doc_count", "文書数", "integer", "Documents containing the term", "その語を含む文書の数"),
        column("term_frequency.csv", "doc_ratio", "文書の割合", "decimal", "doc_count / documents", "文書数 ÷ 全文書数"),
        column("term_frequency.csv", "sentence_count", "出現文数", "integer", "Sentences containing the term", "その語を含む文の数"),
        column("document_terms.csv", "doc_id", "文書番号", "integer", "Document number", "文書番号"),
        column("document_terms.csv", "path", "ファイル", "text", "Input file", "入力ファイル"),
        column("document_terms.csv", "term", "抽出語", "text", "Term", "抽出語"),
        column("document_terms.csv", "pos", "品詞", "text", "Part-of-speech category", "品詞"),
        column("document_terms.csv", "count", "出現数", "integer", "Occurrences in the document", "その文書での出現回数"),
        column("document_terms.csv", "tfidf", "TF-IDF", "decimal", "count × log10(N / df), as quanteda's dfm_tfidf", "出現数 × log10(全文書数 ÷ 文書数)（quanteda の dfm_tfidf）"),
        column("document_terms.csv", "tfidf_rmecab", "TF-IDF（RMeCab）", "decimal", "count × (log2(N / df) + 1), as RMeCab's docDF", "出現数 × (log2(全文書数 ÷ 文書数) + 1)（RMeCab の docDF）"),
        column("compound_candidates.csv", "rank", "順位", "integer", "Rank by FLR", "FLRの順位"),
        column("compound_candidates.csv", "compound", "複合語", "text", "Compound noun as written", "複合語"),
        column("compound_candidates.csv", "nouns", "構成語", "text", "Its nouns, space-separated", "構成する名詞（空白区切り）"),
        column("compound_candidates.csv", "frequency", "頻度", "integer", "Occurrences of the whole compound", "複合語としての出現回数"),
        column("compound_candidates.csv", "lr", "LR", "decimal", "Geometric mean of the nouns' left/right neighbour counts (TermExtract)", "構成名詞の連接頻度の相乗平均（TermExtract）"),
        column("compound_candidates.csv", "flr", "FLR", "decimal", "frequency × LR: KH Coder's 複合語の検出 score", "頻度 × LR（KH Coderの複合語の検出）"),
        column("cooccurrence.csv", "term_a", "抽出語A", "text", "First term of the pair (sorts first)", "組の1つめの語"),
        column("cooccurrence.csv", "pos_a", "品詞A", "text", "Its part of speech", "その品詞"),
        column("cooccurrence.csv", "term_b", "抽出語B", "text", "Second term of the pair", "組の2つめの語"),
        column("cooccurrence.csv", "pos_b", "品詞B", "text", "Its part of speech", "その品詞"),
        column("cooccurrence.csv", "unit", "集計単位", "text", "Unit co-occurrence is counted in: sentence, paragraph, turn, section or document (--unit)", "共起を数える単位: 文・段落・発言・節・文書（--unit）"),
        column("cooccurrence.csv", "a", "a", "integer", "Units with both terms (2×2 table)", "両方の語を含む単位の数（2×2表）"),
        column("cooccurrence.csv", "b", "b", "integer", "Units with the first term only", "Aだけを含む単位の数"),
        column("cooccurrence.csv", "c", "c", "integer", "Units with the second term only", "Bだけを含む単位の数"),
        column("cooccurrence.csv", "d", "d", "integer", "Units with neither", "どちらも含まない単位の数"),
        column("cooccurrence.csv", "n", "n", "integer", "All units: a + b + c + d", "全単位数 a + b + c + d"),
        column("cooccurrence.csv", "jaccard", "Jaccard係数", "decimal", "a / (a + b + c)", "a ÷ (a + b + c)"),
        column("cooccurrence.csv", "dice", "Dice係数", "decimal", "2a / (2a + b + c)", "2a ÷ (2a + b + c)"),
        column("cooccurrence.csv", "simpson", "Simpson係数", "decimal", "a / min(a + b, a + c)", "a ÷ min(a + b, a + c)"),
        column("cooccurrence.csv", "cosine", "コサイン係数", "decimal", "Binary cosine (Ochiai): a / sqrt((a + b)(a + c))", "2値のコサイン（Ochiai）: a ÷ √((a + b)(a + c))"),
        column("cooccurrence.csv", "lift", "確率比", "decimal", "a / E, E = (a + b)(a + c) / n", "a ÷ 期待値 E = (a + b)(a + c) ÷ n"),
        column("cooccurrence.csv", "pmi", "PMI", "decimal", "ln(a / E); empty when a = 0", "ln(a ÷ E)。a = 0 なら空"),
        column("cooccurrence.csv", "npmi", "NPMI", "decimal", "pmi / -ln(a / n), from -1 to 1 (-1 when a = 0, 1 when a = n)", "pmi ÷ -ln(a ÷ n)、-1から1（a = 0 なら-1、a = n なら1）"),
        column("cooccurrence.csv", "g2", "G2", "decimal", "Log-likelihood G-squared of the 2x2 table", "2×2表の対数尤度比G2"),
        column("cooccurrence.csv", "chi2", "カイ二乗", "decimal", "n(ad - bc)^2 / ((a + b)(c + d)(a + c)(b + d)), no continuity correction", "n(ad - bc)^2 ÷ ((a + b)(c + d)(a + c)(b + d))、連続性補正なし"),
        column("cooccurrence.csv", "tscore", "t値", "decimal", "(a - E) / sqrt(a); empty when a = 0", "(a - E) ÷ √a。a = 0 なら空"),
        column("theme_cooccurrence.csv", "theme_a", "コードA", "text", "First theme of the pair (theme-file order)", "組の1つめのコード（コード定義の順）"),
        column("theme_cooccurrence.csv", "theme_b", "コードB", "text", "Second theme of the pair", "組の2つめのコード"),
        column("theme_cooccurrence.csv", "unit", "集計単位", "text", "Unit co-occurrence is counted in (sentence)", "共起を数える単位（文）"),
        column("theme_cooccurrence.csv", "a", "a", "integer", "Units with both themes (2×2 table)", "両方のコードを含む単位の数（2×2表）"),
        column("theme_cooccurrence.csv", "b", "b", "integer", "Units with the first theme only", "Aだけを含む単位の数"),
        column("theme_cooccurrence.csv", "c", "c", "integer", "Units with the second theme only", "Bだけを含む単位の数"),
        column("theme_cooccurrence.csv", "d", "d", "integer", "Units with neither", "どちらも含まない単位の数"),
        column("theme_cooccurrence.csv", "n", "n", "integer", "All units: a + b + c + d", "全単位数 a + b + c + d"),
        column("theme_cooccurrence.csv", "jaccard", "Jaccard係数", "decimal", "a / (a + b + c)", "a ÷ (a + b + c)"),
        column("theme_cooccurrence.csv", "dice", "Dice係数", "decimal", "2a / (2a + b + c)", "2a ÷ (2a + b + c)"),
        column("theme_cooccurrence.csv", "simpson", "Simpson係数", "decimal", "a / min(a + b, a + c)", "a ÷ min(a + b, a + c)"),
        column("theme_cooccurrence.csv", "cosine", "コサイン係数", "decimal", "Binary cosine (Ochiai): a / sqrt((a + b)(a + c))", "2値のコサイン（Ochiai）: a ÷ √((a + b)(a + c))"),
        column("theme_cooccurrence.csv", "lift", "確率比", "decimal", "a / E, E = (a + b)(a + c) / n", "a ÷ 期待値 E = (a + b)(a + c) ÷ n"),
        column("theme_cooccurrence.csv", "pmi", "PMI", "decimal", "ln(a / E); empty when a = 0", "ln(a ÷ E)。a = 0 なら空"),
        column("theme_cooccurrence.csv", "npmi", "NPMI", "decimal", "pmi / -ln(a / n), from -1 to 1 (-1 when a = 0, 1 when a = n)", "pmi ÷ -ln(a ÷ n)、-1から1（a = 0 なら-1、a = n なら1）"),
        column("theme_cooccurrence.csv", "g2", "G2", "decimal", "Log-likelihood G-squared of the 2x2 table", "2×2表の対数尤度比G2"),
        column("theme_cooccurrence.csv", "chi2", "カイ二乗", "decimal", "n(ad - bc)^2 / ((a + b)(c + d)(a + c)(b + d)), no continuity correction", "n(ad - bc)^2 ÷ ((a + b)(c + d)(a + c)(b + d))、連続性補正なし"),
        column("theme_cooccurrence.csv", "tscore", "t値", "decimal", "(a - E) / sqrt(a); empty when a = 0", "(a - E) ÷ √a。a = 0 なら空"),
        column("theme_terms.csv", "theme", "コード", "text", "Theme name", "コード名"),
        column("theme_terms.csv", "rank", "順位", "integer", "Rank within the theme by Jaccard", "コード内のJaccard係数の順位"),
        column("theme_terms.csv", "term", "抽出語", "text", "Term", "抽出語"),
        column("theme_terms.csv", "pos", "品詞", "text", "Part-of-speech category", "品詞"),
        column("theme_terms.csv", "unit", "集計単位", "text", "Unit co-occurrence is counted in (sentence)", "共起を数える単位（文）"),
        column("theme_terms.csv", "a", "a", "integer", "Sentences with the theme and the term (2×2 table)", "コードと語を両方含む文の数（2×2表）"),
        column("theme_terms.csv", "b", "b", "integer", "Sentences with the theme only", "コードだけを含む文の数"),
        column("theme_terms.csv", "c", "c", "integer", "Sentences with the term only", "語だけを含む文の数"),
        column("theme_terms.csv", "d", "d", "integer", "Units with neither", "どちらも含まない単位の数"),
        column("theme_terms.csv", "n", "n", "integer", "All units: a + b + c + d", "全単位数 a + b + c + d"),
        column("theme_terms.csv", "jaccard", "Jaccard係数", "decimal", "a / (a + b + c)", "a ÷ (a + b + c)"),
        column("theme_terms.csv", "dice", "Dice係数", "decimal", "2a / (2a + b + c)", "2a ÷ (2a + b + c)"),
        column("theme_terms.csv", "simpson", "Simpson係数", "decimal", "a / min(a + b, a + c)", "a ÷ min(a + b, a + c)"),
        column("theme_terms.csv", "cosine", "コサイン係数", "decimal", "Binary cosine (Ochiai): a / sqrt((a + b)(a + c))", "2値のコサイン（Ochiai）: a ÷ √((a + b)(a + c))"),
        column("theme_terms.csv", "lift", "確率比", "decimal", "a / E, E = (a + b)(a + c) / n", "a ÷ 期待値 E = (a + b)(a + c) ÷ n"),
        column("theme_terms.csv", "pmi", "PMI", "decimal", "ln(a / E); empty when a = 0", "ln(a ÷ E)。a = 0 なら空"),
        column("theme_terms.csv", "npmi", "NPMI", "decimal", "pmi / -ln(a / n), from -1 to 1 (-1 when a = 0, 1 when a = n)", "pmi ÷ -ln(a ÷ n)、-1から1（a = 0 なら-1、a = n なら1）"),
        column("theme_terms.csv", "g2", "G2", "decimal", "Log-likelihood G-squared of the 2x2 table", "2×2表の対数尤度比G2"),
        column("theme_terms.csv", "chi2", "カイ二乗", "decimal", "n(ad - bc)^2 / ((a + b)(c + d)(a + c)(b + d)), no continuity correction", "n(ad - bc)^2 ÷ ((a + b)(c + d)(a + c)(b + d))、連続性補正なし"),
        column("theme_terms.csv", "tscore", "t値", "decimal", "(a - E) / sqrt(a); empty when a = 0", "(a - E) ÷ √a。a = 0 なら空"),
        column("themes.csv", "theme", "コード", "text", "Theme (coding rule) name", "コード名（コーディングルール）"),
        column("themes.csv", "forms", "条件", "text", "Forms the theme matches, | separated", "コードが一致する語形（| 区切り）"),
        column("themes.csv", "occurrences", "出現回数", "integer", "Matches in the corpus", "コーパス全体での一致回数"),
        column("themes.csv", "sentences", "文数", "integer", "Sentences with a match", "一致を含む文の数"),
        column("themes.csv", "sentence_ratio", "文の割合", "decimal", "sentences / all sentences", "文数 ÷ 全文数"),
        column("themes.csv", "documents", "文書数", "integer", "Documents with a match", "一致を含む文書の数"),
        column("themes.csv", "document_ratio", "文書の割合", "decimal", "documents / all documents", "文書数 ÷ 全文書数"),
        column("document_themes.csv", "doc_id", "文書番号", "integer", "Document number", "文書番号"),
        column("document_themes.csv", "path", "ファイル", "text", "Input file", "入力ファイル"),
        column("document_themes.csv", "theme", "コード", "text", "Theme name", "コード名"),
        column("document_themes.csv", "present", "有無", "integer", "1 if the theme occurs in the document, else 0", "文書にコードが現れれば1、なければ0"),
        column("document_themes.csv", "occurrences", "出現回数", "integer", "Matches in the document", "文書での一致回数"),
        column("document_themes.csv", "sentences", "文数", "integer", "Sentences of the document with a match", "一致を含む文の数"),
        column("group_terms.csv", "group", "グループ", "text", "Group (speaker, folder or document variable; empty: none)", "グループ（話者・フォルダ・外部変数。空はなし）"),
        column("group_terms.csv", "rank", "順位", "integer", "Rank within the group by G2", "グループ内のG2の順位"),
        column("group_terms.csv", "term", "抽出語", "text", "Term", "抽出語"),
        column("group_terms.csv", "pos", "品詞", "text", "Part-of-speech category", "品詞"),
        column("group_terms.csv", "a", "a", "integer", "Occurrences of the term in the group", "グループでのその語の出現回数"),
        column("group_terms.csv", "b", "b", "integer", "Occurrences of the term outside the group", "グループ外でのその語の出現回数"),
        column("group_terms.csv", "c", "c", "integer", "Occurrences of other terms in the group", "グループでの他の語の出現回数"),
        column("group_terms.csv", "d", "d", "integer", "Occurrences of other terms outside the group", "グループ外での他の語の出現回数"),
        column("group_terms.csv", "n", "n", "integer", "All term occurrences: a + b + c + d", "全抽出語の出現回数 a + b + c + d"),
        column("group_terms.csv", "expected", "期待値", "decimal", "Expected a if the term were spread evenly", "均等に分布した場合のaの期待値"),
        column("group_terms.csv", "g2", "G2", "decimal", "Log-likelihood G-squared (Dunning)", "対数尤度比G2（Dunning）"),
        column("group_terms.csv", "chi2", "カイ二乗", "decimal", "Pearson chi-squared without continuity correction", "ピアソンのカイ二乗値（連続性補正なし）"),
        column("theme_by_group.csv", "theme", "コード", "text", "Theme name", "コード名"),
        column("theme_by_group.csv", "group", "グループ", "text", "Group (speaker, folder or document variable; empty: none)", "グループ（話者・フォルダ・外部変数。空はなし）"),
        column("theme_by_group.csv", "sentences", "文数", "integer", "Sentences of the group", "グループの文の数"),
        column("theme_by_group.csv", "theme_sentences", "コードを含む文数", "integer", "Sentences of the group where the theme occurs", "グループでコードが現れる文の数"),
        column("theme_by_group.csv", "share", "割合", "decimal", "theme_sentences / sentences", "コードを含む文数 ÷ 文数"),
        column("theme_by_group.csv", "expected", "期待値", "decimal", "sentences × all theme sentences / all sentences", "文数 × コードを含む全文数 ÷ 全文数"),
        column("theme_by_group.csv", "adjusted_residual", "調整済み残差", "decimal", "(O - E) / sqrt(E (1 - row share)(1 - column share)); beyond ±1.96: p < .05", "(O - E) ÷ √(E(1 - 行の割合)(1 - 列の割合))。±1.96を超えればp < .05"),
        column("theme_by_group.csv", "chi2", "カイ二乗", "decimal", "Pearson chi-squared of groups × (with, without) for the theme, as R's chisq.test (Yates only for two groups); empty when undefined", "グループ × (あり, なし) のカイ二乗値（R の chisq.test、2群のみYates補正）。定まらなければ空"),
        column("theme_by_group.csv", "df", "自由度", "integer", "Degrees of freedom: groups - 1", "自由度（グループ数 - 1）"),
        column("theme_by_group.csv", "p_value", "p値", "decimal", "Upper tail of chi-squared with df degrees of freedom", "自由度dfのカイ二乗分布の上側確率"),
        column("graph/nodes.csv", "Id", "Id", "integer", "Node id (Gephi's import needs this name)", "ノード番号（Gephiの読み込みにこの列名が必要）"),
        column("graph/nodes.csv", "Label", "Label", "text", "Term", "抽出語"),
        column("graph/nodes.csv", "pos", "品詞", "text", "Part-of-speech category", "品詞"),
        column("graph/nodes.csv", "frequency", "頻度", "integer", "Occurrences of the term (node size)", "語の出現回数（円の大きさ）"),
        column("graph/nodes.csv", "documents", "文書数", "integer", "Documents containing the term", "その語を含む文書の数"),
        column("graph/nodes.csv", "community", "サブグラフ", "integer", "Community by modularity (fast greedy), from 0 by size", "モジュラリティによるサブグラフ（大きい順に0から）"),
        column("graph/nodes.csv", "x", "x", "decimal", "Layout position, from 0 to 1", "配置の座標（0から1）"),
        column("graph/nodes.csv", "y", "y", "decimal", "Layout position, from 0 to 1", "配置の座標（0から1）"),
        column("graph/edges.csv", "Source", "Source", "integer", "Node id of one end", "一方の端のノード番号"),
        column("graph/edges.csv", "Target", "Target", "integer", "Node id of the other end", "他方の端のノード番号"),
        column("graph/edges.csv", "Type", "Type", "text", "Undirected", "無向"),
        column("graph/edges.csv", "Weight", "Weight", "decimal", "Jaccard coefficient of the pair", "組のJaccard係数"),
        column("graph/edges.csv", "sentences", "文数", "integer", "Co-occurrence units (sentences unless --unit says otherwise) with both terms", "両方の語を含む集計単位（--unit がなければ文）の数"),
    ]
}
