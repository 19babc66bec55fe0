import Corpus
import Foundation
import Yams

/// Reading the YAML files a run is given (configuration, themes, vocabulary): one place for
/// reading the text and for turning YAML and decoding errors into one-line reasons.
enum YAMLDocument {
    /// `path` decoded as `T`; on failure, the reason for a message naming the file.
    static func decode<T: Decodable>(_ type: T.Type, path: String, schema: YAMLSchema? = nil) -> Result<T, Problem> {
        let data: Data
        do {
            data = try InputSource.read(rawName: Array(path.utf8), displayPath: path)
        } catch {
            return .failure(Problem(reason: error.reason))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Problem(reason: "the file is not valid UTF-8"))
        }
        return decode(type, text: text, schema: schema)
    }

    /// `text` decoded as `T`; with a `schema`, every key must be one it knows (an empty file, or
    /// one of comments only, is an empty mapping then: every key of such a file is optional).
    static func decode<T: Decodable>(_ type: T.Type, text: String, schema: YAMLSchema? = nil) -> Result<T, Problem> {
        do {
            if let schema {
                guard let root = try Yams.compose(yaml: text) else {
                    return .success(try YAMLDecoder().decode(type, from: "{}"))
                }
                let problems = schema.problems(in: root)
                guard problems.isEmpty else { return .failure(Problem(reason: problems.joined(separator: "; "))) }
            }
            return .success(try YAMLDecoder().decode(type, from: text))
        } catch {
            return .failure(Problem(reason: describe(error)))
        }
    }

    /// Why a file could not be used.
    struct Problem: Error {
        var reason: String
    }

    /// A one-line description of a YAML or decoding error, with line and column where known.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            if let underlying = context.underlyingError { return describe(underlying) }
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        default:
            return "invalid YAML: " + "\(error)".replacingOccurrences(of: "\n", with: " ")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty
            ? "the top level"
            : codingPath.map { $0.intValue.map { "[\($0 + 1)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
