internal import CMeCab
import Foundation
import Synchronization

/// A loaded MeCab dictionary, shared by every worker of a run.
///
/// `@unchecked Sendable` is safe because MeCab's model is read-only once created and is made to be
/// shared ("All returned tagger object shares this model object as a parsing model", mecab.h);
/// each worker makes its own `MeCabTagger` (tagger + lattice), which is not shared. The model is
/// destroyed only in `deinit`, after every tagger (each of which holds a strong reference) is gone.
/// The table of parsed features it shares between workers is behind a mutex.
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

    /// User dictionaries (compiled `.dic` files) loaded on top of the system dictionary.
    public let userDictionaries: [String]

    /// Every feature string parsed so far, by MeCab's feature pointer (stable per dictionary
    /// entry while the model lives), shared by the workers: each entry is parsed once a run, not
    /// once a worker, and all workers see one `MorphemeFeatures` (one `ordinal`) per entry. A
    /// tagger asks here only when its own table misses, so the lock is taken once per entry and
    /// worker.
    private let parsedFeatures = Mutex<[UInt: MorphemeFeatures]>([:])

    /// The parsed features at `pointer`, a feature string of this model's.
    func features(at pointer: UnsafePointer<CChar>) -> MorphemeFeatures {
        let key = UInt(bitPattern: pointer)
        if let known = parsedFeatures.withLock({ $0[key] }) { return known }
        let parsed = MorphemeFeatures(raw: String(cString: pointer), layout: layout)
        // Another worker may have parsed it meanwhile: keep the first, so the ordinal is one.
        return parsedFeatures.withLock { table in
            if let known = table[key] { return known }
            table[key] = parsed
            return parsed
        }
    }

    /// Loads the dictionary in `dictionaryDirectory`, with `userDictionaries` on top.
    ///
    /// MeCab is started as `mecab -r /dev/null -d DIR [-u A.dic,B.dic]`, so neither
    /// `/etc/mecabrc` nor a user's `~/.mecabrc` can change the dictionary or add a user
    /// dictionary behind the run's back. The feature layout is told by the dictionary's `dicrc`
    /// unless given.
    /// - Throws: `MeCabError.dictionaryUnavailable` naming the directory and the reason: missing
    ///   files, an unknown layout, a dictionary not compiled for UTF-8, or MeCab's own message
    ///   (an incompatible user dictionary, for one).
    public init(dictionaryDirectory: String, layout: FeatureLayout? = nil, userDictionaries: [String] = []) throws(MeCabError) {
        try Self.checkDirectory(dictionaryDirectory)
        let fileManager = FileManager.default
        guard let layout = layout ?? FeatureLayout.detect(directory: dictionaryDirectory) else {
            throw .dictionaryUnavailable(
                path: dictionaryDirectory, reason: "its dicrc shows no IPAdic, UniDic or JUMAN feature layout")
        }
        for dictionary in userDictionaries where !fileManager.isReadableFile(atPath: dictionary) {
            throw .dictionaryUnavailable(path: dictionary, reason: "the user dictionary is missing or unreadable")
        }
        var arguments = ["kotoba", "-r", "/dev/null", "-d", dictionaryDirectory]
        if !userDictionaries.isEmpty { arguments += ["-u", userDictionaries.joined(separator: ",")] }
        var cArguments = arguments.map { strdup($0) }
        defer { cArguments.forEach { free($0) } }
        guard let handle = mecab_model_new(Int32(cArguments.count), &cArguments) else {
            throw .dictionaryUnavailable(
                path: dictionaryDirectory, reason: String(cString: mecab_strerror(nil)))
        }
        self.handle = handle
        self.dictionaryDirectory = dictionaryDirectory
        self.layout = layout
        self.userDictionaries = userDictionaries
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

    /// Checks that `directory` holds a compiled dictionary MeCab can load.
    /// - Throws: `MeCabError.dictionaryUnavailable` naming the directory and what is missing.
    public static func checkDirectory(_ directory: String) throws(MeCabError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .dictionaryUnavailable(path: directory, reason: "no such directory")
        }
        for required in ["sys.dic", "dicrc", "matrix.bin", "char.bin", "unk.dic"]
        where !fileManager.isReadableFile(atPath: directory + "/" + required) {
            throw .dictionaryUnavailable(path: directory, reason: "\(required) is missing or unreadable")
        }
    }

    /// Where MeCab's dictionary indexer is installed (Debian's mecab-utils, source builds).
    static let indexerCandidates = [
        "/usr/lib/mecab/mecab-dict-index", "/usr/libexec/mecab/mecab-dict-index", "/usr/local/libexec/mecab/mecab-dict-index",
        "/usr/lib/x86_64-linux-gnu/mecab/mecab-dict-index",
    ]

    /// Compiles a user dictionary from a CSV of entries (`表層形,左文脈ID,右文脈ID,コスト,features…`,
    /// UTF-8) for the system dictionary in `dictionaryDirectory`, with MeCab's own indexer
    /// (`mecab-dict-index -u`). The indexer runs as a separate process: on a malformed line it ends
    /// its process, which must not be kotoba's. Its output goes to standard error.
    /// - Throws: `MeCabError.dictionaryUnavailable` naming the CSV and the indexer's message.
    public static func compileUserDictionary(csv: String, dictionaryDirectory: String, output: String) throws(MeCabError) {
        guard let indexer = indexerCandidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .dictionaryUnavailable(path: csv, reason: "MeCab's dictionary indexer (mecab-dict-index, in mecab-utils) is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: indexer)
        process.arguments = ["-d", dictionaryDirectory, "-u", output, "-f", "utf-8", "-t", "utf-8", csv]
        let errors = Pipe()
        process.standardOutput = FileHandle.standardError
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .dictionaryUnavailable(path: csv, reason: "cannot run \(indexer): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output) else {
            let reason = message.split(separator: "\n").last { $0.contains("error") || $0.contains("]") }.map(String.init)
            throw .dictionaryUnavailable(
                path: csv,
                reason: "MeCab could not compile this user dictionary: " + (reason ?? "each line needs surface, "
                    + "left and right context ids, cost and the dictionary's features"))
        }
    }
}
