import Corpus

/// Hands a report's UTF-8 text to a sink chunk by chunk, encoded: as it is, or as CP932, where an
/// unencodable character is reported with its line and column in the whole file, not the chunk.
/// Every chunk must end with a whole row (or at least a whole character).
struct ChunkWriter {
    let sink: ReportSink
    let file: String
    let encoding: CSVFormat.Encoding
    let chunkSize: Int
    /// Line ends (`\n`) in the text already written.
    private var linesWritten = 0
    /// The text already written after its last `\n`: the start of the current line.
    private var lineStart = ""

    init(sink: ReportSink, file: String, encoding: CSVFormat.Encoding, chunkSize: Int) {
        self.sink = sink
        self.file = file
        self.encoding = encoding
        self.chunkSize = chunkSize
    }

    /// A buffer's capacity worth reserving for chunks of this size.
    var bufferCapacity: Int { min(chunkSize, CSVTable.chunkSize) + 1024 }

    /// Hands `bytes` over and empties them once they have reached the chunk size.
    @inline(__always)
    mutating func flushIfFull(_ bytes: inout [UInt8]) throws(ReportError) {
        if bytes.count >= chunkSize { try flush(&bytes) }
    }

    /// Hands `bytes` over and empties them, keeping their capacity.
    mutating func flush(_ bytes: inout [UInt8]) throws(ReportError) {
        guard !bytes.isEmpty else { return }
        switch encoding {
        case .utf8:
            try write(bytes)
        case .cp932(let substitute):
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                try sink.write(try TextEncoder.cp932(text, substitute: substitute))
            } catch let error as TextEncoder.Unencodable {
                throw unencodable(error, in: text)
            } catch let error as ReportError {
                throw error
            } catch {
                throw .writeFailed(path: file, reason: "\(error)")
            }
            trackLines(of: text)
        }
        bytes.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: [UInt8]) throws(ReportError) {
        try sink.write(bytes)
    }

    /// Counts the lines of `text`, about to be dropped, for the positions of later chunks.
    private mutating func trackLines(of text: String) {
        let newline = UInt8(ascii: "\n")
        var last: String.Index?
        for index in text.utf8.indices where text.utf8[index] == newline {
            linesWritten += 1
            last = index
        }
        if let last {
            lineStart = String(text[text.utf8.index(after: last)...])
        } else {
            lineStart += text
        }
    }

    /// Where in the file the character CP932 could not hold is: line and column, 1-based; the
    /// column counts characters, as `String.count` does.
    private func unencodable(_ error: TextEncoder.Unencodable, in text: String) -> ReportError {
        let before = text.unicodeScalars.prefix(error.offset)
        let line = linesWritten + before.filter { $0 == "\n" }.count + 1
        let column: Int
        if let newline = before.lastIndex(of: "\n") {
            column = String(String.UnicodeScalarView(before[before.index(after: newline)...])).count + 1
        } else {
            column = (lineStart + String(String.UnicodeScalarView(before))).count + 1
        }
        let scalars = error.character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return .unencodable(
            path: file, character: error.character, codePoints: scalars.joined(separator: " "), line: line, column: column)
    }
}
