/// A failure of MeCab: the dictionary cannot be loaded, or a sentence cannot be parsed.
public enum MeCabError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dictionary directory is missing, incomplete, of the wrong charset, or MeCab refused it.
    case dictionaryUnavailable(path: String, reason: String)
    /// MeCab could not create a tagger or lattice for a worker.
    case taggerUnavailable(reason: String)
    /// MeCab failed on one sentence (for example "too long sentence.").
    case parseFailed(reason: String)

    public var description: String {
        switch self {
        case .dictionaryUnavailable(let path, let reason):
            "cannot load MeCab dictionary '\(path)': \(reason)"
        case .taggerUnavailable(let reason): "cannot create a MeCab tagger: \(reason)"
        case .parseFailed(let reason): "MeCab failed to parse a sentence: \(reason)"
        }
    }
}
