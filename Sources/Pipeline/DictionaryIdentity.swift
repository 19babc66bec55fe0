import Corpus
import Foundation
import Tokenization

/// What identifies a compiled MeCab dictionary: the SHA-256 of each of its files, and one digest
/// over them all. Two runs with the same identity tokenized with the same dictionary data, wherever
/// it was installed.
struct DictionaryIdentity: Codable, Sendable {
    struct File: Codable, Sendable, Equatable {
        var name: String
        var bytes: Int
        var sha256: String
    }

    /// The files that decide tokenization.
    static let fileNames = ["char.bin", "dicrc", "matrix.bin", "sys.dic", "unk.dic"]

    var files: [File]
    /// SHA-256 over the lines `name sha256` of `files`.
    var sha256: String

    /// The identity of the dictionary in `directory`. With a `memo` directory (the cache's), the
    /// digests of files whose size, times, inode and device are those recorded there are taken
    /// from it instead of hashing 50 MB again, the way `make` trusts a file's time; the digests
    /// worked out now are recorded for the next run. A run with nothing to do is then not
    /// mostly hashing the dictionary.
    init(directory: String, memo: URL? = nil) throws(MeCabError) {
        let memoFile = memo?.appendingPathComponent(
            "dictionaries/\(ContentHash.sha256(Data(directory.utf8))).json")
        let recorded = memoFile.flatMap { try? JSONDecoder().decode(Memo.self, from: Data(contentsOf: $0)) }
        var files: [File] = []
        var stamps: [String] = []
        for name in Self.fileNames {
            let path = directory + "/" + name
            let stamp = Self.stamp(path)
            if let stamp, let known = recorded?.files.first(where: { $0.file.name == name && $0.stamp == stamp }) {
                files.append(known.file)
                stamps.append(stamp)
                continue
            }
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                throw .dictionaryUnavailable(path: directory, reason: "cannot read \(name)")
            }
            files.append(File(name: name, bytes: data.count, sha256: ContentHash.sha256(data)))
            stamps.append(stamp ?? "")
        }
        self.files = files
        sha256 = ContentHash.sha256(Data(files.map { "\($0.name) \($0.sha256)\n" }.joined().utf8))
        let now = Memo(files: zip(files, stamps).map { Memo.Entry(file: $0, stamp: $1) })
        if let memoFile, now != recorded, !stamps.contains("") { Self.write(now, to: memoFile) }
    }

    /// What a run recorded of each file: its digest, and the stamp it had then.
    struct Memo: Codable, Equatable {
        struct Entry: Codable, Equatable {
            var file: File
            var stamp: String
        }

        var files: [Entry]
    }

    /// Size, modification and change times (nanoseconds), inode and device of `path`: any write,
    /// replacement or copy over it changes one of them.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
            + ":\(info.st_ino):\(info.st_dev)"
    }

    /// Writes `memo` into the cache; a failure only costs the next run the hashing.
    private static func write(_ memo: Memo, to url: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(memo) else { return }
        _ = CacheFile.write(data, to: url)
    }
}
