/// The seedable random number generator behind every random draw in hashlab:
/// xoshiro256** (Blackman & Vigna, 2018) seeded through SplitMix64.
///
/// - `init(seed:)` fills the 256-bit state with the first four outputs of SplitMix64
///   started at `seed`, as the xoshiro authors recommend. Four consecutive SplitMix64
///   outputs are distinct, so the state is never all zero.
/// - `init(seed:component:)` derives an independent stream for a named component of a
///   run (e.g. `"split"`, `"anchors"`, `"projection"`), so that adding or removing a draw
///   in one component does not shift any other.
///
/// Every method is written out here rather than delegated to the standard library
/// (`Int.random(in:using:)`, `shuffle(using:)`, `Float.random(in:using:)`), whose
/// algorithms are free to change between toolchains. Given a seed the output sequence is
/// therefore identical on every platform and toolchain, with one stated exception:
/// `normal()` calls the C library's `log`. xoshiro256** is fast and statistically strong
/// but not cryptographic.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is the first four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        state = (
            Self.splitMix64(&splitMix), Self.splitMix64(&splitMix),
            Self.splitMix64(&splitMix), Self.splitMix64(&splitMix)
        )
    }

    /// An independent stream for the component called `component` of a run seeded with
    /// `seed`.
    ///
    /// The derived seed is `splitMix64(seed') ^ fnv1a64(component)` where `seed'` is the
    /// first SplitMix64 output from `seed` (i.e. one SplitMix64 step from `seed`, then the
    /// FNV-1a 64-bit hash of the name's UTF-8 bytes XOR-ed in), and the generator is then
    /// `init(seed: derived)`. Equal `(seed, component)` pairs give equal streams; distinct
    /// names give unrelated streams (barring a 64-bit collision).
    public init(seed: UInt64, component: String) {
        var splitMix = seed
        let mixedSeed = Self.splitMix64(&splitMix)
        self.init(seed: mixedSeed ^ Self.fnv1a64(component))
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = Self.rotateLeft(state.3, by: 45)
        return result
    }

    /// One SplitMix64 step (Steele, Lea & Flood 2014): advances `state` by the golden
    /// gamma `0x9E3779B97F4A7C15` and returns the mixed value.
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    private static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
