/// SipHash-2-4, the keyed hash behind every `Pseudonym`: fast on short inputs and, unlike
/// `Hasher`, stable across processes, so the same key gives the same pseudonyms every run.
package struct SipHash: Sendable {
    package let k0: UInt64
    package let k1: UInt64

    package init(k0: UInt64, k1: UInt64) { self.k0 = k0; self.k1 = k1 }

    /// Derives the 128-bit key from a secret phrase (from the config or the environment).
    package init(secret: String) {
        let bytes = Array(secret.utf8)
        self.init(k0: SipHash(k0: 0x6a6f_7572_6e65_7973, k1: 0).hash(bytes),
                  k1: SipHash(k0: 0, k1: 0x6a6f_7572_6e65_7973).hash(bytes))
    }

    package func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    package func hash(_ data: UnsafeRawBufferPointer) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1

        @inline(__always) func round() {
            v0 = v0 &+ v1; v1 = v1.rotl(13); v1 ^= v0; v0 = v0.rotl(32)
            v2 = v2 &+ v3; v3 = v3.rotl(16); v3 ^= v2
            v0 = v0 &+ v3; v3 = v3.rotl(21); v3 ^= v0
            v2 = v2 &+ v1; v1 = v1.rotl(17); v1 ^= v2; v2 = v2.rotl(32)
        }

        let count = data.count
        let whole = count & ~7
        var offset = 0
        while offset < whole {
            let m = data.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            v3 ^= m; round(); round(); v0 ^= m
            offset += 8
        }
        var last = UInt64(count & 0xff) << 56
        var shift: UInt64 = 0
        while offset < count {
            last |= UInt64(data[offset]) << shift
            shift += 8
            offset += 1
        }
        v3 ^= last; round(); round(); v0 ^= last
        v2 ^= 0xff
        round(); round(); round(); round()
        let result = v0 ^ v1 ^ v2 ^ v3
        return result == 0 ? 1 : result  // 0 means "none"
    }
}

extension UInt64 {
    @inline(__always) fileprivate func rotl(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
