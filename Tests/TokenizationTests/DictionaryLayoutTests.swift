import Foundation
import Testing
import TestSupport

@testable import Tokenization

/// Each dictionary family's lemma and part of speech on known words.
struct DictionaryLayoutTests {
    @Test func layoutsAreToldByTheDictionarysDicrc() {
        #expect(FeatureLayout.detect(directory: TestSupport.ipadic) == .ipadic)
        if let juman = DictionaryLocator.installed(.juman) { #expect(FeatureLayout.detect(directory: juman) == .juman) }
    }

    @Test(.enabled(if: DictionaryLocator.installed(.juman) != nil, "JUMAN (mecab-jumandic-utf8) is not installed"))
    func jumanLemmaAndPartOfSpeech() throws {
        let directory = try #require(DictionaryLocator.installed(.juman))
        let model = try MeCabModel(dictionaryDirectory: directory)
        #expect(model.layout == .juman)
        let sentence = "地域を支援した。"
        let tokens = try MeCabTagger(model: model).tokenize(sentence)
        #expect(tokens.map { $0.surface(in: sentence) } == ["地域", "を", "支援", "した", "。"])  // JUMAN keeps した whole
        #expect(tokens[0].features.partOfSpeechPath == "名詞-普通名詞")
        #expect(tokens[2].features.partOfSpeechPath == "名詞-サ変名詞")
        #expect(tokens[3].lemma(in: sentence) == "する")
        #expect(tokens[0].features.reading == "ちいき")
    }

    /// UniDic is 1 GB and not installed by scripts/setup.sh; this runs where it is.
    @Test(.enabled(if: DictionaryLocator.installed(.unidic) != nil, "UniDic (unidic-mecab) is not installed here: skipped"))
    func unidicLemmaAndPartOfSpeech() throws {
        let directory = try #require(DictionaryLocator.installed(.unidic))
        let model = try MeCabModel(dictionaryDirectory: directory)
        #expect(model.layout == .unidic)
        let sentence = "地域を支援した。"
        let tokens = try MeCabTagger(model: model).tokenize(sentence)
        #expect(tokens[0].lemma(in: sentence) == "地域")
        #expect(tokens[0].features.partOfSpeech.prefix(2) == ["名詞", "普通名詞"])
        #expect(tokens.contains { $0.lemma(in: sentence) == "為る" || $0.lemma(in: sentence) == "する" })
    }

    @Test func unidicFeaturesAreReadWithoutTheDictionary() {
        // A UniDic 3.1.1 feature line (docs/TEXT.md §7.2): quoted fields, lemma in field 7,
        // a loan word's lemma with its source after a dash.
        let raw = #"名詞,普通名詞,一般,*,*,*,グーグル,グーグル-Google,グーグル,グーグル,グーグル,グーグル,外,*,*,*,*,*,*,体,グーグル,グーグル,グーグル,グーグル,"0","C2",*,123,456"#
        let features = MorphemeFeatures(raw: raw, layout: .unidic)
        #expect(features.partOfSpeechPath == "名詞-普通名詞-一般")
        #expect(features.baseForm == "グーグル")
        #expect(features.reading == "グーグル")
    }

    @Test func aUserDictionaryIsCompiledAndLoaded() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("themes.csv")
        try Data("地域活性化,1285,1285,5000,名詞,一般,*,*,*,*,地域活性化,チイキカッセイカ,チイキカッセイカ\n".utf8).write(to: csv)
        let compiled = directory.appendingPathComponent("themes.dic").path
        try MeCabModel.compileUserDictionary(csv: csv.path, dictionaryDirectory: TestSupport.ipadic, output: compiled)
        let model = try MeCabModel(dictionaryDirectory: TestSupport.ipadic, userDictionaries: [compiled])
        // docs/TEXT.md §9.3: the user entry is one token.
        let sentence = "地域活性化と支援"
        #expect(try MeCabTagger(model: model).tokenize(sentence).map { $0.surface(in: sentence) } == ["地域活性化", "と", "支援"])
        #expect(model.dictionaries.contains { $0.kind == .user })
        try Data("broken line\n".utf8).write(to: csv)
        #expect(throws: MeCabError.self) {
            try MeCabModel.compileUserDictionary(
                csv: csv.path, dictionaryDirectory: TestSupport.ipadic, output: directory.appendingPathComponent("x.dic").path)
        }
    }
}
