// kotoba-floor: the floor kotoba is measured against (issue 8). It does only what no MeCab-based
// pipeline can avoid: read each file, split it into lines as the `mecab` command does, parse each
// line with `mecab_parse_lattice` on a per-thread lattice, and touch every node of the best path.
// Nothing is normalized, counted or written; the checksum and token count it prints keep the
// compiler from dropping the work.
//
//   kotoba-floor [--jobs N] [--dicdir DIR] PATH...
//
// PATHs are files or directories (searched recursively, hidden files skipped). Workers pull files
// from one shared index, largest first, as kotoba's do. MeCab is started as kotoba starts it
// (`-r /dev/null -d DIR`), never reading /etc/mecabrc.

import CMeCab
import Dispatch
import Foundation
import Synchronization
import Tokenization

/// The first of these that holds a `sys.dic` is used when `--dicdir` is not given: kotoba's own
/// list, so that both start from the same dictionary (only the list comes from kotoba's modules;
/// the parse below calls MeCab's C API directly).
let ipadicCandidates = DictionaryLocator.ipadicCandidates

/// Prints `kotoba-floor: MESSAGE` to standard error and exits with `status`.
func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("kotoba-floor: \(message)\n".utf8))
    exit(status)
}

let usage = "usage: kotoba-floor [--jobs N] [--dicdir DIR] PATH..."

/// The command line: worker count, dictionary directory and input paths.
struct Options {
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var dictionaryDirectory: String?
    var paths: [String] = []

    init(arguments: [String]) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--jobs":
                guard let value = remaining.popFirst().flatMap({ Int($0) }), value > 0 else {
                    fail("--jobs needs a positive number\n\(usage)", status: 64)
                }
                jobs = value
            case "--dicdir":
                guard let value = remaining.popFirst() else { fail("--dicdir needs a directory\n\(usage)", status: 64) }
                dictionaryDirectory = value
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                guard !argument.hasPrefix("-") else { fail("unknown option \(argument)\n\(usage)", status: 64) }
                paths.append(argument)
            }
        }
        guard !paths.isEmpty else { fail("no input paths\n\(usage)", status: 64) }
    }
}

/// An input file and its size.
struct Input {
    var path: String
    var size: Int
}

/// Every regular file under `paths`, largest first (ties by path), so that the last files a worker
/// takes are the small ones.
func inputs(under paths: [String]) -> [Input] {
    let fileManager = FileManager.default
    var found: [Input] = []
    func add(_ path: String) {
        guard let attributes = try? fileManager.attributesOfItem(atPath: path) else {
            fail("\(path): no such file or directory", status: 66)
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            guard let names = try? fileManager.contentsOfDirectory(atPath: path) else {
                fail("\(path): cannot list the directory", status: 66)
            }
            for name in names.sorted() where !name.hasPrefix(".") { add(path + "/" + name) }
        } else if attributes[.type] as? FileAttributeType == .typeRegular {
            found.append(Input(path: path, size: (attributes[.size] as? Int) ?? 0))
        }
    }
    paths.forEach(add)
    return found.sorted { $0.size != $1.size ? $0.size > $1.size : $0.path < $1.path }
}

/// MeCab's model, shared by the workers.
///
/// `@unchecked Sendable` is safe for the reason `MeCabModel` gives: the model is read-only once
/// created and made to be shared; each worker creates its own tagger and lattice from it.
final class SharedModel: @unchecked Sendable {
    let handle: OpaquePointer

    init(dictionaryDirectory: String) {
        let arguments = ["kotoba-floor", "-r", "/dev/null", "-d", dictionaryDirectory]
        var cArguments = arguments.map { strdup($0) }
        defer { cArguments.forEach { free($0) } }
        guard let handle = mecab_model_new(Int32(cArguments.count), &cArguments) else {
            fail("\(dictionaryDirectory): MeCab cannot load the dictionary: \(String(cString: mecab_strerror(nil)))", status: 69)
        }
        self.handle = handle
    }

