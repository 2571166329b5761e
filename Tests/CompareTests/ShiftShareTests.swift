import JourneysCore
import Compare
import Foundation
import Testing

@Suite struct ShiftShareTests {
    typealias Segment = ShiftShare.Segment

    /// Conversion (visits with an order / visits) over two channels:
    ///
    ///     base: search 60/800 (7.5%), social 20/200 (10%)  -> 80/1000 = 8.0%
    ///     new:  search 24/400 (6%),   social 72/600 (12%)  -> 96/1000 = 9.6%
    ///
    /// shares s0 = 0.8, 0.2 and s1 = 0.4, 0.6. By hand:
    ///
    ///     search mix  = (0.4 - 0.8) * (0.075 + 0.06) / 2 = -0.4 * 0.0675 = -0.027
    ///     search rate = (0.06 - 0.075) * (0.8 + 0.4) / 2 = -0.015 * 0.6  = -0.009
    ///     social mix  = (0.6 - 0.2) * (0.10 + 0.12) / 2  =  0.4 * 0.11   =  0.044
    ///     social rate = (0.12 - 0.10) * (0.2 + 0.6) / 2  =  0.02 * 0.4   =  0.008
    ///
    /// mix 0.017 + rate -0.001 = 0.016 = 9.6% - 8.0%: conversion rose by 1.6 pp because visits
    /// moved to social, which converts better, although search converted worse.
    @Test func twoSegmentsByHand() throws {
        let s = try #require(ShiftShare(
            base: [Segment(id: "search", numerator: 60, denominator: 800), Segment(id: "social", numerator: 20, denominator: 200)],
            new: [Segment(id: "search", numerator: 24, denominator: 400), Segment(id: "social", numerator: 72, denominator: 600)]))
        func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-15 }
        #expect(near(s.baseRate, 0.08) && near(s.newRate, 0.096))
        #expect(near(s.total, 0.016))
        #expect(near(s.mix, 0.017) && near(s.rate, -0.001))
        #expect(s.parts.map(\.id) == ["search", "social"])
        let search = s.parts[0], social = s.parts[1]
        #expect(near(search.mix, -0.027) && near(search.rate, -0.009) && near(search.contribution, -0.036))
        #expect(near(social.mix, 0.044) && near(social.rate, 0.008) && near(social.contribution, 0.052))
        #expect(near(search.baseShare, 0.8) && near(search.newShare, 0.4))
        #expect(search.baseRate == 0.075 && search.newRate == 0.06)
        #expect(s.ranked.map(\.id) == ["social", "search"])
        #expect(abs(s.mix + s.rate - s.total) < 1e-12)
    }

    /// The same base; in the new period a third channel, email, appears:
    ///
    ///     new: search 24/400 (6%), social 36/300 (12%), email 15/300 (5%) -> 75/1000 = 7.5%
    ///
    /// shares s1 = 0.4, 0.3, 0.3. By hand:
    ///
    ///     search: mix (0.4 - 0.8) * 0.0675 = -0.027, rate -0.015 * 0.6 = -0.009      -> -0.036
    ///     social: mix (0.3 - 0.2) * 0.11 = 0.011,    rate 0.02 * (0.2 + 0.3) / 2 = 0.005 -> 0.016
    ///     email:  absent before, so share 0 and (taken as) its new rate 5%: mix 0.3 * 0.05 = 0.015,
    ///             rate 0                                                          -> 0.015
    ///
    /// mix -0.001 + rate -0.004 = -0.005 = 7.5% - 8.0%.
    @Test func aNewSegmentIsAllMix() throws {
        let s = try #require(ShiftShare(
            base: [Segment(id: "search", numerator: 60, denominator: 800), Segment(id: "social", numerator: 20, denominator: 200)],
            new: [Segment(id: "search", numerator: 24, denominator: 400), Segment(id: "social", numerator: 36, denominator: 300),
                  Segment(id: "email", numerator: 15, denominator: 300)]))
        func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-15 }
        #expect(near(s.total, -0.005) && near(s.mix, -0.001) && near(s.rate, -0.004))
        #expect(s.parts.map(\.id) == ["email", "search", "social"])
        let email = s.parts[0]
        #expect(email.baseShare == 0 && email.baseRate == nil && email.newRate == 0.05)
        #expect(near(email.mix, 0.015) && email.rate == 0)
        #expect(near(s.parts[1].contribution, -0.036) && near(s.parts[2].contribution, 0.016))
        #expect(s.ranked.map(\.id) == ["search", "social", "email"])
        #expect(abs(s.mix + s.rate - s.total) < 1e-12)
    }

    @Test func aVanishedSegmentIsAllMixToo() throws {
        // Base: a 10/100, b 30/100 -> 20%; new: a 30/200 -> 15%. b's -0.5 * 0.3 = -0.15 is all mix;
        // a: mix (1 - 0.5) * (0.1 + 0.15) / 2 = 0.0625, rate 0.05 * 0.75 = 0.0375. Total -0.05.
        let s = try #require(ShiftShare(
            base: [Segment(id: "a", numerator: 10, denominator: 100), Segment(id: "b", numerator: 30, denominator: 100)],
            new: [Segment(id: "a", numerator: 30, denominator: 200)]))
        let b = s.parts[1]
        #expect(b.newShare == 0 && b.newRate == nil && b.rate == 0 && abs(b.mix + 0.15) < 1e-15)
        #expect(abs(s.parts[0].mix - 0.0625) < 1e-15 && abs(s.parts[0].rate - 0.0375) < 1e-15)
        #expect(abs(s.total + 0.05) < 1e-15)
    }

    @Test func segmentsListedTwiceAreOne() throws {
        let once = try #require(ShiftShare(base: [Segment(id: "a", numerator: 4, denominator: 10), Segment(id: "b", numerator: 1, denominator: 10)],
                                           new: [Segment(id: "a", numerator: 6, denominator: 10), Segment(id: "b", numerator: 1, denominator: 5)]))
        let twice = try #require(ShiftShare(base: [Segment(id: "a", numerator: 1, denominator: 4), Segment(id: "b", numerator: 1, denominator: 10),
                                                   Segment(id: "a", numerator: 3, denominator: 6)],
                                            new: [Segment(id: "a", numerator: 6, denominator: 10), Segment(id: "b", numerator: 1, denominator: 5)]))
        #expect(once == twice)
    }

    @Test func nothingToCompare() {
        let some = [Segment(id: "a", numerator: 1, denominator: 10)]
        #expect(ShiftShare(base: [], new: some) == nil)
        #expect(ShiftShare(base: some, new: [Segment(id: "a", numerator: 0, denominator: 0)]) == nil)
        #expect(ShiftShare(base: some, new: [Segment(id: "a", numerator: 1, denominator: 0)]) == nil)
        #expect(ShiftShare(base: some, new: [Segment(id: "a", numerator: 1, denominator: -10)]) == nil)
        #expect(ShiftShare(base: some, new: [Segment(id: "a", numerator: .nan, denominator: 10)]) == nil)
        #expect(ShiftShare(base: some, new: [Segment(id: "a", numerator: 1, denominator: .infinity)]) == nil)
    }

    @Test func rankingBreaksTiesById() throws {
        // b and c each add 0.25 (mix only: same rates, shares moved); a adds nothing.
        let s = try #require(ShiftShare(
            base: [Segment(id: "c", numerator: 0, denominator: 2), Segment(id: "b", numerator: 0, denominator: 2), Segment(id: "a", numerator: 0, denominator: 4)],
            new: [Segment(id: "c", numerator: 1, denominator: 2), Segment(id: "b", numerator: 1, denominator: 2), Segment(id: "a", numerator: 0, denominator: 4)]))
        #expect(s.ranked.map(\.id) == ["b", "c", "a"])
    }

    /// Random segment tables, some segments missing from one period, some empty: the parts add up
    /// to the change, and rounded to tenths of a percentage point they still add up when printed.
    @Test func partsAddUpExactlyAndWhenPrinted() throws {
        var decomposed = 0, withMissingSegments = 0
        for seed in UInt64(1)...500 {
            var random = SplitMix64(seed: seed)
            func period() -> [Segment] {
                (0..<Int.random(in: 1...6, using: &random)).compactMap { i in
                    if Int.random(in: 0..<5, using: &random) == 0 { return nil }  // absent this period
                    let visits = Int.random(in: 0...5000, using: &random)
                    let orders = visits == 0 ? 0 : Int.random(in: 0...visits, using: &random)
                    return Segment(id: "channel\(i)", numerator: Double(orders), denominator: Double(visits))
                }
            }
            guard let s = ShiftShare(base: period(), new: period()) else { continue }
            decomposed += 1
            if s.parts.contains(where: { $0.baseRate == nil || $0.newRate == nil }) { withMissingSegments += 1 }
            #expect(abs(s.mix + s.rate - s.total) < 1e-12, "seed \(seed)")
            #expect(abs(s.parts.reduce(0) { $0 + $1.contribution } - s.total) < 1e-12, "seed \(seed)")

            for parts in [[s.mix, s.rate], s.ranked.map(\.contribution), s.parts.flatMap { [$0.mix, $0.rate] }] {
                let pp = RoundedParts(parts.map { $0 * 100 }, total: s.total * 100, decimals: 1)
                #expect(pp.partUnits.reduce(0, +) == pp.totalUnits, "seed \(seed)")
                #expect(pp.totalUnits == Int((s.total * 1000).rounded()), "seed \(seed)")
                for (exact, units) in zip(parts, pp.partUnits) {
                    #expect(abs(exact * 1000 - Double(units)) < 1 + 1e-9, "seed \(seed)")
                }
                // What is printed is what was counted: the printed parts add up to the printed total.
                func tenths(_ x: Double) -> Int { Int((Double(String(format: "%.1f", x))! * 10).rounded()) }
                #expect(pp.parts.map(tenths) == pp.partUnits, "seed \(seed)")
                #expect(pp.parts.map(tenths).reduce(0, +) == tenths(pp.total), "seed \(seed)")
            }
        }
        #expect(decomposed > 450 && withMissingSegments > 100)
    }
}
