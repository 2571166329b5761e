import JourneysCore
import Testing

/// `TableHash`: pseudonyms and symbols as table keys, hashed by a cheap mixer instead of SipHash.
@Suite struct TableHashTests {
    /// Symbols are numbered 1, 2, 3...: mixed, they spread over a table's buckets as random keys
    /// would (1024 random keys fill about 647 of 1024 buckets), not into a run of neighbours.
    @Test func sequentialKeysSpreadOverTheBuckets() {
        for seed in [0, 1, 12_345, -7] {
            let buckets = Set((1...1024).map { TableHash.mix(UInt64($0), seed: seed) & 1023 })
            #expect(buckets.count > 600 && buckets.count < 700, "seed \(seed): \(buckets.count) buckets")
        }
    }

    /// Two tables (two seeds) order the same keys unalike: the buckets of one seed say next to
    /// nothing about the buckets of the other.
    @Test func seedsOrderKeysUnalike() {
        let keys = (1...4096).map { UInt64($0) &* 0x9E37_79B9 }
        let a = keys.map { TableHash.mix($0, seed: 1) & 4095 }
        let b = keys.map { TableHash.mix($0, seed: 2) & 4095 }
        #expect(zip(a, b).filter { $0 == $1 }.count < 16)
        let sortedByA = keys.indices.sorted { a[$0] < a[$1] }.map { b[$0] }
        // in the order of seed 1's buckets, seed 2's buckets do not rise: about half the steps go down
        let downs = zip(sortedByA, sortedByA.dropFirst()).filter { $0 > $1 }.count
        #expect(downs > 1800 && downs < 2300)
    }

    @Test func tablesOfPseudonymsAndSymbolsFindEveryKey() {
        var people: [Pseudonym: Int] = [:], symbols: [Symbol: Int] = [:]
        for i in 0..<50_000 {
            people[Pseudonym(raw: UInt64(i) &* 0xD6E8_FEB8_6659_FD93)] = i
            symbols[Symbol(raw: UInt32(i))] = i
        }
        var merged: [Pseudonym: Int] = [:]
        merged.merge(people) { a, _ in a }
        #expect(people.count == 50_000 && symbols.count == 50_000 && merged == people)
        #expect((0..<50_000).allSatisfy { people[Pseudonym(raw: UInt64($0) &* 0xD6E8_FEB8_6659_FD93)] == $0 && symbols[Symbol(raw: UInt32($0))] == $0 })
        #expect(Set([Pseudonym(raw: 5), Pseudonym(raw: 5), Pseudonym(raw: 6)]).count == 2)
    }
}