    deinit { mecab_model_destroy(handle) }
}

/// What was parsed: lines, tokens (BOS/EOS excluded), bytes read; a checksum of every node's
/// length, part of speech and cost, the same at any number of jobs (files' checksums are added);
/// and the feature pointers XORed, which changes from run to run (the address of the dictionary's
/// mapping) but makes every node's feature be loaded, as kotoba loads it.
struct Tally {
    var lines = 0
    var tokens = 0
    var bytes = 0
    var checksum: UInt64 = 0
    var features: UInt = 0

    mutating func add(_ other: Tally) {
        lines += other.lines
        tokens += other.tokens
        bytes += other.bytes
        checksum &+= other.checksum
        features ^= other.features
    }
}

/// Parses every line of `bytes` (split at LF, a CR before it dropped, empty lines skipped) with
/// `tagger` and `lattice`, and walks each best path.
func parseLines(of bytes: UnsafeRawBufferPointer, tagger: OpaquePointer, lattice: OpaquePointer, into tally: inout Tally, path: String) {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
    var start = 0
    let count = bytes.count
    while start < count {
        var end = start
        while end < count, bytes[end] != 0x0A { end += 1 }
        var lineEnd = end
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        if lineEnd > start {
            mecab_lattice_set_sentence2(lattice, base + start, lineEnd - start)
            guard mecab_parse_lattice(tagger, lattice) != 0 else {
                fail("\(path): MeCab cannot parse a line: \(String(cString: mecab_lattice_strerror(lattice)))", status: 70)
            }
            tally.lines += 1
            var node = mecab_lattice_get_bos_node(lattice)
            while let current = node?.pointee {
                let stat = Int32(current.stat)
                if stat != MECAB_BOS_NODE, stat != MECAB_EOS_NODE { tally.tokens += 1 }
                let mix = UInt64(current.length) | UInt64(current.posid) << 16 | UInt64(UInt16(bitPattern: current.wcost)) << 32
                tally.checksum = (tally.checksum &* 0x100_0000_01b3) ^ mix
                tally.features ^= UInt(bitPattern: current.feature)
                node = current.next
            }
        }
        start = end + 1
    }
    tally.bytes += count
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
guard let dictionaryDirectory = options.dictionaryDirectory ?? ipadicCandidates.first(where: {
    FileManager.default.fileExists(atPath: $0 + "/sys.dic")
}) else {
    fail("no IPAdic UTF-8 dictionary found (install mecab-ipadic-utf8, or give --dicdir)", status: 69)
}
let files = inputs(under: options.paths)
let model = SharedModel(dictionaryDirectory: dictionaryDirectory)
let next = Atomic<Int>(0)
let total = Mutex(Tally())

DispatchQueue.concurrentPerform(iterations: options.jobs) { _ in
    guard let tagger = mecab_model_new_tagger(model.handle), let lattice = mecab_model_new_lattice(model.handle) else {
        fail("MeCab cannot create a tagger: \(String(cString: mecab_strerror(nil)))", status: 69)
    }
    defer {
        mecab_lattice_destroy(lattice)
        mecab_destroy(tagger)
    }
    var tally = Tally()
    while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < files.count else { break }
        let path = files[index].path
        guard let data = FileManager.default.contents(atPath: path) else {
            fail("\(path): cannot read the file", status: 66)
        }
        var file = Tally()
        data.withUnsafeBytes { parseLines(of: $0, tagger: tagger, lattice: lattice, into: &file, path: path) }
        tally.add(file)
    }
    total.withLock { $0.add(tally) }
}

let result = total.withLock { $0 }
print(
    "files \(files.count) lines \(result.lines) tokens \(result.tokens) bytes \(result.bytes) "
        + "checksum \(String(result.checksum, radix: 16)) features \(String(result.features, radix: 16)) jobs \(options.jobs) dictionary \(dictionaryDirectory)")
