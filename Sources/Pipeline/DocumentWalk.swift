import Corpus
import Foundation
import Reporting
import TextPreparation
import Tokenization

/// The inputs of a configuration, document by document, read, given their `--metadata`
/// variables, structured and normalized as `kotoba run` does, with a tagger on the run's model
/// (user dictionaries included): for the commands that show text rather than count it
/// (`tokenize`, `kwic`). Everything comes from `Pipeline.setUp`, so these commands read the
/// configuration as a run reads it. One thread, in input order; the first problem stops it.
enum DocumentWalk {
    static func run(
        _ pipeline: Pipeline, setup: Pipeline.Setup,
        body: (SourceDocument, DocumentStructure, MeCabTagger) throws(PipelineError) -> Void
    ) throws(PipelineError) {
        let tagger: MeCabTagger
        do {
            tagger = try MeCabTagger(model: setup.model)
        } catch {
            throw .dictionary(error)
        }
        let listing = try pipeline.list()
        guard listing.problems.isEmpty else { throw .inputs(listing.problems) }
        for input in listing.inputs {
            let file: CorpusReader.InputFile
            do {
                file = try setup.reader.read(input)
            } catch {
                throw .inputs([error])
            }
            let metadata = setup.metadata?.variables(for: input) ?? []
            for var document in file.documents {
                if !metadata.isEmpty { document.variables = DocumentProcessor.merging(document.variables, metadata) }
                let structure: DocumentStructure
                do {
                    structure = try DocumentStructure(document: document, normalizer: setup.normalizer)
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

extension Pipeline {
    /// `kotoba tokenize`: the inputs' text as the tokenizer sees it, or MeCab's tokens of it, in
    /// `format`, handed to `write` one document at a time (`TokenDump`).
    public func tokenize(format: TokenDump.Format, write: (String) -> Void) throws(PipelineError) {
        try configuration.validate()
        let setup = try setUp(openingCache: false)
        try TokenDump.run(self, setup: setup, format: format, write: write)
    }

    /// What `kotoba kwic` prints: the concordance as CSV, and the words looked for that it never
    /// found (for a warning, as `kotoba run --kwic` gives).
    public struct ConcordanceOutput: Sendable {
        public var csv: Data
        public var wordsNotFound: [String]
    }

    /// `kotoba kwic`: every occurrence of the themes and of the words looked for
    /// (`configuration.kwic`) in context (`configuration.kwicContext` characters each side), as
    /// CSV in the configuration's CSV format, for standard output (no byte-order mark).
    public func concordance() throws(PipelineError) -> ConcordanceOutput {
        try configuration.validate()
        let setup = try setUp(openingCache: false)
        let table = try Concordance.table(self, setup: setup)
        do throws(ReportError) {
            return ConcordanceOutput(
                csv: try table.render(configuration.csvFormat, file: "-", toStandardOutput: true),
                wordsNotFound: Concordance.wordsNotFound(configuration.kwic, in: table))
        } catch {
            throw .output(error)
        }
    }
}
