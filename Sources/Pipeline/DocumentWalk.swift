import Corpus
import Foundation
import TextPreparation
import Tokenization

/// The inputs of a configuration, document by document, read, structured and normalized as
/// `kotoba run` does, with a tagger for their sentences: for the commands that show text rather
/// than count it (`tokenize`, `kwic`). One thread, in input order; the first problem stops it.
enum DocumentWalk {
    static func run(
        configuration: PipelineConfiguration,
        body: (SourceDocument, DocumentStructure, MeCabTagger) throws(PipelineError) -> Void
    ) throws(PipelineError) {
        let dictionaryDirectory = try Pipeline.dictionaryDirectory(configuration.dictionary)
        let tagger: MeCabTagger
        do {
            tagger = try MeCabTagger(model: try MeCabModel(dictionaryDirectory: dictionaryDirectory))
        } catch {
            throw .dictionary(error)
        }
        let listing: CorpusScanner.Listing
        do {
            listing = try CorpusScanner().listing(for: configuration.inputs, fileLists: configuration.fileLists, root: configuration.inputRoot)
        } catch {
            throw .inputs(error.problems)
        }
        let reader = Pipeline.reader(for: configuration)
        let normalizer = configuration.normalizer
        for input in listing.inputs {
            let file: CorpusReader.InputFile
            do {
                file = try reader.read(input)
            } catch {
                throw .inputs([error])
            }
            for document in file.documents {
                let structure: DocumentStructure
                do {
                    structure = try DocumentStructure(document: document, normalizer: normalizer)
                } catch {
                    throw .processing(path: document.path, reason: error.description)
                }
                try body(document, structure, tagger)
            }
        }
    }

    /// MeCab's tokens of `sentence`; a failure names the document.
    static func tokens(of sentence: TracedText, tagger: MeCabTagger, path: String) throws(PipelineError) -> [Token] {
        do {
            return try tagger.tokenize(sentence.string)
        } catch {
            throw .processing(path: path, reason: error.description)
        }
    }
}
