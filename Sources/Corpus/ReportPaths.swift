import Foundation

/// The paths the reports give a run's inputs: relative to the run's *input root*, so that the
/// same corpus copied to another folder or machine gives the same reports (only `manifest.json`,
/// which records the root, differs).
///
/// Each input given on the command line (or in a file list) has a base folder: a directory is
/// its own base, a file's base is the folder it is in. The input root is the deepest folder that
/// holds every base:
/// - one directory (`kotoba run /data/corpus`): the directory; `a/b.txt` for
///   `/data/corpus/a/b.txt`;
/// - one file (`kotoba run /data/memo.txt`): its folder; the report path is its name, `memo.txt`;
/// - several (`kotoba run interviews/ extra.txt`): the folder holding them all;
///   `interviews/a.txt` and `extra.txt`. Two inputs with the same path below their own base
///   (`a/x.txt` and `b/x.txt`, or `x.txt` in two directories given) keep the folders that tell
///   them apart, so report paths never collide: two files have two different paths below any
///   folder that holds both.
///
/// Standard input is `-`, and takes no part in the root. Every report (documents, document × term,
/// theme and speaker rows, `kwic.csv`, `errors.jsonl`), the manifest's inputs, the run key and the
/// shard an input falls in (`kotoba count --shard`) use the report path; messages to the user use
/// the path as given (`InputSource.displayPath`), which finds the file from where the run started.
public enum ReportPaths {
    /// Gives each of `inputs` its report path, from `bases`: for each input, the absolute,
    /// standardized folder of the argument it was found under (`nil` for standard input), and
    /// its own absolute path. `fixed` is a root given (`--root`), which every input must be in.
    /// Returns the input root (absolute; `nil` if every input is standard input and no root is
    /// given), and the indices of the inputs outside a fixed root, in ascending order.
    public static func assign(_ inputs: inout [InputSource], bases: [(base: String, file: String)?], root fixed: String? = nil)
        -> (root: String?, outside: [Int])
    {
        precondition(inputs.count == bases.count, "one base per input")
        var root: [String]
        if let fixed {
            root = components(absolute(fixed))
        } else {
            let folders = bases.compactMap { $0.map { components($0.base) } }
            guard let first = folders.first else { return (nil, []) }
            root = first
            for folder in folders.dropFirst() {
                root = Array(zip(root, folder).prefix { $0 == $1 }.map(\.0))
            }
        }
        var outside: [Int] = []
        let prefix = root.isEmpty ? "/" : "/" + root.joined(separator: "/") + "/"
        for index in inputs.indices {
            guard let (_, file) = bases[index] else { continue }
            if let path = plainRemainder(of: file, after: prefix) {
                inputs[index].reportPath = path
                continue
            }
            guard let path = relative(components(file), below: root) else {
                outside.append(index)
                continue
            }
            inputs[index].reportPath = path
        }
        return ("/" + root.joined(separator: "/"), outside)
    }

    /// `path` (as given: made absolute from the current directory) as a report path below the
    /// input root `root` (absolute), or `nil` when it is not below it.
    public static func relative(_ path: String, below root: String) -> String? {
        relative(components(absolute(path)), below: components(root))
    }

    /// The components of `path` after those of `root`, joined; `nil` unless `path` is below `root`.
    static func relative(_ path: [String], below root: [String]) -> String? {
        guard path.count > root.count, path.starts(with: root) else { return nil }
        return path.dropFirst(root.count).joined(separator: "/")
    }

    /// What follows `prefix` in `path` when that is what `relative(_:below:)` gives (`path`
    /// starts with `prefix` and the rest is non-empty and has no empty component), else `nil`:
    /// the common case, a standardized path below the root, without splitting it into strings.
    static func plainRemainder(of path: String, after prefix: String) -> String? {
        let bytes = path.utf8
        guard bytes.count > prefix.utf8.count, bytes.starts(with: prefix.utf8) else { return nil }
        let rest = bytes.dropFirst(prefix.utf8.count)
        let slash = UInt8(ascii: "/")
        guard rest.first != slash, rest.last != slash else { return nil }
        var previous: UInt8 = 0
        for byte in rest {
            if byte == slash && previous == slash { return nil }
            previous = byte
        }
        return String(Substring(rest))
    }

    /// The components of an absolute path, without empty ones.
    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// `path` made absolute (from the current directory) and standardized (`.` and `..` resolved
    /// by name, as `URL.standardizedFileURL` does; symbolic links are not followed).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
