import Corpus
import Reporting

/// The inputs a run left out (`--keep-going`), as `errors.jsonl` and the manifest list them.
extension Pipeline {
    /// One skipped input, for `errors.jsonl` and the manifest.
    struct SkippedInput {
        var path: String
        var kind: String
        var message: String
        var offset: Int?

        var jsonLine: String {
            var line = "{\"path\":\(JSONText.string(path)),\"error\":\(JSONText.string(kind)),\"message\":\(JSONText.string(message))"
            if let offset { line += ",\"offset\":\(offset)" }
            return line + "}"
        }
    }

    /// `skipped` with the report path of its input (`ReportPaths`) for the path it was given as,
    /// in its path and at the start of its message (`errors.jsonl` is a report).
    static func reported(_ skipped: SkippedInput, listing: CorpusScanner.Listing) -> SkippedInput {
        // A table's row is named `PATH (row N)`.
        let given = skipped.path.range(of: " (row ").map { String(skipped.path[..<$0.lowerBound]) } ?? skipped.path
        guard !given.isEmpty else { return skipped }
        let path: String
        if let input = listing.inputs.first(where: { $0.displayPath == given }) {
            path = input.reportPath
        } else if let root = listing.root, let below = ReportPaths.relative(given, below: root) {
            // A folder or link the scan could not walk, below the input root: named as the
            // inputs beside it are.
            path = below
        } else {
            return skipped
        }
        var reported = skipped
        reported.path = path + skipped.path.dropFirst(given.count)
        if skipped.message.hasPrefix(given) { reported.message = path + skipped.message.dropFirst(given.count) }
        return reported
    }

    static func skippedInputs(_ error: PipelineError) -> [SkippedInput] {
        switch error {
        case .inputs(let problems):
            return problems.map { problem in
                let (kind, offset): (String, Int?) =
                    switch problem {
                    case .missing: ("missing", nil)
                    case .unreadable: ("unreadable", nil)
                    case .invalidBytes(_, _, let offset): ("invalid_bytes", offset)
                    case .undecodable(_, _, let offset): ("undecodable", offset)
                    case .ambiguousEncoding: ("ambiguous_encoding", nil)
                    case .binary(_, let offset), .binaryOrUTF16(_, let offset, _): ("binary", offset)
                    case .invalidTable: ("invalid_table", nil)
                    case .emptyList: ("empty_list", nil)
                    }
                return SkippedInput(path: problem.path, kind: kind, message: problem.description, offset: offset)
            }
        case .processing(let path, _):
            return [SkippedInput(path: path, kind: "processing", message: error.description, offset: nil)]
        default:
            return [SkippedInput(path: "", kind: "error", message: error.description, offset: nil)]
        }
    }
}
