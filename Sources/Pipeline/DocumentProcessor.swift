import Analysis
import Bytes
import Corpus
import Foundation
import Logging
import TextPreparation
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
    /// The worker's access to the cache (which the worker finishes when it is done).
    let cache: AnalysisCache.Writer?
    let logger: Logger
    /// The themes' names then the words looked for: what a hit's `match` indexes.
    var matchNames: [String] = []
    /// Characters of context around a concordance line's match.
    var kwicContext = 20

    /// An input as read: its analyses came from the cache (and are counted), or the cache holds
    /// them in chunks for the workers to count (`count(chunk:of:into:)`), or its documents are to
    /// be analyzed (`analyze`), then stored (`store`).
    enum Read {
        case cached(InputRecord)
        case cachedInChunks(data: Data, sha256: String, format: TextFormat, encoding: TextEncoding, chunks: Int)
        case fresh(CorpusReader.InputFile)
    }

    /// Reads `source` (whose SHA-256 is `sha256`, and bytes `data`, when the caller has them
    /// already); counts its analyses into `counting` if the cache has them whole, else decodes it
    /// into documents.
    func read(_ source: InputSource, sha256 known: String?, data read: Data? = nil, into counting: inout CachedCounting)
        throws(PipelineError) -> Read
    {
        let data: Data
        if let read {
            data = read
        } else {
            do {
                data = try source.read()
            } catch {
                throw .inputs([error])
            }
        }
        let sha256 = known ?? ContentHash.sha256(data)
        let format = reader.format(of: source)
        switch cache.map({ counting.lookup(sha256: sha256, format: format, in: $0) }) {
        case .hit(let encoding, let chunks):
            guard chunks == 0 else {
                return .cachedInChunks(data: data, sha256: sha256, format: format, encoding: encoding, chunks: chunks)
            }
            let documents = counting.countDocuments(of: source, format: format, metadata: metadata(for: source))
            return .cached(Self.record(of: source, bytes: data.count, sha256: sha256, encoding, format, documents))
        case .damaged:
            // Analyzed again below, and stored anew: the new record is found first from now on.
            logger.warning("a cached analysis is damaged; analyzing it again", metadata: ["path": "\(source.displayPath)"])
        case .absent, nil:
            break
        }
        do {
            return .fresh(try reader.read(source, data: data, sha256: sha256, deferringRows: true))
        } catch {
            throw .inputs([error])
        }
    }

    /// Counts chunk `number` of `input` into `counting`, from its cache record; if that record
    /// turns out damaged, the chunk's documents are analyzed again from the input's bytes into
    /// `analyzer` (and stored anew), so the count never misses them. Returns how many documents
    /// the chunk has.
    func count(
        chunk number: Int, of input: CachedInput, into counting: inout CachedCounting, analyzer: inout CorpusAnalyzer
    ) throws(PipelineError) -> Int {
        if let cache, counting.chunk(number, sha256: input.sha256, format: input.format, in: cache) {
            return counting.countDocuments(of: input.source, format: input.format, metadata: metadata(for: input.source))
        }
        logger.warning(
            "a cached analysis is damaged; analyzing it again",
            metadata: ["path": "\(input.source.displayPath)", "chunk": "\(number)"])
        let file: CorpusReader.InputFile
        do {
            file = try reader.read(input.source, data: input.data, sha256: input.sha256, deferringRows: true)
        } catch {
            throw .inputs([error])
        }
        let job = InputJob(index: input.index, file: file, chunkBytes: Pipeline.chunkBytes)
        guard job.chunkCount == input.chunkCount else {
            throw .internal(
                "\(input.source.displayPath): the cache has \(input.chunkCount) chunks of this input, its rows make \(job.chunkCount)")
        }
        let documents = job.documents(of: number)
        try analyze(documents, of: input.source, into: &analyzer)
        store(analyzedIn: &analyzer, of: file, chunk: number)
        return documents.count
    }

    /// The metadata's variables for `source` (none without `--metadata`).
    private func metadata(for source: InputSource) -> [DocumentVariable] {
        metadata?.variables(for: source) ?? []
    }

    /// Analyzes `documents` of `file` (read from `source`) into `analyzer`, each counted as it is
    /// done; with a cache, their analyses stay in `analyzer.analyzed` as the cache keeps them, for
    /// `store(analyzedIn:of:chunk:)`. After an error, what the documents left there is dropped.
    ///
    /// Documents are taken a group at a time (`TokenizedDocuments`): the group's documents are
    /// structured, then their sentences parsed, then the documents analyzed and counted, each
    /// stage over the whole group in a row, so that a stage's code and data stay in the CPU's
    /// caches while it runs (MeCab's above all: docs/PERFORMANCE.md). A document too long for a
    /// group is parsed a group's bytes at a time as it is analyzed (`analyzeLong`), so no more
    /// than a group's tokens are ever held. An error of a document's structure (ICU failing) is
    /// met before the parse of the documents structured before it in its group.
    func analyze(_ documents: ArraySlice<SourceDocument>, of source: InputSource, into analyzer: inout CorpusAnalyzer)
        throws(PipelineError)
    {
        let metadata = metadata(for: source)
        let lines = reader.format(of: source) == .lines
        var group = TokenizedDocuments()
        var tokens: [Token] = []
        do throws(PipelineError) {
            // Through a span, by index: a group keeps a document's index, not a copy of it (a
            // copy retains its strings and arrays and releases them again, for every row of a
            // survey's table; docs/PERFORMANCE.md).
            let documents = documents.span
            for index in documents.indices {
                let structure = try self.structure(of: documents[index])
                guard structure.sentenceBytes <= TokenizedDocuments.groupBytes else {
                    try analyze(
                        &group, of: documents, metadata: metadata, lines: lines, into: &analyzer, tokens: &tokens)
                    try analyzeLong(
                        documents[index], structure, metadata: metadata, lines: lines, into: &analyzer, tokens: &tokens)
                    continue
                }
                group.append(index, structure: structure)
                if group.isFull {
                    try analyze(
                        &group, of: documents, metadata: metadata, lines: lines, into: &analyzer, tokens: &tokens)
                }
            }
            try analyze(&group, of: documents, metadata: metadata, lines: lines, into: &analyzer, tokens: &tokens)
        } catch {
            analyzer.removeAnalyzed()
            throw error
        }
    }

    /// Analyzes small inputs a worker took in a row (`jobs`, each one chunk: `InputJob`; `sources`
    /// are the run's inputs) as one group: every input's documents structured, then all their
    /// sentences parsed, then each input analyzed, counted and stored (`store(analyzedIn:of:)`)
    /// in turn. Returns each input's outcome in order, and the documents it counted: a failure is
    /// met while structuring or parsing, before any of the input is counted, except in an input
    /// whose normalized text outgrew a group, which is analyzed on its own as a chunk is.
    ///
    /// Why: a group costs MeCab a refill of the CPU's caches (`TokenizedDocuments`), and the
    /// transcripts and man pages are files of a document each, most of them a few kilobytes; one
    /// group a file left libmecab missing the second-level cache 2.2 and 2.6 times as often as
    /// the floor on the same sentences (callgrind's cache model, docs/PERFORMANCE.md).
    func analyze(_ jobs: [InputJob], of sources: [InputSource], into analyzer: inout CorpusAnalyzer)
        -> [(outcome: Result<Void, PipelineError>, counted: Int)]
    {
        var outcomes: [(outcome: Result<Void, PipelineError>, counted: Int)?] = Array(repeating: nil, count: jobs.count)
        var groups = Array(repeating: TokenizedDocuments(), count: jobs.count)
        // Each input's documents, read through a span by index, like a chunk's.
        let documents = jobs.map { $0.documents(of: 0) }
        for number in jobs.indices {
            do throws(PipelineError) {
                let slice = documents[number]
                let span = slice.span
                for index in span.indices {
                    groups[number].append(index, structure: try structure(of: span[index]))
                }
                // Normalization can lengthen a text: one that no longer fits a group is analyzed
                // on its own below.
                if groups[number].sentenceBytes > TokenizedDocuments.groupBytes { groups[number].removeAll() }
            } catch {
                outcomes[number] = (.failure(error), 0)
            }
        }
        for number in jobs.indices where outcomes[number] == nil && !groups[number].documents.isEmpty {
            do throws(PipelineError) {
                let slice = documents[number]
                let span = slice.span
                try groups[number].parse { (index, paragraph, range, tokens) throws(PipelineError) in
                    try tokenize(range, of: paragraph, in: span[index], appendingTo: &tokens)
                }
            } catch {
                outcomes[number] = (.failure(error), 0)
            }
        }
        var tokens: [Token] = []
        for (number, job) in jobs.enumerated() where outcomes[number] == nil {
            let source = sources[job.index]
            let countedBefore = analyzer.counts.documentCount
            if groups[number].documents.isEmpty {
                do throws(PipelineError) {
                    try analyze(documents[number], of: source, into: &analyzer)
                } catch {
                    // Documents it counted before the failure stay counted: the caller tells.
                    outcomes[number] = (.failure(error), analyzer.counts.documentCount - countedBefore)
                    continue
                }
            } else {
                let slice = documents[number]
                analyzeParsed(
                    &groups[number], of: slice.span, metadata: metadata(for: source),
                    lines: reader.format(of: source) == .lines, into: &analyzer, tokens: &tokens)
            }
            store(analyzedIn: &analyzer, of: job.file)
            outcomes[number] = (.success(()), analyzer.counts.documentCount - countedBefore)
        }
        return outcomes.map { $0! }
    }

    /// Stores the analyses in `analyzer.analyzed`, of `file`'s documents in order, in the cache
    /// (if any), as the input's entry or as its chunk `number` (analyzed in chunks, `InputJob`;
    /// `store(chunks:of:)` stores the input's own entry when all are done); then empties them.
    func store(analyzedIn analyzer: inout CorpusAnalyzer, of file: CorpusReader.InputFile, chunk number: Int? = nil) {
        defer { analyzer.removeAnalyzed() }
        guard let cache else { return }
        let reason = cache.store(
            analyzer.analyzed, terms: analyzer.analyzedTerms, encoding: file.encoding, sha256: file.sha256,
            format: file.format, chunk: number)
        if let reason {
            logger.warning("cannot write to the cache", metadata: ["path": "\(file.path)", "reason": "\(reason)"])
        }
    }

    /// Stores the entry of `file`, whose `chunks` chunks are stored already.
    func store(chunks: Int, of file: CorpusReader.InputFile) {
        guard let cache else { return }
        let entry = AnalysisCache.Entry(encoding: file.encoding, analyses: [], chunks: chunks)
        if let reason = cache.store(entry, sha256: file.sha256, format: file.format) {
            logger.warning("cannot write to the cache", metadata: ["path": "\(file.path)", "reason": "\(reason)"])
        }
    }

    /// What the manifest records of `file`.
    static func record(of file: CorpusReader.InputFile) -> InputRecord {
        InputRecord(
            path: file.reportPath, bytes: file.byteCount, sha256: file.sha256, encoding: file.encoding.rawValue,
            format: file.format.rawValue, documents: file.documentCount)
    }

    /// The structure of `document` (layout repaired, normalized, split into sentences).
    private func structure(of document: borrowing SourceDocument) throws(PipelineError) -> DocumentStructure {
        do {
            return try DocumentStructure(document: document, normalizer: normalizer)
        } catch {
            throw .processing(path: Self.label(of: document), reason: error.description)
        }
    }

    /// Parses the sentence `range` of `paragraph`, of `document`, appending its tokens to `tokens`.
    private func tokenize(
        _ range: Range<Int>, of paragraph: borrowing TracedText, in document: borrowing SourceDocument,
        appendingTo tokens: inout [Token]
    ) throws(PipelineError) {
        try tokenize(range, of: paragraph, label: { Self.label(of: document) }, appendingTo: &tokens)
    }

    /// Parses the sentence `range` of `paragraph`, of the document an error names `label()`,
    /// appending its tokens to `tokens`.
    private func tokenize(
        _ range: Range<Int>, of paragraph: borrowing TracedText, label: () -> String, appendingTo tokens: inout [Token]
    ) throws(PipelineError) {
        #if DEBUG
            if let marker = Self.faultMarker, paragraph.string.contains(marker) {
                throw .processing(path: label(), reason: "fault injected by KOTOBA_TEST_FAULT")
            }
        #endif
        do throws(MeCabError) {
            // MeCab reads the sentence's bytes where they are, in its paragraph: no copy.
            try tagger.tokenize(paragraph.utf8.span.extracting(range), appendingTo: &tokens)
        } catch {
            let span = paragraph.originalRange(of: range)
            throw .processing(
                path: label(),
                reason: "\(error.description) (the sentence at characters \(span.lowerBound)–\(span.upperBound))")
        }
    }

    #if DEBUG
        /// A test hook (debug builds only, as the others: `ExitStatus`): with
        /// `KOTOBA_TEST_FAULT=fail-paragraph:TEXT`, parsing any sentence of a paragraph that holds
        /// TEXT fails as MeCab failing would, so a test can make an input fail in the middle.
        static let faultMarker: String? = {
            guard let fault = ProcessInfo.processInfo.environment["KOTOBA_TEST_FAULT"],
                fault.hasPrefix("fail-paragraph:")
            else { return nil }
            return String(fault.dropFirst("fail-paragraph:".count))
        }()
    #endif

    /// What an error names `document` by. Made only for an error: formatting it for every row of
    /// a table cost more than counting the row.
    private static func label(of document: borrowing SourceDocument) -> String {
        document.record.map { "\(document.path) (row \($0))" } ?? document.path
    }

    /// Analyzes `document` (structured as `structure`), whose sentences hold more than a group's
    /// bytes, as `analyze(_:_:metadata:lines:into:tokens:tokenizing:)` does: its sentences are
    /// parsed a group's bytes at a time (`TokenizedDocuments.groupBytes`), each stretch just
    /// before the analyzer asks for its first sentence, so that MeCab and the analyzer take turns
    /// on the CPU's caches a stretch at a time, not a sentence at a time (a long man page), and
    /// no more than a group's tokens are held.
    private func analyzeLong(
        _ document: borrowing SourceDocument, _ structure: borrowing DocumentStructure, metadata: [DocumentVariable],
        lines: Bool, into analyzer: inout CorpusAnalyzer, tokens: inout [Token]
    ) throws(PipelineError) {
        // The sentences in the order the analyzer asks for them (`forEachPlacedSentence`'s).
        var sentences: [(paragraph: Int, range: Range<Int>)] = []
        let paragraphs = structure.paragraphs
        for paragraph in paragraphs.indices {
            for range in paragraphs[paragraph].sentenceRanges { sentences.append((paragraph, range)) }
        }
        // The stretch parsed: its sentences' tokens end to end, where each ends, the first one's
        // number; and the number of the sentence asked for next.
        var stretch: [Token] = []
        var ends: [Int] = []
        var first = 0
        var next = 0
        let label = Self.label(of: document)  // once: the document is long
        try analyze(document, structure, metadata: metadata, lines: lines, into: &analyzer, tokens: &tokens) {
            _, _, tokens throws(PipelineError) in
            if next == first + ends.count {
                stretch.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                first = next
                var bytes = 0
                while first + ends.count < sentences.count {
                    let (paragraph, range) = sentences[first + ends.count]
                    guard ends.isEmpty || bytes + range.count <= TokenizedDocuments.groupBytes else { break }
                    try tokenize(range, of: paragraphs[paragraph].text, label: { label }, appendingTo: &stretch)
                    ends.append(stretch.count)
                    bytes += range.count
                }
            }
            let end = ends[next - first]
            let start = next > first ? ends[next - first - 1] : 0
            tokens.removeAll(keepingCapacity: true)
            tokens.append(contentsOf: stretch[start..<end])
            next += 1
        }
    }

    /// Parses the sentences of `group`'s documents (of `documents`), then analyzes and counts the
    /// documents, then empties the group.
    private func analyze(
        _ group: inout TokenizedDocuments, of documents: borrowing Span<SourceDocument>, metadata: [DocumentVariable],
        lines: Bool, into analyzer: inout CorpusAnalyzer, tokens: inout [Token]
    ) throws(PipelineError) {
        try group.parse { (index, paragraph, range, tokens) throws(PipelineError) in
            try tokenize(range, of: paragraph, in: documents[index], appendingTo: &tokens)
        }
        analyzeParsed(&group, of: documents, metadata: metadata, lines: lines, into: &analyzer, tokens: &tokens)
    }

    /// Analyzes and counts the documents of `group` (of `documents`), whose sentences are parsed
    /// (`TokenizedDocuments.parse(_:)`), then empties the group.
    private func analyzeParsed(
        _ group: inout TokenizedDocuments, of documents: borrowing Span<SourceDocument>, metadata: [DocumentVariable],
        lines: Bool, into analyzer: inout CorpusAnalyzer, tokens: inout [Token]
    ) {
        var sentence = 0
        for item in group.documents.indices {
            analyze(
                documents[group.documents[item].index], group.documents[item].structure, metadata: metadata, lines: lines,
                into: &analyzer, tokens: &tokens
            ) { _, _, tokens in
                group.tokens(ofSentence: sentence, into: &tokens)
                sentence += 1
            }
        }
        group.removeAll()
    }

    /// Analyzes `document`, whose structure is `structure`, a sentence at a time, each sentence's
    /// tokens put in `tokens` (the worker's, reused) by `tokenizing`, and counts it, with the
    /// variables of `metadata` it does not have of its own. With a cache, its summary keeps the
    /// row's own variables (the metadata's are joined when it is read) and a path only for
    /// standard input's `lines`, whose documents are named by line.
    private func analyze<Failure: Error>(
        _ document: borrowing SourceDocument, _ structure: borrowing DocumentStructure, metadata: [DocumentVariable],
        lines: Bool, into analyzer: inout CorpusAnalyzer, tokens: inout [Token],
        tokenizing: (_ paragraph: TracedText, _ sentence: Range<Int>, _ tokens: inout [Token]) throws(Failure) -> Void
    ) throws(Failure) {
        let variables = Self.merging(document.variables, metadata)
        var tokenCount = 0
        // The concordance lines are made while the original text is at hand, from the sentences
        // with hits, and kept with the analysis (and so in the cache).
        var found: [Concordance.Sentence] = []
        analyzer.beginDocument(variables: variables)
        var number = 0
        try structure.forEachPlacedSentence { (paragraph, range, place) throws(Failure) in
            defer { number += 1 }
            try tokenizing(paragraph, range, &tokens)
            tokenCount += tokens.count
            // The analyzer reads the sentence's bytes where they are, in its paragraph: no copy;
            // a sentence is made a text of its own only for the concordance.
            let hits = analyzer.addSentence(paragraph.utf8.span.extracting(range), tokens: tokens, place: place)
            if !hits.isEmpty { found.append((number, paragraph[range], place, tokens, Array(analyzer.analyzed.hits[hits]))) }
        }
        // Counted, not filtered into a list of copied paragraphs.
        var footnotes = 0
        for paragraph in structure.paragraphs.indices {
            if case .footnote = structure.paragraphs[paragraph].kind { footnotes += 1 }
        }
        var summary = DocumentSummary(
            record: document.record, path: document.reportPath, encoding: document.encoding.rawValue,
            variables: variables, byteCount: document.byteCount, sha256: document.sha256,
            characterCount: Self.scalarCount(document.text), paragraphCount: structure.paragraphs.count - footnotes,
            footnoteCount: footnotes, tokenCount: tokenCount,
            speakers: structure.speakerSummaries.map {
                SpeakerSummary(
                    name: $0.name, turns: $0.turns, paragraphs: $0.paragraphs, sentences: $0.sentences,
                    characters: $0.characters)
            })
        if !found.isEmpty {
            summary.kwic = Concordance.lines(
                text: document.text, sentences: found, names: matchNames, context: kwicContext, joins: structure.joins)
        }
        analyzer.finishDocument(summary)
        guard cache != nil else {
            analyzer.removeAnalyzed()
            return
        }
        analyzer.amendLastSummary { summary in
            summary.variables = document.variables
            if !lines { summary.path = "" }
        }
    }

    static func record(
        of source: InputSource, bytes: Int, sha256: String, _ encoding: TextEncoding, _ format: TextFormat, _ documents: Int
    ) -> InputRecord {
        InputRecord(
            path: source.reportPath, bytes: bytes, sha256: sha256, encoding: encoding.rawValue,
            format: format.rawValue, documents: documents)
    }

    /// The Unicode scalars of `text`: its UTF-8 bytes that start one (all but continuation bytes),
    /// counted a word at a time instead of decoding every scalar.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8Span { bytes in
            var continuations = 0
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = bytes.littleEndianWord(at: offset)
                // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                offset += 8
            }
            for index in offset..<bytes.count where bytes[unchecked: index] & 0xC0 == 0x80 { continuations += 1 }
            return bytes.count - continuations
        }
    }

    /// A row's own variables, then the metadata's that the row does not have.
    static func merging(_ own: [DocumentVariable], _ metadata: [DocumentVariable]) -> [DocumentVariable] {
        guard !metadata.isEmpty else { return own }  // every row of a table without --metadata
        let names = Set(own.map(\.name))
        return own + metadata.filter { !names.contains($0.name) }
    }
}
