import Testing
import TestSupport
import Tokenization

@testable import Analysis

/// The analyzer decides an entry it meets for the first time on a text of the token's surface
/// alone, the token handed over as that text's one token (`CorpusAnalyzer.alone(_:in:)`): the
/// rules that decide it must read nothing of the sentence around the token. Every token of these
/// sentences is decided in its sentence and alone, and the two must agree.
struct TokenAloneTests {
    /// Sentences with what the rules look at: dictionary words and their lemmas, unknown words
    /// (English, identifiers, half-width kana), numbers, symbols, spaces and compounds.
    static let sentences = [
        "地域活性化と小規模事業者の支援について、平成16年から取り組んでいます。",
        "○西川区長　ｱｲｳｴｵの件は、git rebase --onto で直しました！",
        "ファイルシステム（ext4）を 3.5 GB まで広げ、/etc/fstab を書き換える。",
        "美しく走りたくない人は、ゆっくり歩けばよい…と思う。",
        "「ＡＩ」×「IoT」＝新しい価値？　ええ、そうですね。",
    ]

    @Test(arguments: [false, true])
    func rulesDecideEveryTokenAsAlone(useSurface: Bool) throws {
        let tagger = try MeCabTagger(model: TestSupport.model)
        let extractor = TermExtractor(selection: TermSelection(preset: .all), useSurface: useSurface)
        let compounds = CompoundExtractor()
        var checked = 0
        for sentence in Self.sentences {
            let tokens = try tagger.tokenize(sentence)
            for token in tokens {
                let surface = token.surface(in: sentence)
                let alone = Token(features: token.features, isUnknown: token.isUnknown, byteRange: 0..<surface.utf8.count)
                #expect(extractor.term(for: alone, in: surface) == extractor.term(for: token, in: sentence), "\(surface)")
                #expect(compounds.role(of: alone, in: surface) == compounds.role(of: token, in: sentence), "\(surface)")
                checked += 1
            }
        }
        #expect(checked > 80)
    }
}
