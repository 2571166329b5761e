import Foundation
import JourneysCore
import Testing
@testable import Score
import ReportModel

private let day: Int64 = 86_400
private let week = 7 * day

/// A converting path from (channel, days before the conversion) pairs, oldest first.
private func path(_ touches: [(Channel, Int64)]) -> [AttributionModels.Touch] {
    touches.map { AttributionModels.Touch(channel: $0.0, secondsBeforeConversion: $0.1 * day) }
}

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

@Suite("Heuristic attribution models")
struct HeuristicModelTests {
    // paid social 14 days before, organic search 7 days before, direct on the day:
    //   first touch      paid social 1
    //   last touch       direct 1
    //   last non-direct  organic search 1
    //   linear           1/3 each
    //   time decay       weights 0.5^(14/7) = 1/4, 0.5^(7/7) = 1/2, 0.5^0 = 1; sum 7/4
    //                    -> 1/7, 2/7, 4/7
    //   position based   40% first, 40% last, the middle one 20%
    let three = path([(.paidSocial, 14), (.organicSearch, 7), (.direct, 0)])

    @Test("first touch gives the whole conversion to the first channel")
    func firstTouch() {
        let c = AttributionModels.credit(three, halfLife: week)
        #expect(c[.paidSocial]?.firstTouch == 1)
        #expect(c[.organicSearch]?.firstTouch == 0)
        #expect(c[.direct]?.firstTouch == 0)
    }

    @Test("last touch gives it to the last channel")
    func lastTouch() {
        let c = AttributionModels.credit(three, halfLife: week)
        #expect(c[.direct]?.lastTouch == 1)
        #expect(c[.paidSocial]?.lastTouch == 0)
        #expect(c[.organicSearch]?.lastTouch == 0)
    }

    @Test("last non-direct skips direct visits at the end, and falls back to direct when there is nothing else")
    func lastNonDirect() {
        let c = AttributionModels.credit(three, halfLife: week)
        #expect(c[.organicSearch]?.lastNonDirect == 1)
        #expect(c[.direct]?.lastNonDirect == 0)
        let onlyDirect = AttributionModels.credit(path([(.direct, 3), (.direct, 0)]), halfLife: week)
        #expect(onlyDirect[.direct]?.lastNonDirect == 1)
        let directs = AttributionModels.credit(path([(.email, 9), (.direct, 3), (.direct, 0)]), halfLife: week)
        #expect(directs[.email]?.lastNonDirect == 1)
    }

    @Test("linear splits it evenly over the visits")
    func linear() {
        let c = AttributionModels.credit(three, halfLife: week)
        for channel in [Channel.paidSocial, .organicSearch, .direct] {
            #expect(close(c[channel]!.linear, 1.0 / 3))
        }
    }

    @Test("time decay halves a visit's weight every half-life before the conversion")
    func timeDecay() {
        let c = AttributionModels.credit(three, halfLife: week)
        #expect(close(c[.paidSocial]!.timeDecay, 1.0 / 7))
        #expect(close(c[.organicSearch]!.timeDecay, 2.0 / 7))
        #expect(close(c[.direct]!.timeDecay, 4.0 / 7))
        // a one-day half-life: 0.5^14, 0.5^7, 1
        let short = AttributionModels.credit(three, halfLife: day)
        let total: Double = pow(0.5, 14.0) + pow(0.5, 7.0) + 1
        #expect(close(short[.paidSocial]!.timeDecay, pow(0.5, 14.0) / total))
        #expect(close(short[.direct]!.timeDecay, 1 / total))
    }

    @Test("position based: 40% first, 40% last, 20% over the middle")
    func positionBased() {
        let c = AttributionModels.credit(three, halfLife: week)
        #expect(close(c[.paidSocial]!.positionBased, 0.4))
        #expect(close(c[.organicSearch]!.positionBased, 0.2))
        #expect(close(c[.direct]!.positionBased, 0.4))
        // five visits: the three in the middle share 20%
        let five = AttributionModels.credit(path([(.email, 4), (.referral, 3), (.organicSocial, 2), (.paidSearch, 1), (.direct, 0)]),
                                            halfLife: week)
        #expect(close(five[.email]!.positionBased, 0.4))
        #expect(close(five[.referral]!.positionBased, 0.2 / 3))
        #expect(close(five[.organicSocial]!.positionBased, 0.2 / 3))
        #expect(close(five[.paidSearch]!.positionBased, 0.2 / 3))
        #expect(close(five[.direct]!.positionBased, 0.4))
    }

    // e-mail 21 days before, direct 14, e-mail 7, direct on the day (repeats are separate touches):
    //   first e-mail, last direct, last non-direct e-mail
    //   linear       e-mail 2/4, direct 2/4
    //   time decay   weights 1/8, 1/4, 1/2, 1 (sum 15/8): e-mail (1/8 + 1/2) / (15/8) = 1/3, direct 2/3
    //   position     e-mail 0.4 + 0.1, direct 0.1 + 0.4
    @Test("repeated channels collect the credit of each of their visits")
    func repeats() {
        let c = AttributionModels.credit(path([(.email, 21), (.direct, 14), (.email, 7), (.direct, 0)]), halfLife: week)
        #expect(c[.email]?.firstTouch == 1)
        #expect(c[.direct]?.lastTouch == 1)
        #expect(c[.email]?.lastNonDirect == 1)
        #expect(close(c[.email]!.linear, 0.5))
        #expect(close(c[.direct]!.linear, 0.5))
        #expect(close(c[.email]!.timeDecay, 1.0 / 3))
        #expect(close(c[.direct]!.timeDecay, 2.0 / 3))
        #expect(close(c[.email]!.positionBased, 0.5))
        #expect(close(c[.direct]!.positionBased, 0.5))
        #expect(c.count == 2)
    }

    @Test("one visit gets everything; two visits split position based and equal-time decay in half")
    func shortPaths() {
        let one = AttributionModels.credit(path([(.referral, 2)]), halfLife: week)[.referral]!
        #expect([one.firstTouch, one.lastTouch, one.lastNonDirect, one.linear, one.timeDecay, one.positionBased]
                    .allSatisfy { close($0, 1) })
        let two = AttributionModels.credit(path([(.referral, 0), (.email, 0)]), halfLife: week)
        #expect(close(two[.referral]!.positionBased, 0.5))
        #expect(close(two[.email]!.positionBased, 0.5))
        #expect(close(two[.referral]!.timeDecay, 0.5))
        #expect(AttributionModels.credit([], halfLife: week).isEmpty)
    }

    @Test("models sort in the order the report shows them")
    func modelOrder() {
        #expect(AttributionModel.allCases.reversed().sorted() == AttributionModel.allCases)
        #expect(AttributionModel.allCases.map(\.order) == Array(0..<7))
        #expect(AttributionModel.firstTouch < .markov && !(AttributionModel.linear < .lastTouch))
    }

    @Test("every model hands out exactly one conversion")
    func sumsToOne() {
        let paths = [three, path([(.email, 21), (.direct, 14), (.email, 7), (.direct, 0)]),
                     path([(.organicSocial, 30), (.paidSearch, 29), (.paidSearch, 1), (.referral, 1), (.direct, 0), (.email, 0)])]
        for p in paths {
            let c = AttributionModels.credit(p, halfLife: week).values
            for model in [\Attribution.firstTouch, \.lastTouch, \.lastNonDirect, \.linear, \.timeDecay, \.positionBased] {
                #expect(close(c.reduce(0) { $0 + $1[keyPath: model] }, 1))
            }
        }
    }
}
