#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A map from byte strings to small values, for the per-line caches (interned paths, user-agent
/// decisions): a fast unkeyed hash, open addressing, and a byte comparison on every hit, so a
/// hash collision can never mix two values up.
struct ByteCache<Value> {
    private var table: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var storage: [UInt8] = []
    private(set) var values: [Value] = []
    private var mask: Int

    init() {
        table = Array(repeating: -1, count: 1024)
        mask = 1023
        storage.reserveCapacity(1 << 16)
    }

    var count: Int { values.count }

    /// The value stored for `bytes`, whose `fastHash` is `h`.
    @inline(__always) func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: h) & mask
        return table.withUnsafeBufferPointer { t in
            while true {
                let e = Int(t[slot])
                if e < 0 { return nil }
                if hashes[e] == h && Int(lengths[e]) == bytes.count {
                    let same = bytes.isEmpty || storage.withUnsafeBufferPointer { s in
                        memcmp(s.baseAddress! + starts[e], bytes.baseAddress!, bytes.count) == 0
                    }
                    if same { return values[e] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ bytes: UnsafeRawBufferPointer, hash h: UInt64, value: Value) {
        let e = values.count
        hashes.append(h)
        starts.append(storage.count)
        lengths.append(Int32(bytes.count))
        storage.append(contentsOf: bytes)
        values.append(value)
        if (e + 1) * 2 > table.count {
            table = Array(repeating: -1, count: table.count * 2)
            mask = table.count - 1
            for k in 0...e { place(k) }
        } else {
            place(e)
        }
    }

    private mutating func place(_ e: Int) {
        var slot = Int(truncatingIfNeeded: hashes[e]) & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = Int32(e)
    }
}

/// A fast, unkeyed 64-bit hash for cache look-ups only (never written anywhere, never a pseudonym).
@inline(__always) func fastHash(_ b: UnsafeRawBufferPointer) -> UInt64 {
    let n = b.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(n) &* 0xFF51_AFD7_ED55_8CCD)
    guard let p = b.baseAddress else { return h }
    var i = 0
    while i + 8 <= n {
        h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x8748_4D5C_E2D3_1B6B
        h ^= h >> 29
        i += 8
    }
    if i < n {
        var w: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            w |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            i += 1
        }
        h = (h ^ w) &* 0x8748_4D5C_E2D3_1B6B
    }
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
}
