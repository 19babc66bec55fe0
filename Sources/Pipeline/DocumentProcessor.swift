import Analysis
import Corpus
import Normalization
import Tokenization

/// Runs every stage on one document, for one worker: read, structure, tokenize, extract terms,
/// match themes. Owns the worker's MeCab tagger, so it is not shared between threads.
struct DocumentProcessor {
    let normalizer: TextNormalizer
    let tagger: MeCabTagger
    let extractor = TermExtractor()
    let matcher: ThemeMatcher

    /// Processes the input at `index` (0-based) and adds it to `counts`.
    func process(_ source: InputSource, index: Int, into counts: inout CorpusCounts) throws(PipelineError) {
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
        var sentences: [SentenceAnalysis] = []
        var tokenCount = 0
        for sentence in structure.sentences {
            let tokens: [Token]
            do {
                tokens = try tagger.tokenize(sentence)
            } catch {
                throw .processing(path: document.path, reason: error.description)
            }
            tokenCount += tokens.count
            sentences.append(
                SentenceAnalysis(
                    terms: tokens.compactMap(extractor.term(for:)),
                    themeOccurrences: matcher.occurrences(in: sentence, tokens: tokens)))
        }
        let summary = DocumentSummary(
            id: index + 1, path: document.path, byteCount: document.byteCount, sha256: document.sha256,
            characterCount: document.text.count, paragraphCount: structure.paragraphs.count,
            tokenCount: tokenCount)
        counts.add(summary, sentences: sentences)
    }
}
