import Foundation
import Testing
import TestSupport

@testable import Tokenization

/// MeCab through kotoba's wrapper, checked against the `mecab` command and the vectors of
/// docs/TEXT.md §9.3.
struct MeCabTaggerTests {
    /// `surface<TAB>features` lines and `EOS`, the `mecab` command's default output.
    func mecabFormat(_ sentences: [String]) throws -> String {
        let tagger = try MeCabTagger(model: TestSupport.model)
        var text = ""
        for sentence in sentences {
            for token in try tagger.tokenize(sentence) { text += token.surface(in: sentence) + "\t" + token.features.raw + "\n" }
            text += "EOS\n"
        }
        return text
    }

    @Test func tokensEqualTheMecabCommandsOutput() throws {
        let sentences = [
            "地域活性化と小規模事業者の支援", "MACC（中小企業総合事業団）と地域。", "○西川区長　　ありがとう※１",
            "中小規模事業者の地域の活性化。", "すもももももももものうち",
        ]
        #expect(try mecabFormat(sentences) == TestSupport.mecab(sentences.joined(separator: "\n") + "\n"))
    }

    /// A sentence met again gets the tokens of its earlier parse (`ParseMemo`): one tagger given
    /// repeated sentences, short and long, known words and unknown, says what the `mecab` command
    /// says of each, and the short ones from their third time on are not parsed again.
    @Test func repeatedSentencesGiveTheTokensOfTheMecabCommand() throws {
        let short = ["名前", "説明", "特になし。", "はい。", "ＭＡＣＣと地域。"]
        let long = String(repeating: "地域活性化と小規模事業者の支援について話した。", count: 3)
        #expect(long.utf8.count > ParseMemo.maximumSentenceBytes)
        var sentences: [String] = []
        for round in 0..<4 {
            sentences += short
            sentences.append(long)
            sentences.append("一度だけの文その\(round)。")
        }
        let tagger = try MeCabTagger(model: TestSupport.model)
        var text = ""
        for sentence in sentences {
            for token in try tagger.tokenize(sentence) { text += token.surface(in: sentence) + "\t" + token.features.raw + "\n" }
            text += "EOS\n"
        }
        #expect(text == (try TestSupport.mecab(sentences.joined(separator: "\n") + "\n")))
        // Each short sentence is parsed twice (met, then remembered) and taken from the memo
        // twice; the long one is parsed every time.
        #expect(tagger.sentencesRemembered == short.count * 2)
    }

    /// The tokens of `sentences`, end to end, parsed by `tagger` with `memo` consulted first, as
    /// `MeCabTagger.tokenize(_:appendingTo:)` consults its own: a memo's bounds and trial are
    /// tested on a memo of the test's making.
    static func tokenize(_ sentences: [String], with tagger: MeCabTagger, memo: inout ParseMemo) -> [Token] {
        var tokens: [Token] = []
        for sentence in sentences {
            var text = sentence
            text.withUTF8 { utf8 in
                let span = utf8.span
                switch memo.lookUp(span) {
                case .remembered(let range):
                    memo.append(range, to: &tokens)
                case .metBefore(let item):
                    let start = tokens.count
                    try? tagger.tokenize(span, appendingTo: &tokens)
                    memo.remember(item, sentence: span, parsed: tokens[start...])
                case .new:
                    try? tagger.tokenize(span, appendingTo: &tokens)
                }
            }
        }
        return tokens
    }

    /// The memo remembers no more than its bounds of tokens, bytes and sentences, and then parses
    /// as before.
    @Test func theMemoKeepsToItsBound() throws {
        let tagger = try MeCabTagger(model: TestSupport.model)
        var memo = ParseMemo(maximumTokens: 3, maximumBytes: 64, maximumSentences: 2)
        let tokens = Self.tokenize(
            ["地域の支援", "地域の支援", "地域の支援", "はい", "はい", "いいえ"], with: tagger, memo: &memo)
        // 地域の支援 is three tokens, remembered at its second time and given at its third; はい
        // would pass the bound; いいえ is a third sentence, past the two noted.
        #expect(memo.hits == 1)
        #expect(tokens.count == 3 * 3 + 1 + 1 + 1)
        // Past its bound of bytes, a sentence of spaces (no tokens) is not remembered either.
        var spaces = ParseMemo(maximumTokens: 100, maximumBytes: 4, maximumSentences: 10)
        let blank = Array("      ".utf8)
        for _ in 0..<4 {
            if case .metBefore(let item) = spaces.lookUp(blank.span) {
                spaces.remember(item, sentence: blank.span, parsed: [])
            }
        }
        #expect(spaces.hits == 0)
    }

