import JourneysCore
import ReportModel
import Testing
@testable import Score
import Sections

/// Sums of order values in the folds: exact while they fit in 64-bit cents, stopped at the bound
/// and refused (`orderValuesFit`) when they do not, and never a trap, whatever the values.
@Suite struct OrderValueSumsTests {
    static let day: Int64 = 86_400
    static let period = 7 * day..<14 * day

    func fold(_ shop: ScoreTestShop) throws -> (ScorePartial, FoldContext) {
        let input = try shop.input(period: Self.period)
        let context = input.foldContext
        var partial = ScorePartial(zero: context)
        for j in input.journeys {
            partial.add(PersonVisits(visits: j.visits.map { input.visits[$0] }, mapped: j.visits.map { input.mapped[$0] }), context)
        }
        return (partial, context)
    }

    func value(_ s: VisitSections, _ key: String) -> Double? { s.figures.first { $0.key == key }?.value }

    /// Random extreme values (0, 1, Int64.max, a forged 9999999999999.99, random 64-bit ones),
    /// some orders without a value: revenue is the exact sum when it fits, else the partial says
    /// it does not; AOV divides by the orders with a value only.
    @Test func randomExtremeValuesSumExactlyOrAreRefused() throws {
        var rng = SplitMix64(seed: 2026)
        let extremes: [Int64] = [0, 1, .max, .max - 1, .max / 2, 999_999_999_999_999, 10_000_000]
        for trial in 0..<150 {
            var shop = ScoreTestShop()
            var exact: Int128 = 0
            var valued = 0, orders = 0
            for v in 0..<(1 + Int(rng.below(12))) {
                shop.visit(UInt64(v % 5), at: 8 * Self.day + Int64(v) * 3_600, ["/", "/checkout/done"])
                for k in 0..<Int(rng.below(4)) {
                    let small = trial % 3 == 0
                    let cents = small ? Int64(rng.below(10_000_000))
                        : rng.below(2) == 0 ? extremes[Int(rng.below(UInt64(extremes.count)))] : Int64(bitPattern: rng.next() >> 1)
                    let hasValue = rng.below(5) != 0
                    shop.visits[shop.visits.count - 1].orders.append(
                        Order(id: shop.symbols.intern("o\(v)-\(k)"), valueCents: hasValue ? cents : 0, hasValue: hasValue))
                    orders += 1
                    if hasValue { valued += 1; exact += Int128(cents) }
                }
            }
            let (partial, context) = try fold(shop)
            let sections = partial.visits.finished(context)
            let fits = exact < Int128(Int64.max)
            #expect(partial.orderValuesFit == fits, "trial \(trial)")
            #expect(value(sections, "orders") == Double(orders))
            if fits {
                #expect(partial.visits.kpis.current.revenueCents == Int64(exact))
                #expect(value(sections, "revenue") == Double(Int64(exact)) / 100)
                let aov = valued == 0 ? nil : ((Double(Int64(exact)) / 100 / Double(valued)) * 100).rounded() / 100
                #expect(value(sections, "aov") == aov, "trial \(trial)")
            } else {
                #expect(partial.visits.kpis.current.revenueCents == .max)
            }
        }
    }

    /// A million forged orders of 9,999,999,999,999.99 in one visit: the sum stops at the bound,
    /// no trap, and the partial refuses it.
    @Test func aMillionHugeOrdersAreRefusedNotTrapped() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/", "/checkout/done"])
        let id = shop.symbols.intern("forged")
        shop.visits[0].orders = Array(repeating: Order(id: id, valueCents: 999_999_999_999_999), count: 1_000_000)
        let (partial, _) = try fold(shop)
        #expect(!partial.orderValuesFit)
        #expect(partial.visits.kpis.current.revenueCents == .max)
    }

    @Test func centsAddStopsAtTheBounds() {
        #expect(Cents.add(.max, 1) == .max)
        #expect(Cents.add(.max - 5, 5) == .max && !Cents.fits(.max))
        #expect(Cents.add(.min, -1) == .min)
        #expect(Cents.add(40, 2) == 42 && Cents.fits(42))
        #expect(Cents.checkedSum([Int64.max, 1]) == nil)
        #expect(Cents.checkedSum([Int64.max - 1, 1]) == .max)
        #expect(Cents.checkedSum([1, 2, 3]) == 6)
    }
}
