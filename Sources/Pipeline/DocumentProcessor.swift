import Analysis
import Corpus
import Normalization
import Tokenization

/// Runs every stage on one document, for one worker: read, structure, tokenize, then hand the
/// tokens to the worker's `CorpusAnalyzer`. Owns the worker's MeCab tagger, so it is not shared
/// between threads.
struct DocumentProcessor {
    let normalizer: TextNormalizer
    let tagger: MeCabTagger

    /// Processes the input at `index` (0-based) into `analyzer`.
    func process(_ source: InputSource, index: Int, into analyzer: inout CorpusAnalyzer) throws(PipelineError) {
        let document: SourceDocument
        do {
            document = try SourceDocument.load(source)
        } catch {
            throw .inputs([error])
        }
        let structure: DocumentStructure
        do {
            structure = try DocumentStructure(text: document.text, normalizer: normalizer)
        } catch {
            throw .processing(path: document.path, reason: error.description)
        }
        var sentences: [(text: String, tokens: [Token])] = []
        var tokenCount = 0
        for sentence in structure.sentences {
            do {
                let tokens = try tagger.tokenize(sentence)
                tokenCount += tokens.count
                sentences.append((sentence, tokens))
            } catch {
                throw .processing(path: document.path, reason: error.description)
            }
        }
        let summary = DocumentSummary(
            id: index + 1, path: document.path, byteCount: document.byteCount, sha256: document.sha256,
            characterCount: document.text.count, paragraphCount: structure.paragraphs.count,
            tokenCount: tokenCount)
        analyzer.add(summary, sentences: sentences)
    }
}
