import Corpus
import Normalization
import Tokenization

/// `kotoba tokenize`: shows what the tokenizer sees and what MeCab makes of it, one document after
/// another in input order, without counting anything.
public enum TokenDump {
    public enum Format: String, Sendable, CaseIterable {
        /// MeCab's own default output: `surface<TAB>features` per token, `EOS` after each sentence.
        case mecab
        /// The normalized sentences, one per line: feed them to the `mecab` command to compare.
        case sentences
    }

    /// Tokenizes `inputs` and hands the text to `write`, one document at a time.
    public static func run(
        inputs: [String], dictionary: String?, format: Format, write: (String) -> Void
    ) throws(PipelineError) {
        let dictionaryDirectory = try Pipeline.dictionaryDirectory(dictionary)
        let tagger: MeCabTagger
        do {
            tagger = try MeCabTagger(model: try MeCabModel(dictionaryDirectory: dictionaryDirectory))
        } catch {
            throw .dictionary(error)
        }
        let listing: CorpusScanner.Listing
        do {
            listing = try CorpusScanner().listing(for: inputs)
        } catch {
            throw .inputs(error.problems)
        }
        let normalizer = TextNormalizer()
        for input in listing.inputs {
            let document: SourceDocument
            let structure: DocumentStructure
            do {
                document = try SourceDocument.load(input)
            } catch {
                throw .inputs([error])
            }
            do {
                structure = try DocumentStructure(text: document.text, normalizer: normalizer)
            } catch {
                throw .processing(path: document.path, reason: error.description)
            }
            var text = ""
            for sentence in structure.sentences {
                switch format {
                case .sentences:
                    text += sentence + "\n"
                case .mecab:
                    let tokens: [Token]
                    do {
                        tokens = try tagger.tokenize(sentence)
                    } catch {
                        throw .processing(path: document.path, reason: error.description)
                    }
                    for token in tokens { text += token.surface + "\t" + token.features.raw + "\n" }
                    text += "EOS\n"
                }
            }
            write(text)
        }
    }
}
