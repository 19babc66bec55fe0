// Micro-benchmarks of kotoba's stages on the bundled interview (issue 8): normalization, MeCab
// tokenization, term analysis, counting, and building the reports' tables. Each measures one stage
// on inputs the earlier stages made outside the measurement, with malloc and instruction counts,
// which do not depend on what else the machine is doing, so a regression shows without timing
// noise; wall-clock time is for information.

import Analysis
import Benchmark
import Corpus
import Foundation
import Reporting
import TextPreparation
import Tokenization

/// The inputs every benchmark starts from, made once: the interview's paragraphs, normalized and
/// split into sentences, tokenized, and analyzed.
enum Fixture {
    /// The repository's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let normalizer = TextNormalizer()
    static let key: @Sendable (String) -> String = { text in (try? normalizer.key(text)) ?? text }

    /// The interview's non-empty lines, as written.
    static let paragraphs: [String] = {
        let path = root.appendingPathComponent("corpus/arakawa-smrj-interview.txt").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            preconditionFailure("cannot read \(path)")
        }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }()

    /// The longest paragraph: what the normalization benchmark normalizes.
    static let longestParagraph = paragraphs.max { $0.utf8.count < $1.utf8.count } ?? ""

    /// The interview's sentences, normalized, each with its paragraph.
    static let sentences: [(text: String, paragraph: Int)] = {
        let splitter = SentenceSplitter()
        var sentences: [(text: String, paragraph: Int)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            guard let normalized = try? normalizer.normalize(paragraph) else {
                preconditionFailure("cannot normalize paragraph \(index)")
            }
            sentences += splitter.sentences(in: normalized).map { ($0, index) }
        }
        return sentences
    }()

    /// IPAdic, kotoba's default dictionary.
    static let model: MeCabModel = {
        guard let directory = DictionaryLocator.defaultIPAdic() else {
            preconditionFailure("no IPAdic UTF-8 dictionary: run scripts/setup.sh")
        }
        do {
            return try MeCabModel(dictionaryDirectory: directory)
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Three of corpus/themes.yml's themes, keyed as the pipeline keys them.
    static let themes: [Theme] = [
        ("地域活性化", ["地域活性化", "地域の活性化", "地域経済の活性化", "各地域の活性化", "地域を活性化", "まちづくり", "地域振興"]),
        ("小規模事業者", ["小規模事業者", "小規模企業", "個人事業主"]),
        ("中小企業支援", ["中小企業支援", "企業支援", "経営相談", "専門家派遣", "販路開拓", "経営アドバイス", "支援機関"]),
    ].map { name, forms in
        Theme(name: name, forms: forms, normalizedForms: forms.map { key((try? normalizer.normalize($0)) ?? $0) })
    }

    /// The counts of the interview analyzed ten times over: what the report benchmarks write.
    static func countsX10() throws -> CorpusCounts {
        let sentences = tokenizedSentences(tagger: try MeCabTagger(model: model))
        let tokens = sentences.reduce(0) { $0 + $1.tokens.count }
        var analyzer = CorpusAnalyzer(themes: themes, key: key)
        for number in 0..<10 { analyzer.add(summary(number: number, tokens: tokens), sentences: sentences) }
        return analyzer.counts
    }

    /// The interview tokenized, as the analyzer takes it.
    static func tokenizedSentences(tagger: MeCabTagger) -> [(text: String, tokens: [Token], place: SentencePlace)] {
        sentences.map { sentence in
            guard let tokens = try? tagger.tokenize(sentence.text) else {
                preconditionFailure("MeCab cannot parse: \(sentence.text)")
            }
            return (sentence.text, tokens, SentencePlace(paragraph: sentence.paragraph))
        }
    }

    /// The interview as document `number`'s summary.
    static func summary(number: Int, tokens: Int) -> DocumentSummary {
        DocumentSummary(
            path: "interview-\(number).txt", byteCount: paragraphs.reduce(0) { $0 + $1.utf8.count },
            sha256: String(number), characterCount: paragraphs.reduce(0) { $0 + $1.unicodeScalars.count },
            paragraphCount: paragraphs.count, tokenCount: tokens)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .wallClock], warmupIterations: 2, maxDuration: .seconds(2),
        maxIterations: 100)

    Benchmark("normalize/longest-paragraph") { benchmark in
        let paragraph = Fixture.longestParagraph
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? Fixture.normalizer.normalize(paragraph))
        }
    }

    Benchmark("tokenize/interview-sentences") { (benchmark) throws -> Void in
        let tagger = try MeCabTagger(model: Fixture.model)
        let sentences = Fixture.sentences.map(\.text)
        // The tagger's feature cache fills on the first pass, as it does early in a worker's run.
        for sentence in sentences { blackHole(try tagger.tokenize(sentence)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for sentence in sentences { blackHole(try tagger.tokenize(sentence)) }
        }
    }

    Benchmark("analyze/interview") { (benchmark) throws -> Void in
        let sentences = Fixture.tokenizedSentences(tagger: try MeCabTagger(model: Fixture.model))
        let tokens = sentences.reduce(0) { $0 + $1.tokens.count }
        var analyzer = CorpusAnalyzer(themes: Fixture.themes, key: Fixture.key)
        // A worker's analyzer knows the dictionary entries it has met: measure it warm. As the
        // pipeline does: each document analyzed into the worker's batch and counted, the batch
        // emptied once the cache would have stored it.
        analyzer.add(Fixture.summary(number: 0, tokens: tokens), sentences: sentences)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            analyzer.add(Fixture.summary(number: iteration, tokens: tokens), sentences: sentences)
        }
        blackHole(analyzer.counts)
    }

    Benchmark("count/interview-x10") { (benchmark) throws -> Void in
        let sentences = Fixture.tokenizedSentences(tagger: try MeCabTagger(model: Fixture.model))
        let tokens = sentences.reduce(0) { $0 + $1.tokens.count }
        var analyzer = CorpusAnalyzer(themes: Fixture.themes, key: Fixture.key)
        let analyses = (0..<10).map { analyzer.analyze(Fixture.summary(number: $0, tokens: tokens), sentences: sentences) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var counts = CorpusCounts(themeNames: Fixture.themes.map(\.name))
            for analysis in analyses { counts.add(analysis) }
            blackHole(counts)
        }
    }

    Benchmark("reports/tables-interview-x10") { (benchmark) throws -> Void in
        let counts = try Fixture.countsX10()
        let options = Reports.Options()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for (_, table) in Reports.tables(counts: counts, themes: Fixture.themes, options: options) {
                blackHole(table())
            }
        }
    }

    // Writing the tables as CSV (cells into bytes, the row sources' sorting and measures), which
    // the benchmark above leaves out: a streamed table makes its rows only as it is written.
    Benchmark("reports/csv-interview-x10") { (benchmark) throws -> Void in
        let counts = try Fixture.countsX10()
        let options = Reports.Options()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for (stem, table) in Reports.tables(counts: counts, themes: Fixture.themes, options: options) {
                blackHole(try table().render(options.csv, file: stem + ".csv"))
            }
        }
    }
}
