import Bytes
/// A fast 64-bit checksum of a cache record or segment index, checked before the bytes are
/// decoded, so that a record damaged on disk or edited is a miss rather than a wrong count.
///
/// It is no cryptographic hash: it guards against accidents, not against someone forging a cache.
/// Each 8-byte word goes through steps that are one-to-one in both the running state and the
/// word (xor, multiply by an odd constant, xor-shift), so changing any one word always changes
/// the result; other damage goes unnoticed with a probability near 2⁻⁶⁴. It runs at several
/// GB/s, where SHA-256 would be a few hundred MB/s without the CPU's SHA instructions.
enum RecordChecksum {
    private static let multiplier: UInt64 = 0x9FB2_1C65_1E98_DF25

    static func of(_ bytes: Span<UInt8>) -> UInt64 {
        var state: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = mix(state, bytes.littleEndianWord(at: offset))
            offset += 8
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for index in offset..<bytes.count { word |= UInt64(bytes[unchecked: index]) << (8 * UInt64(index - offset)) }
            state = mix(state, word)
        }
        // The finalizer of MurmurHash3, so that every input bit reaches every output bit.
        state ^= state >> 33
        state &*= 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        state &*= 0xC4CE_B9FE_1A85_EC53
        return state ^ (state >> 33)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        of(bytes.span)
    }

    /// The checksum of `bytes[range]`.
    static func of(_ bytes: [UInt8], _ range: PartialRangeFrom<Int>) -> UInt64 {
        of(bytes.span.extracting(range))
    }

    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* multiplier
        return mixed ^ (mixed >> 29)
    }
}
