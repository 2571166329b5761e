/// Each touchpoint of a visit once, in the order first seen: a bit per touchpoint when the
/// catalog has at most 64 (a shop's rules make a few dozen), else a set. Folds ask this of every
/// visit, so it allocates nothing in the common case.
func forEachDistinct(_ touchpoints: some Collection<Int>, catalogCount: Int, _ body: (Int) -> Void) {
    if catalogCount <= 64 {
        var seen: UInt64 = 0
        for tp in touchpoints where tp >= 0 && seen & (1 << UInt64(tp)) == 0 {
            seen |= 1 << UInt64(tp)
            body(tp)
        }
    } else {
        var seen = Set<Int>()
        for tp in touchpoints where tp >= 0 && seen.insert(tp).inserted { body(tp) }
    }
}
