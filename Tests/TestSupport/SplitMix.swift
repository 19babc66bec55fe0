/// A fixed pseudo-random sequence (SplitMix64), so that a test drawing random inputs draws the
/// same ones every run and a failure repeats.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension TestSupport {
    /// `count` strings of the scalars of `samples`, drawn by a fixed linear congruential sequence
    /// from `seed`, the n-th of n mod `maxLength` scalars: random mixes of tricky characters.
    public static func scalarMixes(of samples: [String], count: Int, maxLength: Int, seed: UInt64) -> [String] {
        let alphabet = Array(samples.joined().unicodeScalars)
        var state = seed
        var mixes: [String] = []
        for length in 0..<count {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(length % maxLength) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                scalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            mixes.append(String(scalars))
        }
        return mixes
    }
}
