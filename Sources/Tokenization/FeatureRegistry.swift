import Synchronization

/// Every features object of the process by its ordinal (`MorphemeFeatures.ordinal`), so that a
/// token keeps the ordinal alone and finds its features here where a rule needs them
/// (`Token.features`): a token of 16 bytes instead of 24, and a tagger's table of features by
/// pointer holding the ordinal alone (`FeatureCache`), both read for every token of a parse,
/// where the bytes of a group's tokens and of that table pushed MeCab's dictionary out of the
/// caches (`docs/PERFORMANCE.md`).
///
/// Ordinals are dense from 0 (an atomic counter), so the registry is an array in chunks of 2¹⁶
/// entries under a table of 2¹⁵ chunks, made as ordinals reach them: a chunk never moves, so a
/// lookup takes no lock. A features object is registered as it is made, before anything else can
/// hand out its ordinal: a token's ordinal comes from its own tagger, whose table has it from
/// the model's (taken under the model's lock after the registering) or from the tagger's own
/// making of it. Entries are never removed: features objects are never freed.
final class FeatureRegistry: @unchecked Sendable {
    static let shared = FeatureRegistry()

    private static let chunkBits = 16
    private static let chunkCount = 1 << 15
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Unmanaged<MorphemeFeatures>>?>
    /// Guards the making of chunks and the writing of entries.
    private let lock = Mutex(())

    private init() {
        chunks = .allocate(capacity: Self.chunkCount)
        chunks.initialize(repeating: nil, count: Self.chunkCount)
    }

    /// Keeps `features` under its ordinal.
    func register(_ features: MorphemeFeatures) {
        let ordinal = Int(features.ordinal)
        let (chunk, slot) = (ordinal >> Self.chunkBits, ordinal & (1 << Self.chunkBits - 1))
        precondition(chunk < Self.chunkCount, "more than 2³¹ dictionary entries parsed in one process")
        lock.withLock { _ in
            if chunks[chunk] == nil {
                let entries = UnsafeMutablePointer<Unmanaged<MorphemeFeatures>>.allocate(capacity: 1 << Self.chunkBits)
                chunks[chunk] = entries
            }
            (chunks[chunk]! + slot).initialize(to: Unmanaged.passUnretained(features))
        }
    }

    /// The features object whose ordinal is `ordinal` (one made in this process).
    @inline(__always)
    func features(_ ordinal: Int32) -> MorphemeFeatures {
        let ordinal = Int(ordinal)
        return chunks[ordinal >> Self.chunkBits].unsafelyUnwrapped[ordinal & (1 << Self.chunkBits - 1)]
            .takeUnretainedValue()
    }
}
