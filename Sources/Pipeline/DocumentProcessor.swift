import Analysis
import Corpus
import Logging
import Normalization
import Tokenization

/// Runs every stage on one input, for one worker: read and decode, structure, tokenize, then hand
/// the tokens to the worker's `CorpusAnalyzer`, or take the analyses from the cache when the
/// input's bytes were analyzed before under the same settings. Owns the worker's MeCab tagger, so
/// it is not shared between threads.
struct DocumentProcessor {
    let reader: CorpusReader
    let metadata: DocumentMetadata?
    let normalizer: TextNormalizer
    let tagger: MeCabTagger
    let cache: AnalysisCache?
    let logger: Logger
    /// The themes' names then the words looked for: what a hit's `match` indexes.
    var matchNames: [String] = []
    /// Characters of context around a concordance line's match.
    var kwicContext = 20

    /// Processes `source` into `analyzer`; says what the manifest records of it, and whether it
    /// came from the cache.
    func process(_ source: InputSource, into analyzer: inout CorpusAnalyzer) throws(PipelineError)
        -> (InputRecord, fromCache: Bool)
    {
        let data: Data
        do {
            data = try source.read()
        } catch {
            throw .inputs([error])
        }
        let sha256 = ContentHash.sha256(data)
        let format = reader.format(of: source)
        let metadata = self.metadata?.variables(for: source) ?? []
        if let entry = cache?.load(sha256: sha256, format: format) {
            for var analysis in entry.analyses {
                // The path (but a line's own id) and the metadata belong to this run; the rest to the bytes.
                if format != .lines { analysis.summary.path = source.displayPath }
                analysis.summary.variables = Self.merging(analysis.summary.variables, metadata)
                analyzer.add(analysis)
            }
            return (record(source, data, sha256, entry.encoding, format, entry.analyses.count), true)
        }
        let file: CorpusReader.InputFile
        do {
            file = try reader.read(source, data: data)
        } catch {
            throw .inputs([error])
        }
        var analyses: [DocumentAnalysis] = []
        for var document in file.documents {
            let own = document.variables
            document.variables = Self.merging(own, metadata)
            var analysis = try analyze(document, into: &analyzer)
            analysis.summary.variables = own
            analyses.append(analysis)
        }
        if let cache {
            let forCache = analyses.map { analysis in
                var analysis = analysis
                if format != .lines { analysis.summary.path = "" }
                return analysis
            }
            if let reason = cache.store(.init(encoding: file.encoding, analyses: forCache), sha256: sha256, format: format) {
                logger.warning("cannot write to the cache", metadata: ["path": "\(source.displayPath)", "reason": "\(reason)"])
            }
        }
        return (record(source, data, sha256, file.encoding, format, file.documents.count), false)
    }

    /// Structures, tokenizes and analyzes one document.
    private func analyze(_ document: SourceDocument, into analyzer: inout CorpusAnalyzer) throws(PipelineError)
        -> DocumentAnalysis
    {
        let label = document.record.map { "\(document.path) (row \($0))" } ?? document.path
        let structure: DocumentStructure
        do {
            structure = try DocumentStructure(document: document, normalizer: normalizer)
        } catch {
            throw .processing(path: label, reason: error.description)
        }
        var sentences: [(text: String, tokens: [Token], place: SentencePlace)] = []
        var tokenCount = 0
        let placed = structure.placedSentences
        for (sentence, place) in placed {
            let text = sentence.string
            do {
                let tokens = try tagger.tokenize(text)
                tokenCount += tokens.count
                sentences.append((text, tokens, place))
            } catch {
                let span = sentence.originalRange
                throw .processing(
                    path: label, reason: "\(error.description) (the sentence at characters \(span.lowerBound)–\(span.upperBound))")
            }
        }
        let footnotes = structure.paragraphs.filter { if case .footnote = $0.kind { true } else { false } }.count
        let summary = DocumentSummary(
            record: document.record, path: document.path, encoding: document.encoding.rawValue,
            variables: document.variables, byteCount: document.byteCount, sha256: document.sha256,
            characterCount: Self.scalarCount(document.text), paragraphCount: structure.paragraphs.count - footnotes,
            footnoteCount: footnotes, tokenCount: tokenCount,
            speakers: structure.speakerSummaries.map {
                SpeakerSummary(
                    name: $0.name, turns: $0.turns, paragraphs: $0.paragraphs, sentences: $0.sentences,
                    characters: $0.characters)
            })
        var fresh = analyzer.analyzeFresh(summary, sentences: sentences)
        // The concordance lines, made while the original text is at hand, are kept with the
        // analysis (and so in the cache).
        if fresh.analysis.sentences.contains(where: { !$0.hits.isEmpty }) {
            var found: [(traced: TracedText, place: SentencePlace, tokens: [Token], hits: [DocumentAnalysis.Hit])] = []
            for (index, sentence) in fresh.analysis.sentences.enumerated() {
                found.append((placed[index].sentence, sentence.place, sentences[index].tokens, sentence.hits))
            }
            fresh.analysis.summary.kwic = Concordance.lines(
                text: document.text, sentences: found, names: matchNames, context: kwicContext)
        }
        analyzer.add(fresh)
        return fresh.analysis
    }

    private func record(
        _ source: InputSource, _ data: Data, _ sha256: String, _ encoding: TextEncoding, _ format: TextFormat, _ documents: Int
    ) -> InputRecord {
        InputRecord(
            path: source.displayPath, bytes: data.count, sha256: sha256, encoding: encoding.rawValue,
            format: format.rawValue, documents: documents)
    }

    /// The Unicode scalars of `text`: its UTF-8 bytes that start one (all but continuation bytes),
    /// counted a word at a time instead of decoding every scalar.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var continuations = 0
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                offset += 8
            }
            for byte in raw[offset...] where byte & 0xC0 == 0x80 { continuations += 1 }
            return raw.count - continuations
        }
    }

    /// A row's own variables, then the metadata's that the row does not have.
    static func merging(_ own: [DocumentVariable], _ metadata: [DocumentVariable]) -> [DocumentVariable] {
        let names = Set(own.map(\.name))
        return own + metadata.filter { !names.contains($0.name) }
    }

}

import Foundation
