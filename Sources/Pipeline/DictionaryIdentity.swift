import Corpus
import Foundation
import Tokenization

/// What identifies a compiled MeCab dictionary: the SHA-256 of each of its files, and one digest
/// over them all. Two runs with the same identity tokenized with the same dictionary data, wherever
/// it was installed.
struct DictionaryIdentity: Codable, Sendable {
    struct File: Codable, Sendable {
        var name: String
        var bytes: Int
        var sha256: String
    }

    /// The files that decide tokenization.
    static let fileNames = ["char.bin", "dicrc", "matrix.bin", "sys.dic", "unk.dic"]

    var files: [File]
    /// SHA-256 over the lines `name sha256` of `files`.
    var sha256: String

    init(directory: String) throws(MeCabError) {
        var files: [File] = []
        for name in Self.fileNames {
            let path = directory + "/" + name
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                throw .dictionaryUnavailable(path: directory, reason: "cannot read \(name)")
            }
            files.append(File(name: name, bytes: data.count, sha256: ContentHash.sha256(data)))
        }
        self.files = files
        sha256 = ContentHash.sha256(Data(files.map { "\($0.name) \($0.sha256)\n" }.joined().utf8))
    }
}

