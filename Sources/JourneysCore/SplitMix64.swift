/// A small seeded random generator (SplitMix64) for generated test traffic and benchmarks:
/// the same seed gives the same numbers on every machine and Swift version, so a failure can be
/// replayed. Never used for anything secret.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n by plain modulo: biased by at most n / 2^64, and stable across Swift versions.
    package mutating func below(_ n: UInt64) -> UInt64 { next() % n }
}
