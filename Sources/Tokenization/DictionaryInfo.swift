/// One dictionary file loaded into a MeCab model, as `mecab_model_dictionary_info` reports it.
public struct DictionaryInfo: Sendable, Equatable, Codable {
    /// Kind of dictionary file.
    public enum Kind: String, Sendable, Codable {
        case system, user, unknown
    }

    /// Path of the compiled dictionary file (`…/sys.dic`).
    public var filename: String
    /// Character set the dictionary was compiled for (`UTF-8`, `EUC-JP` …).
    public var charset: String
    /// Number of entries.
    public var size: Int
    public var kind: Kind
    /// Dictionary format version.
    public var version: Int
}
