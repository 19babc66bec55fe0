import Tokenization

/// KH Coder's part-of-speech categories for terms (抽出語の品詞), from each dictionary's own parts
/// of speech: the coarse tag set every report uses, so counts from IPAdic, UniDic and JUMAN line
/// up. For IPAdic this is KH Coder's own table (`hinshi_mecab`): the first rule that fits wins,
/// and the B and C categories split off hiragana-only and one-character words. UniDic and JUMAN
/// are mapped onto the same categories by their nearest parts of speech.
public enum TermCategory {
    public static let place = "地名", person = "人名", organization = "組織名", properNoun = "固有名詞"
    public static let verbalNoun = "サ変名詞", adjectivalNoun = "形容動詞", naiAdjective = "ナイ形容"
    public static let noun = "名詞", nounB = "名詞B", nounC = "名詞C", pronoun = "代名詞", adverbialNoun = "副詞可能"
    public static let negative = "否定助動詞", unknown = "未知語", interjection = "感動詞", tag = "タグ"
    public static let verb = "動詞", verbB = "動詞B", dependentAdjective = "形容詞（非自立）"
    public static let adjective = "形容詞", adjectiveB = "形容詞B", adverb = "副詞", adverbB = "副詞B"
    public static let compound = "複合名詞", other = "その他"

    /// Every category, in KH Coder's order, with the compounds kotoba adds.
    public static let all = [
        place, person, organization, properNoun, verbalNoun, adjectivalNoun, naiAdjective, nounB, nounC, negative,
        pronoun, noun, adverbialNoun, unknown, interjection, tag, compound, verbB, verb, dependentAdjective,
        adjectiveB, adjective, adverbB, adverb, other,
    ]

    /// The category of `token` of `sentence`, read with `family`'s parts of speech.
    public static func of(_ token: Token, in sentence: String, family: FeatureLayout.Family) -> String {
        let path = token.features.partOfSpeechPath
        func starts(_ prefix: String) -> Bool { PartOfSpeechPath.is(path, under: prefix) }
        if token.isUnknown {
            return starts("名詞-数") || starts("名詞-数詞") ? other : unknown
        }
        let lemma = token.lemma(in: sentence)
        func hiraganaSplit(_ plain: String, _ hiragana: String) -> String { isHiragana(lemma) ? hiragana : plain }
        switch family {
        case .ipadic:
            if starts("名詞-固有名詞-地域") { return place }
            if starts("名詞-固有名詞-人名") { return person }
            if starts("名詞-固有名詞-組織") { return organization }
            if starts("名詞-固有名詞") { return properNoun }
            if starts("名詞-サ変接続") { return verbalNoun }
            if starts("名詞-形容動詞語幹") { return adjectivalNoun }
            if starts("名詞-ナイ形容詞語幹") { return naiAdjective }
            if starts("名詞-一般") { return isHiragana(lemma) ? nounB : lemma.count == 1 ? nounC : noun }
            if starts("助動詞"), isNegative(lemma) { return negative }
            if starts("名詞-代名詞") { return pronoun }
            if starts("名詞-副詞可能") { return adverbialNoun }
            if starts("感動詞") || starts("フィラー") { return interjection }
            if starts("動詞-自立") { return hiraganaSplit(verb, verbB) }
            if starts("形容詞-非自立") { return dependentAdjective }
            if starts("形容詞") { return hiraganaSplit(adjective, adjectiveB) }
            if starts("副詞") { return hiraganaSplit(adverb, adverbB) }
        case .unidic:
            if starts("名詞-固有名詞-地名") { return place }
            if starts("名詞-固有名詞-人名") { return person }
            if starts("名詞-固有名詞") { return properNoun }
            if starts("名詞-普通名詞-サ変可能") || starts("名詞-普通名詞-サ変形状詞可能") { return verbalNoun }
            if starts("名詞-普通名詞-形状詞可能") || (starts("形状詞") && !starts("形状詞-助動詞語幹")) {
                return adjectivalNoun
            }
            if starts("名詞-普通名詞-副詞可能") { return adverbialNoun }
            if starts("名詞-普通名詞") { return isHiragana(lemma) ? nounB : lemma.count == 1 ? nounC : noun }
            if starts("助動詞"), isNegative(lemma) { return negative }
            if starts("代名詞") { return pronoun }
            if starts("感動詞") { return interjection }
            if starts("動詞") { return hiraganaSplit(verb, verbB) }
            if starts("形容詞-非自立可能") { return dependentAdjective }
            if starts("形容詞") { return hiraganaSplit(adjective, adjectiveB) }
            if starts("副詞") { return hiraganaSplit(adverb, adverbB) }
        case .juman:
            if starts("名詞-地名") { return place }
            if starts("名詞-人名") { return person }
            if starts("名詞-組織名") { return organization }
            if starts("名詞-固有名詞") { return properNoun }
            if starts("名詞-サ変名詞") { return verbalNoun }
            if starts("名詞-副詞的名詞") { return adverbialNoun }
            if starts("名詞-普通名詞") || starts("名詞-時相名詞") {
                return isHiragana(lemma) ? nounB : lemma.count == 1 ? nounC : noun
            }
            if starts("指示詞-名詞形態指示詞") { return pronoun }
            if starts("助動詞"), isNegative(lemma) { return negative }
            if starts("感動詞") { return interjection }
            if starts("動詞") { return hiraganaSplit(verb, verbB) }
            if starts("形容詞") { return hiraganaSplit(adjective, adjectiveB) }
            if starts("副詞") { return hiraganaSplit(adverb, adverbB) }
        }
        return other
    }

    /// `true` if every character is hiragana (KH Coder's ひらがな condition).
    static func isHiragana(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { (0x3041...0x309F).contains($0.value) }
    }

    /// The negative auxiliaries (KH Coder's 否定 condition).
    static func isNegative(_ lemma: String) -> Bool { ["ない", "ぬ", "ん"].contains(lemma) }
}
