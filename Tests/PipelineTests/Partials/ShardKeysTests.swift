import JourneysCore
import Pipeline
import Testing

/// Devices joined through customers and orders share a shard, whatever order the pairs come in.
@Suite struct ShardKeysTests {
    let laptop = Pseudonym(raw: 0x1111), phone = Pseudonym(raw: 0x2222), family = Pseudonym(raw: 0x3333)
    let alone = Pseudonym(raw: 0x4444), alice = Pseudonym(raw: 0xA1), bob = Pseudonym(raw: 0xB0)

    var pairs: [(ShardKeys.Node, ShardKeys.Node)] {
        [(.device(laptop), .customer(alice)), (.device(phone), .customer(alice)),
         (.device(family), .customer(bob)), (.device(family), .order(77)), (.device(phone), .order(77))]
    }

    @Test(arguments: [2, 3, 8, 64]) func joinedDevicesShareAShard(shards: Int) {
        let keys = ShardKeys(pairs: pairs)
        let s = keys.shard(of: laptop, shards: shards)
        #expect(keys.shard(of: phone, shards: shards) == s)
        #expect(keys.shard(of: family, shards: shards) == s)
        #expect((0..<shards).contains(keys.shard(of: alone, shards: shards)))
    }

    @Test func theOrderOfPairsDoesNotMatter() {
        let a = ShardKeys(pairs: pairs), b = ShardKeys(pairs: pairs.reversed())
        for d in [laptop, phone, family, alone] {
            for n in [2, 3, 8, 64] { #expect(a.shard(of: d, shards: n) == b.shard(of: d, shards: n)) }
        }
    }

    @Test func peopleSpreadOverTheShards() {
        let keys = ShardKeys(pairs: [])
        var counts = [0, 0, 0, 0]
        for d in 1...4_000 { counts[keys.shard(of: Pseudonym(raw: UInt64(d) &* 0x9E37_79B9_7F4A_7C15), shards: 4)] += 1 }
        for c in counts { #expect(c > 800 && c < 1_200) }
    }

    @Test func pairsTravelAsText() throws {
        var pairs = IdentityPairs()
        var e = Event(time: 0, device: laptop, path: .none)
        e.customer = alice
        pairs.add(e, orderID: { _ in "" })
        e = Event(time: 0, device: phone, path: .none)
        e.order = Order(id: Symbol(raw: 1), valueCents: 100)
        pairs.add(e, orderID: { _ in "NL-1" })
        let text = pairs.text
        #expect(text.split(separator: "\n").count == 2)
        #expect(try IdentityPairs.parse(text + text, source: "p").pairs == pairs.pairs)
        #expect(throws: PartialError.self) { try IdentityPairs.parse("zz c12\n", source: "p") }
        #expect(!text.contains("NL-1"))
    }

    /// The span's line and the pairs read back; a line that is neither is named by its number.
    @Test func pairsFileIsReadLineByLine() throws {
        var pairs = IdentityPairs()
        pairs.note(time: -40)
        pairs.note(time: 1_794_787_200)
        var e = Event(time: 0, device: Pseudonym(raw: .max), path: .none)
        e.customer = Pseudonym(raw: 0xAB)
        pairs.add(e, orderID: { _ in "" })
        let read = try IdentityPairs.parse(Array(("\n" + pairs.text).utf8), source: "p")
        #expect(read.pairs == pairs.pairs && read.span?.earliest == -40 && read.span?.latest == 1_794_787_200)
        #expect(read.text == pairs.text)
        for bad in ["ffffffffffffffff x12", "ffffffffffffffff c", "1ffffffffffffffff c12", "t 1", "t 1 2 3", "ff c-1", "ff  c12"] {
            do {
                _ = try IdentityPairs.parse(Array((pairs.text + bad + "\n").utf8), source: "p")
                Issue.record("accepted '\(bad)'")
            } catch let error as PartialError {
                #expect(error.description.hasPrefix("p:3: expected"), "\(error)")
            }
        }
    }
}
