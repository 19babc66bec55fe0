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

    /// The identity of the dictionary in `directory`. With memo directories (the cache's, and
    /// the user's cache home, `AnalysisCache.defaultDirectory`), the digests of files whose size,
    /// times, inode and device are those recorded in one of them are taken from it instead of
    /// hashing 50 MB again, the way `make` trusts a file's time; the digests worked out now are
    /// recorded in each for the next run. A run with nothing to do is then not mostly hashing
    /// the dictionary, and neither is a cold run with a fresh `--cache` folder: the dictionary
    /// is the user's, not the cache's, so its memo in the cache home serves every cache folder.
    init(directory: String, memo: URL? = nil, sharedMemo: URL? = nil, now: Date = Date()) throws(MeCabError) {
        let name = "dictionaries/\(ContentHash.sha256(Data(directory.utf8))).json"
        var memoFiles: [URL] = []
        for folder in [memo, sharedMemo].compactMap({ $0?.standardizedFileURL }) where !memoFiles.contains(folder) {
            memoFiles.append(folder)
        }
        memoFiles = memoFiles.map { $0.appendingPathComponent(name) }
        let recorded = memoFiles.map { try? JSONDecoder().decode(Memo.self, from: Data(contentsOf: $0)) }
        let known = recorded.compactMap { $0?.files }.joined()
        var files: [File] = []
        var stamps: [String] = []
        for name in Self.fileNames {
            let path = directory + "/" + name
            let stamp = Self.stamp(path, settledBefore: now)
            if let stamp, let known = known.first(where: { $0.file.name == name && $0.stamp == stamp }) {
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
        guard !stamps.contains("") else { return }
        let current = Memo(files: zip(files, stamps).map { Memo.Entry(file: $0, stamp: $1) })
        for (file, recorded) in zip(memoFiles, recorded) where recorded != current { Self.write(current, to: file) }
    }

    /// What a run recorded of each file: its digest, and the stamp it had then.
    struct Memo: Codable, Equatable {
        struct Entry: Codable, Equatable {
            var file: File
            var stamp: String
        }

        var files: [Entry]
    }

    /// How long a file must have stood unchanged before its stamp is trusted: a file changed
    /// again within one tick of the file system's clock could keep its times, so a stamp taken
    /// that soon after a change is not recorded (the file is hashed again until it has settled).
    static let settlingTime: TimeInterval = 2

    /// Size, modification and change times (nanoseconds), inode and device of `path`: any write,
    /// replacement or copy over it changes one of them. Nil if it cannot be read, or if the file
    /// changed less than `settlingTime` before `now`.
    static func stamp(_ path: String, settledBefore now: Date = .distantFuture) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
        guard changed + settlingTime < now.timeIntervalSince1970 else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
            + ":\(info.st_ino):\(info.st_dev)"
    }

    /// Writes `memo` to `url`; a failure only costs the next run the hashing.
    private static func write(_ memo: Memo, to url: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(memo) else { return }
        _ = CacheFile.write(data, to: url)
    }
}
