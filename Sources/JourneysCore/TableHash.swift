/// The hash a `Dictionary` or `Set` takes of the run's most common keys, pseudonyms and symbols
/// (`_rawHashValue(seed:)`): their bits mixed with the table's seed in three multiply-xorshift
/// steps (SplitMix64's finaliser), instead of a full SipHash round per lookup. Safe for these
/// keys alone: a pseudonym is a keyed hash already, so no input can be chosen to collide, and a
/// symbol is a small number the run gives out itself. The seed goes in first, so that two tables
/// order the same keys unalike, as they must for merging one into another to stay linear.
package enum TableHash {
    @inline(__always)
    package static func mix(_ bits: UInt64, seed: Int) -> Int {
        var z = (bits &+ UInt64(bitPattern: Int64(seed))) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }
}
