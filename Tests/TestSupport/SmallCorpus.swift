/// A two-document corpus whose counts were worked out by hand, used at several levels (counts,
/// report tables, the whole pipeline) so that each is checked against the same independent truth.
///
/// IPAdic tokenizes it as: 地域/の/活性/化/を/支援/する/。 · 地域/の/企業/を/支援/する/。 ·
/// 企業/の/活性/化/が/進む/。, so the terms of its three sentences are {地域, 活性, 支援, する},
/// {地域, 企業, 支援, する} and {企業, 活性, 進む} (化 is a suffix, not a term), under the `content`
/// preset (KH Coder's default would leave out する, a hiragana-only verb).
public enum SmallCorpus {
    public static let documents = [
        "a.txt": "地域の活性化を支援する。地域の企業を支援する。",
        "b.txt": "企業の活性化が進む。",
    ]

    /// `term_frequency.csv` without its header. Every term but 進む occurs twice; ties sort by code
    /// point: す U+3059 < 企 U+4F01 < 地 U+5730 < 支 U+652F < 活 U+6D3B, and share rank 1.
    public static let termFrequencyRows = [
        ["1", "する", "動詞B", "2", "1", "0.500000", "2"],
        ["1", "企業", "名詞", "2", "2", "1.000000", "2"],
        ["1", "地域", "名詞", "2", "1", "0.500000", "2"],
        ["1", "支援", "サ変名詞", "2", "1", "0.500000", "2"],
        ["1", "活性", "名詞", "2", "2", "1.000000", "2"],
        ["6", "進む", "動詞", "1", "1", "0.500000", "1"],
    ]

    /// Three rows of `cooccurrence.csv`, by hand: 地域 (sentences 1, 2) with 支援 (1, 2): a = 2,
    /// b = c = 0, d = 1; 地域 with 活性 (1, 3): a = b = c = 1, d = 0, Jaccard 1/3; 企業 (2, 3) with
    /// 進む (3): a = 1, b = 1, c = 0, d = 1, Jaccard 1/2. There are 12 pairs in all (6 + 6 + 3,
    /// 3 of them shared).
    public static let pairCount = 12
    public static let cooccurrenceRows = [
        ["地域", "名詞", "支援", "サ変名詞", "sentence", "2", "0", "0", "1", "3", "1.000000"],
        ["地域", "名詞", "活性", "名詞", "sentence", "1", "1", "1", "0", "3", "0.333333"],
        ["企業", "名詞", "進む", "動詞", "sentence", "1", "1", "0", "1", "3", "0.500000"],
    ]
}
