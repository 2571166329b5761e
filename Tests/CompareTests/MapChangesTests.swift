@testable import Compare
import JourneysCore
import ReportModel
import Testing

/// The journey map's marks against the previous period: shares tested as proportions, one
/// Benjamini-Hochberg family, nothing marked when nothing moved beyond noise.
@Suite struct MapChangesTests {
    /// Boxes by the visits that viewed them, of `total` visits on the map (all entering at the
    /// first box), links and returns by name.
    static func map(_ visits: [String: Int], total: Int = 2_000, _ links: [(String, String, Int)],
                    returns: [(String, String, Int)] = []) -> JourneyMap {
        var m = Snapshots.map(views: visits, links: links)
        for i in m.nodes.indices {
            m.nodes[i].visits = visits[m.nodes[i].touchpoint]!
            m.nodes[i].entries = i == 0 ? total : 0
        }
        let ids = Dictionary(uniqueKeysWithValues: m.nodes.map { ($0.touchpoint, $0.id) })
        m.returns = returns.map { .init(from: ids[$0.0]!, to: ids[$0.1]!, count: $0.2) }
        return m
    }

    static let base = map(["Home": 1_000, "Product": 1_000, "Cart": 200],
                          [("Home", "Product", 600), ("Product", "Cart", 150), ("Cart", "Product", 50)],
                          returns: [("Cart", "Home", 40), ("Product", "Home", 60)])

    @Test func theSameSharesMarkNothing() {
        let doubled = Self.map(["Home": 2_000, "Product": 2_000, "Cart": 400], total: 4_000,
                               [("Home", "Product", 1_200), ("Product", "Cart", 300), ("Cart", "Product", 100)],
                               returns: [("Cart", "Home", 80), ("Product", "Home", 120)])
        let changes = MapChanges.of(base: Self.base, new: doubled)
        #expect(changes.isEmpty)
        #expect(changes.tests == 3 + 3 + 2)
    }

    @Test func smallMovesAreNoise() {
        let new = Self.map(["Home": 1_010, "Product": 990, "Cart": 205],
                           [("Home", "Product", 590), ("Product", "Cart", 158), ("Cart", "Product", 47)],
                           returns: [("Cart", "Home", 44), ("Product", "Home", 57)])
        #expect(MapChanges.of(base: Self.base, new: new).isEmpty)
    }

    /// Of 2,000 visits, Cart's go from 200 (10%) to 500 (25%): up; Home and Product keep their
    /// 1,000 visits: no mark, although their share of the page views would have fallen. The
    /// returns to Home from Cart go from 40 of 100 to 90 of 150 (z = 3.1), from Product from 60
    /// of 100 to 60 of 150.
    @Test func realMovesAreMarkedWithTheirDirection() {
        let new = Self.map(["Home": 1_000, "Product": 1_000, "Cart": 500],
                           [("Home", "Product", 600), ("Product", "Cart", 150), ("Cart", "Product", 50), ("Cart", "Home", 30)],
                           returns: [("Cart", "Home", 90), ("Product", "Home", 60)])
        let changes = MapChanges.of(base: Self.base, new: new)
        #expect(changes.nodes == ["Cart": .up])
        #expect(changes.returns == ["Cart -> Home": .up, "Product -> Home": .down])
        // a new link of 30 of 830 steps against none of 800: up
        #expect(changes.links["Cart -> Home"] == .up)
        #expect(changes.links["Home -> Product"] == nil)
    }

    /// Two periods drawn from the same shares: the family marks anything in at most about the
    /// false discovery rate of the pairs (Benjamini-Hochberg keeps the chance of any mark near
    /// q when nothing changed). 300 seeded pairs of 2,000 visits, each viewing one of eight boxes.
    @Test func samePeriodsAreRarelyMarked() {
        let shares = [0.3, 0.2, 0.15, 0.12, 0.1, 0.07, 0.04, 0.02]
        var random = SplitMix64(seed: 47)
        func period() -> JourneyMap {
            var views = Array(repeating: 0, count: shares.count)
            for _ in 0..<2_000 {
                var u = Double(random.next() >> 11) / Double(1 << 53)
                var k = 0
                while k < shares.count - 1, u >= shares[k] { u -= shares[k]; k += 1 }
                views[k] += 1
            }
            return Self.map(Dictionary(uniqueKeysWithValues: views.enumerated().map { ("T\($0)", max($1, 1)) }), total: 2_000, [])
        }
        let pairs = 300
        let marked = (0..<pairs).filter { _ in !MapChanges.of(base: period(), new: period()).isEmpty }.count
        #expect(Double(marked) / Double(pairs) <= 0.08, "\(marked) of \(pairs) pairs marked")
    }
}
