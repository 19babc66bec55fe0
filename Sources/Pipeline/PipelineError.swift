import Corpus
import Normalization
import Reporting
import Tokenization

/// Why a run stopped. Each case carries what the user needs to fix it: the file and the reason.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Inputs that are missing, unreadable or not valid text; all of them, not only the first.
    case inputs([CorpusError])
    /// The MeCab dictionary cannot be used.
    case dictionary(MeCabError)
    /// The theme file is missing or invalid.
    case themes(path: String, reason: String)
    /// A document could not be normalized or tokenized.
    case processing(path: String, reason: String)
    /// The reports could not be written or published.
    case output(ReportError)
    /// The configuration is inconsistent.
    case configuration(String)

    public var description: String {
        switch self {
        case .inputs(let problems): problems.map(\.description).joined(separator: "\n")
        case .dictionary(let error): error.description
        case .themes(let path, let reason): "\(path): \(reason)"
        case .processing(let path, let reason): "\(path): \(reason)"
        case .output(let error): error.description
        case .configuration(let message): message
        }
    }

    /// One line per problem, for printing.
    public var messages: [String] {
        switch self {
        case .inputs(let problems): problems.map(\.description)
        default: [description]
        }
    }
}