    /// A memo whose trial meets too few repeats closes and parses every sentence after; one whose
    /// trial meets enough stays open and gives the tokens of a repeat.
    @Test func theMemoClosesAfterATrialWithFewRepeats() throws {
        let tagger = try MeCabTagger(model: TestSupport.model)
        func run(_ sentences: [String], memo: inout ParseMemo) -> [Token] {
            Self.tokenize(sentences, with: tagger, memo: &memo)
        }
        // A trial of 100 lookups needs 2 repeats (one in 50) to stay open.
        let distinct = (1...98).map { "回答\($0)です" }
        let support = Array(repeating: "地域の支援", count: 3)
        // One repeat (回答1です) in the first 99 lookups: the 100th closes the memo, so 地域の支援 is
        // parsed all three times.
        let fewSentences = distinct + ["回答1です"] + support
        var few = ParseMemo(trialSentences: 100)
        let fewTokens = run(fewSentences, memo: &few)
        #expect(few.isClosed)
        #expect(few.hits == 0)
        // Two repeats: open, so 地域の支援 is remembered at its second time and given at its third.
        let enoughSentences = Array(distinct.prefix(97)) + ["回答1です", "回答2です"] + support
        var enough = ParseMemo(trialSentences: 100)
        let enoughTokens = run(enoughSentences, memo: &enough)
        #expect(!enough.isClosed)
        #expect(enough.hits == 1)
        // Either way the tokens are those of a parse of every sentence.
        var never = ParseMemo(maximumSentences: 0)
        #expect(fewTokens.map(\.byteRange) == run(fewSentences, memo: &never).map(\.byteRange))
        #expect(enoughTokens.map(\.byteRange) == run(enoughSentences, memo: &never).map(\.byteRange))
        #expect(fewTokens.map(\.ordinal) == run(fewSentences, memo: &never).map(\.ordinal))
    }

    @Test func featuresOfKnownAndUnknownWords() throws {
        let sentence = "地域活性化とＭＡＣＣ"
        let tokens = try MeCabTagger(model: TestSupport.model).tokenize(sentence)
        #expect(tokens.map { $0.surface(in: sentence) } == ["地域", "活性", "化", "と", "ＭＡＣＣ"])
        #expect(tokens.map(\.features.partOfSpeechPath) == ["名詞-一般", "名詞-一般", "名詞-接尾-サ変接続", "助詞-並立助詞", "名詞-固有名詞-組織"])
        #expect(tokens.map(\.isUnknown) == [false, false, false, false, true])
        #expect(tokens[0].features.baseForm == "地域")
        #expect(tokens[0].features.reading == "チイキ")
        #expect(tokens[4].features.baseForm == nil)
        #expect(tokens[4].lemma(in: sentence) == "ＭＡＣＣ")
    }

    @Test func byteRangesPointIntoTheSentenceAndSkipSpaces() throws {
        let sentence = "MACC 平成 16年"
        let tokens = try MeCabTagger(model: TestSupport.model).tokenize(sentence)
        let bytes = Array(sentence.utf8)
        for token in tokens {
            #expect(String(decoding: bytes[token.byteRange], as: UTF8.self) == token.surface(in: sentence))
        }
        #expect(tokens.map(\.byteRange.lowerBound) == [0, 5, 12, 14])
    }

    @Test func sameEntryGivesTheSameFeatureObject() throws {
        let tokens = try MeCabTagger(model: TestSupport.model).tokenize("地域と地域")
        #expect(tokens[0].features === tokens[2].features)
    }

    @Test func emptySentenceHasNoTokens() throws {
        #expect(try MeCabTagger(model: TestSupport.model).tokenize("").isEmpty)
    }

    @Test func taggersOnOneModelWorkInParallel() throws {
        let sentence = "荒川区と中小機構の連携事業をきっかけに、我々は荒川区内に本社を置く中小企業に対して支援を行いました。"
        let expected = try mecabFormat([sentence])
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let output = (try? mecabFormat(Array(repeating: sentence, count: 20))) ?? ""
            results.withLock { $0.append(output) }
        }
        #expect(results.withLock { $0 }.allSatisfy { $0 == String(repeating: expected, count: 20) })
    }

    @Test func aMissingDictionaryIsNamed() {
        #expect(throws: MeCabError.dictionaryUnavailable(path: "/nonexistent/dic", reason: "no such directory")) {
            try MeCabModel(dictionaryDirectory: "/nonexistent/dic")
        }
    }

    @Test func aDirectoryWithoutDictionaryFilesIsRefused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            throws: MeCabError.dictionaryUnavailable(path: directory.path, reason: "sys.dic is missing or unreadable")
        ) {
            try MeCabModel(dictionaryDirectory: directory.path)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/var/lib/mecab/dic/ipadic/sys.dic"),
                   "Debian's EUC-JP build of IPAdic (mecab-ipadic) is installed with mecab-ipadic-utf8"))
    func aDictionaryNotCompiledForUTF8IsRefused() {
        #expect {
            try MeCabModel(dictionaryDirectory: "/var/lib/mecab/dic/ipadic")
        } throws: { error in
            guard case .dictionaryUnavailable(_, let reason) = error as? MeCabError else { return false }
            return reason.contains("EUC-JP") && reason.contains("UTF-8")
        }
    }

    @Test func theModelReportsItsDictionary() {
        let system = TestSupport.model.dictionaries.first { $0.kind == .system }
        #expect(system?.charset.uppercased() == "UTF-8")
        #expect(system?.filename.hasSuffix("sys.dic") == true)
        #expect(MeCabModel.libraryVersion.hasPrefix("0."))
    }
}

import Synchronization
