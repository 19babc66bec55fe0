import Foundation
import Yams

/// Reading the YAML files a run is given (configuration, themes, vocabulary): one place for
/// reading the text and for turning YAML and decoding errors into one-line reasons.
enum YAMLDocument {
    /// `path` decoded as `T`; on failure, the reason for a message naming the file.
    static func decode<T: Decodable>(_ type: T.Type, path: String) -> Result<T, Problem> {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            return .failure(Problem(reason: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Problem(reason: "the file is not valid UTF-8"))
        }
        return decode(type, text: text)
    }

    /// `text` decoded as `T`.
    static func decode<T: Decodable>(_ type: T.Type, text: String) -> Result<T, Problem> {
        do {
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
