/// kotoba's default Japanese stop list: words that pass the part-of-speech filter yet say little
/// in interviews, minutes and reports. Compiled for kotoba (not taken from another list): generic
/// nouns and pronouns, light verbs, time and degree words, and the fillers of spoken Japanese.
/// Used with `stopwords: [default]`; versioned with the tool (the manifest records the list in
/// force).
public enum DefaultStopwords {
    public static let version = "kotoba-ja-1"

    public static let words: [String] = [
        // Generic nouns and pronouns
        "こと", "もの", "ため", "ところ", "とき", "よう", "ほう", "わけ", "はず", "つもり", "方", "際", "点", "場合",
        "関係", "方法", "感じ", "自分", "我々", "私", "僕", "俺", "彼", "彼女", "これ", "それ", "あれ", "どれ", "ここ",
        "そこ", "あそこ", "どこ", "こちら", "そちら", "あちら", "みんな", "皆", "皆様", "何", "誰", "一つ", "一番",
        // Time and degree
        "今", "今回", "今後", "以上", "以下", "以前", "以降", "現在", "最近", "当時", "毎日", "全部", "全体", "部分",
        "大変", "非常", "本当", "少し", "多く", "様々", "色々", "いろいろ", "さまざま",
        // Light verbs and adjectives
        "する", "なる", "ある", "いる", "できる", "思う", "考える", "言う", "いう", "行う", "持つ", "見る", "出る", "来る",
        "くる", "いく", "行く", "おる", "やる", "いただく", "くださる", "申し上げる", "ない", "良い", "よい", "いい",
        // Fillers and responses
        "はい", "ええ", "ああ", "あの", "あのう", "まあ", "ちょっと", "やっぱり", "やはり", "そう", "なるほど", "えー", "えっと",
    ]
}
