import Analysis
import Corpus
import Normalization
import Tokenization

/// Runs every stage on one input, for one worker: read and decode, structure, tokenize, then hand
/// the tokens to the worker's `CorpusAnalyzer`. Owns the worker's MeCab tagger, so it is not
/// shared between threads.
struct DocumentProcessor {
    let reader: CorpusReader
    let normalizer: TextNormalizer
    let tagger: MeCabTagger

    /// What the manifest records of an input.
    struct InputRecord: Sendable, Codable {
        var path: String
        var bytes: Int
        var sha256: String
        var encoding: String
        var format: String
        var documents: Int
    }

    /// Processes the input at `index` (0-based in the run's input list) into `analyzer`.
    func process(_ source: InputSource, index: Int, into analyzer: inout CorpusAnalyzer) throws(PipelineError)
        -> InputRecord
    {
        let file: CorpusReader.InputFile
        do {
            file = try reader.read(source)
        } catch {
            throw .inputs([error])
        }
        for document in file.documents {
            let label = document.record.map { "\(document.path) (row \($0))" } ?? document.path
            let structure: DocumentStructure
            do {
                structure = try DocumentStructure(document: document, normalizer: normalizer)
            } catch {
                throw .processing(path: label, reason: error.description)
            }
            var sentences: [(text: String, tokens: [Token])] = []
            var tokenCount = 0
            for sentence in structure.sentences {
                let text = sentence.string
                do {
                    let tokens = try tagger.tokenize(text)
                    tokenCount += tokens.count
                    sentences.append((text, tokens))
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
                characterCount: document.text.unicodeScalars.count, paragraphCount: structure.paragraphs.count - footnotes,
                footnoteCount: footnotes, tokenCount: tokenCount,
                speakers: structure.speakerSummaries.map {
                    SpeakerSummary(
                        name: $0.name, turns: $0.turns, paragraphs: $0.paragraphs, sentences: $0.sentences,
                        characters: $0.characters)
                })
            analyzer.add(summary, sentences: sentences)
        }
        return InputRecord(
            path: file.path, bytes: file.byteCount, sha256: file.sha256, encoding: file.encoding.rawValue,
            format: file.format.rawValue, documents: file.documents.count)
    }
}
