/// Texts written into many rows, such as the terms and the documents' paths, each formatted once:
/// as a CSV cell (quoted, and with the formula guard if `guardsFormulas`) and, when JSON files
/// are written too, as a JSON string. Tables then copy the bytes instead of escaping the same text
/// again for every row it is in (`CSVTable.RowWriter.append(_:of:)`); a file of the other CSV
/// dialect escapes the text as any other cell.
struct FormattedTexts: Sendable {
    let texts: [String]
    /// The CSV files the texts are formatted for (their dialect's formula guard is what matters).
    let format: CSVFormat
    private let guardsFormulas: Bool
    private let csv: Formatted
    private let json: Formatted?

    /// The texts' bytes end to end, and where each ends.
    private struct Formatted: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        init(_ texts: [String], _ append: (String, inout [UInt8]) -> Void) {
            ends.reserveCapacity(texts.count)
            bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 2 })
            for text in texts {
                append(text, &bytes)
                ends.append(bytes.count)
            }
        }

        @inline(__always)
        func append(_ index: Int, to destination: inout [UInt8]) {
            let start = index == 0 ? 0 : ends[index - 1]
            destination.append(copying: bytes.span.extracting(start..<ends[index]))
        }
    }

    /// `texts` formatted for CSV files in `format`'s dialect, and for JSON files if `json`.
    init(_ texts: [String], csv format: CSVFormat = .excel, json: Bool = false) {
        self.texts = texts
        self.format = format
        let guardsFormulas = format.guardsFormulas
        self.guardsFormulas = guardsFormulas
        csv = Formatted(texts) { CSVText.appendText($0, guardsFormulas: guardsFormulas, to: &$1) }
        self.json = json ? Formatted(texts) { JSONText.appendString($0, to: &$1) } : nil
    }

    /// `texts` formatted for the files `other` is formatted for.
    init(_ texts: [String], as other: FormattedTexts) {
        self.init(texts, csv: other.format, json: other.json != nil)
    }

    var count: Int { texts.count }

    /// Appends text `index` as a CSV cell, with the formula guard if `guardsFormulas`.
    @inline(__always)
    func appendCSV(_ index: Int, guardsFormulas: Bool, to bytes: inout [UInt8]) {
        if guardsFormulas == self.guardsFormulas {
            csv.append(index, to: &bytes)
        } else {
            CSVText.appendText(texts[index], guardsFormulas: guardsFormulas, to: &bytes)
        }
    }

    /// Appends text `index` as a JSON string.
    @inline(__always)
    func appendJSON(_ index: Int, to bytes: inout [UInt8]) {
        if let json {
            json.append(index, to: &bytes)
        } else {
            JSONText.appendString(texts[index], to: &bytes)
        }
    }
}
