/// The only source of randomness of the demo shop: xoshiro256** seeded through SplitMix64.
///
/// Exists because the sample logs must be byte-identical for equal options on every machine and
/// Swift version: `SystemRandomNumberGenerator`, the clock and the standard library's
/// `random(in:using:)` algorithms (which may change between releases) are never used; every
/// draw goes through the helpers below.
package struct RandomSource: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the four state words from SplitMix64, as the xoshiro authors recommend.
    package init(seed: UInt64) {
        var x = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&x)
        s1 = splitMix(&x)
        s2 = splitMix(&x)
        s3 = splitMix(&x)
    }

    /// The next 64 random bits (xoshiro256**).
    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// An independent generator for a sub-stream, e.g. one per day.
    package mutating func fork(_ salt: UInt64) -> RandomSource {
        RandomSource(seed: next() ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    }

    /// Uniform in `0..<n` (n > 0), by Lemire's multiply-shift (bias below 2^-40 for our n).
    @inline(__always)
    package mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in the closed range.
    @inline(__always)
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    @inline(__always)
    package mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array, uniformly.
    @inline(__always)
    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn with the given (non-negative, not all zero) weights.
    package mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// A count drawn from a geometric-like tail: 0 with probability 1-p, else 1 + the same draw.
    package mutating func repeats(_ p: Double, max: Int) -> Int {
        var n = 0
        while n < max && chance(p) { n += 1 }
        return n
    }

    /// `length` characters drawn from `alphabet` (ASCII bytes).
    package mutating func token(_ length: Int, alphabet: [UInt8]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(length)
        for _ in 0..<length { bytes.append(alphabet[below(alphabet.count)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    package static let alphanumeric: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    package static let base64URL: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    package static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    package static let upperAlnum: [UInt8] = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)
}
