internal import CMeCab
import Foundation

/// A loaded MeCab dictionary, shared by every worker of a run.
///
/// `@unchecked Sendable` is safe because MeCab's model is read-only once created and is made to be
/// shared ("All returned tagger object shares this model object as a parsing model", mecab.h);
/// each worker makes its own `MeCabTagger` (tagger + lattice), which is not shared. The model is
/// destroyed only in `deinit`, after every tagger (each of which holds a strong reference) is gone.
public final class MeCabModel: @unchecked Sendable {
    let handle: OpaquePointer
    /// The dictionary directory, as given.
    public let dictionaryDirectory: String
    /// Where the fields of this dictionary's features are.
    public let layout: FeatureLayout
    /// The dictionary files MeCab loaded (system, unknown-word and user dictionaries).
    public let dictionaries: [DictionaryInfo]

    /// The version of the MeCab library, e.g. `0.996`.
    public static var libraryVersion: String { String(cString: mecab_version()) }

    /// Loads the dictionary in `dictionaryDirectory`.
    ///
    /// MeCab is started as `mecab -r /dev/null -d DIR`, so neither `/etc/mecabrc` nor a user's
    /// `~/.mecabrc` can change the dictionary or add a user dictionary behind the run's back.
    /// - Throws: `MeCabError.dictionaryUnavailable` naming the directory and the reason: missing
    ///   files, a dictionary not compiled for UTF-8, or MeCab's own message.
    public init(dictionaryDirectory: String, layout: FeatureLayout = .ipadic) throws(MeCabError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: dictionaryDirectory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw .dictionaryUnavailable(path: dictionaryDirectory, reason: "no such directory")
        }
        for required in ["sys.dic", "dicrc", "matrix.bin", "char.bin", "unk.dic"]
        where !fileManager.isReadableFile(atPath: dictionaryDirectory + "/" + required) {
            throw .dictionaryUnavailable(
                path: dictionaryDirectory, reason: "\(required) is missing or unreadable")
        }
        let arguments = ["kotoba", "-r", "/dev/null", "-d", dictionaryDirectory]
        var cArguments = arguments.map { strdup($0) }
        defer { cArguments.forEach { free($0) } }
        guard let handle = mecab_model_new(Int32(cArguments.count), &cArguments) else {
            throw .dictionaryUnavailable(
                path: dictionaryDirectory, reason: String(cString: mecab_strerror(nil)))
        }
        self.handle = handle
        self.dictionaryDirectory = dictionaryDirectory
        self.layout = layout
        var dictionaries: [DictionaryInfo] = []
        var info = mecab_model_dictionary_info(handle)
        while let current = info?.pointee {
            let kind: DictionaryInfo.Kind =
                switch Int32(current.type) {
                case Int32(MECAB_USR_DIC): .user
                case Int32(MECAB_UNK_DIC): .unknown
                default: .system
                }
            dictionaries.append(
                DictionaryInfo(
                    filename: String(cString: current.filename), charset: String(cString: current.charset),
                    size: Int(current.size), kind: kind, version: Int(current.version)))
            info = UnsafePointer(current.next)
        }
        self.dictionaries = dictionaries
        if let system = dictionaries.first(where: { $0.kind == .system }) {
            let charset = system.charset.lowercased().replacingOccurrences(of: "-", with: "")
            guard charset == "utf8" else {
                throw .dictionaryUnavailable(
                    path: dictionaryDirectory,
                    reason: "the dictionary is compiled for \(system.charset); kotoba needs a UTF-8 dictionary "
                        + "(for IPAdic on Debian: mecab-ipadic-utf8)")
            }
        }
    }

    deinit {
        mecab_model_destroy(handle)
    }
}
