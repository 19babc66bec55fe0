import Analysis
import Corpus
import Reporting
import TextPreparation
import Tokenization

/// Why a run stopped. Each case carries what the user needs to fix it: the file and the reason.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Inputs that are missing, unreadable or not valid text; all of them, not only the first.
    case inputs([CorpusError])
    /// The MeCab dictionary cannot be used.
    case dictionary(MeCabError)
    /// The theme file is missing or invalid.
    case themes(path: String, reason: String)
    /// A coding-rule theme file has errors: every one, each at its line and column.
    case themeRules(path: String, errors: [CodingRuleError])
    /// A document could not be normalized or tokenized.
    case processing(path: String, reason: String)
    /// The reports could not be written or published.
    case output(ReportError)
    /// The configuration is inconsistent.
    case configuration(String)
    /// A configuration file cannot be read.
    case configurationFile(path: String, reason: String)
    /// A partial-counts file is malformed.
    case partial(path: String, line: Int, reason: String)
    /// A partial-counts file (or a set of them, `path` naming them) does not pass its checks.
    case damagedPartial(path: String, reason: String)
    /// Partial-counts files that cannot be merged: other settings, missing or repeated shards.
    case incompatiblePartials(String)
    /// A file kotoba writes besides the reports (a partial) cannot be written.
    case writeFailed(path: String, reason: String)
    /// A bug: kotoba reached a state it should not.
    case `internal`(String)

    public var description: String {
        switch self {
        case .inputs(let problems): problems.map(\.description).joined(separator: "\n")
        case .dictionary(let error): error.description
        case .themes(let path, let reason): "\(path): \(reason)"
        case .themeRules(let path, let errors): errors.map { "\(path):\($0)" }.joined(separator: "\n")
        case .processing(let path, let reason): "\(path): \(reason)"
        case .output(let error): error.description
        case .configuration(let message): message
        case .configurationFile(let path, let reason): "\(path): \(reason)"
        case .partial(let path, let line, let reason): "\(path): line \(line): \(reason)"
        case .damagedPartial(let path, let reason): "\(path): \(reason)"
        case .incompatiblePartials(let message): "cannot merge: \(message)"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        case .internal(let message): "internal error (a bug in kotoba, please report it): \(message)"
        }
    }

    /// One line per problem, for printing.
    public var messages: [String] {
        switch self {
        case .inputs(let problems): problems.map(\.description)
        case .themeRules(let path, let errors): errors.map { "\(path):\($0)" }
        default: [description]
        }
    }
}
