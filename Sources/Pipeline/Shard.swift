import Foundation

/// One of `count` parts of a corpus, for `kotoba count`: a file belongs to shard
/// `FNV-1a(path) mod count`, so a file stays in the same shard whatever else is in the corpus.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
    /// From 0.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(PipelineError) {
        guard count >= 1, (0..<count).contains(index) else {
            throw .configuration("shard \(index)/\(count) does not exist: the index must be in 0..<count")
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// Encoded as `[index, count]`.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        index = try container.decode(Int.self)
        count = try container.decode(Int.self)
        guard count >= 1, (0..<count).contains(index) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no shard \(index)/\(count)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(index)
        try container.encode(count)
    }

    /// Parses `I/N`, with `I` counted from `base` (0, or 1 for schedulers that count from 1).
    public init(parsing text: String, base: Int = 0) throws(PipelineError) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .configuration("'\(text)' is not a shard: write I/N, e.g. 3/8")
        }
        try self.init(index: index - base, count: count)
    }

    /// The environment variables of the schedulers that run array jobs, in the order they are
    /// looked for, with the base their indices count from.
    public static let schedulerVariables: [(name: String, base: Int)] = [
        ("SLURM_ARRAY_TASK_ID", 0), ("PJM_BULKNUM", 0), ("SGE_TASK_ID", 1), ("PBS_ARRAY_INDEX", 0),
        ("JOB_COMPLETION_INDEX", 0),
    ]

    /// The shard a scheduler's array job gives this process: the index from the first variable
    /// set, the count from `count` or, under Slurm, `SLURM_ARRAY_TASK_COUNT`. `base` overrides the
    /// variable's own base (arrays often start at 1: `--array=1-8`).
    public static func fromEnvironment(
        _ environment: [String: String], count: Int?, base: Int?
    ) throws(PipelineError) -> (shard: Shard, source: String)? {
        guard let (name, defaultBase) = schedulerVariables.first(where: { environment[$0.name] != nil }),
            let value = environment[name]
        else { return nil }
        guard let index = Int(value) else { throw .configuration("\(name)=\(value) is not a number") }
        guard let total = count ?? environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) else {
            throw .configuration("\(name) gives the shard index; give the number of shards with --shards N")
        }
        return (try Shard(index: index - (base ?? defaultBase), count: total), name)
    }

    /// Whether the file at display path `path` belongs to this shard.
    public func contains(path: String) -> Bool {
        Int(Self.fnv1a(path) % UInt64(count)) == index
    }

    /// 64-bit FNV-1a over UTF-8: stable across machines and runs, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
