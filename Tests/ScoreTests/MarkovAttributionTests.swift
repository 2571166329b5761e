import JourneysCore
import Testing
@testable import Score
import ReportModel

private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

@Suite("Markov attribution")
struct MarkovAttributionTests {
    // Two channels, paid search (PS) and direct (D), four distinct paths:
    //
    //   PS > D         1 conversion (value 10), 1 null
    //   PS > PS > D    2 conversions (value 30)     -- collapses to PS > D
    //   D              3 nulls
    //   PS             1 conversion (value 5), 2 nulls
    //
    // Transition counts (each path adds conversions + nulls to each of its steps):
    //   start -> PS  2 + 2 + 3 = 7     start -> D  3                  row 10: s = (0.7, 0.3)
    //   PS -> D      2 + 2 = 4         PS -> conv 1    PS -> null 2   row 7
    //   D -> conv    1 + 2 = 3         D -> null  1 + 3 = 4           row 7
    //
    // P(conv | D)  = 3/7
    // P(conv | PS) = 1/7 + 4/7 * 3/7 = 19/49
    // P(conv)      = 0.7 * 19/49 + 0.3 * 3/7 = 0.4
    // PS removed (start -> PS goes to null): 0.3 * 3/7 = 9/70   removal effect 1 - (9/70)/0.4 = 19/28
    // D removed (PS -> D goes to null):      0.7 * 1/7 = 0.1    removal effect 1 - 0.1/0.4   = 3/4 = 21/28
    // credit of the 4 conversions: PS 4 * 19/40 = 1.9, D 4 * 21/40 = 2.1
    //
    // Value: a conversion is worth the mean value of conversions with the same last channel:
    //   last PS: 5 / 1 = 5            last D: (10 + 30) / 3 = 40/3
    // Expected visits y_PS = 0.7, y_D = 0.3 + 0.7 * 4/7 = 0.7, so conversion via PS 0.7 * 1/7 = 0.1,
    // via D 0.7 * 3/7 = 0.3, and E[value] = 0.1 * 5 + 0.3 * 40/3 = 4.5.
    // PS removed: via D 9/70 * 40/3 = 12/7   value removal effect 1 - (12/7)/4.5 = 13/21 = 39/63
    // D removed:  via PS 0.1 * 5 = 0.5       value removal effect 1 - 0.5/4.5    = 8/9   = 56/63
    // credit of the value 45: PS 45 * 39/95 = 18.473684..., D 45 * 56/95 = 26.526315...
    // (ChannelAttribution 2.2.5, simulating: PS 1.8995 / 18.470, D 2.1005 / 26.530.)
    let paths = [
        ChannelPath([.paidSearch, .direct], conversions: 1, value: 10, nulls: 1),
        ChannelPath([.paidSearch, .paidSearch, .direct], conversions: 2, value: 30),
        ChannelPath([.direct], nulls: 3),
        ChannelPath([.paidSearch], conversions: 1, value: 5, nulls: 2),
    ]

    @Test("the chain: repeats collapse, counts and probabilities as worked out by hand")
    func chain() {
        let chain = MarkovAttribution.Chain(paths)
        #expect(chain.channels == [.paidSearch, .direct])
        #expect(chain.counts[.start] == [.channel(.paidSearch): 7, .channel(.direct): 3])
        #expect(chain.counts[.channel(.paidSearch)] == [.channel(.direct): 4, .conversion: 1, .null: 2])
        #expect(chain.counts[.channel(.direct)] == [.conversion: 3, .null: 4])
        #expect(chain.counts[.channel(.paidSearch)]?[.channel(.paidSearch)] == nil)
        #expect(close(chain.probability(from: .start, to: .channel(.paidSearch)), 0.7))
        #expect(close(chain.probability(from: .channel(.paidSearch), to: .channel(.direct)), 4.0 / 7))
        #expect(chain.probability(from: .conversion, to: .null) == 0)
        #expect(chain.transitions.map { "\($0.from.name)>\($0.to.name)" } == [
            "(start)>paid_search", "(start)>direct", "paid_search>direct", "paid_search>(conversion)",
            "paid_search>(null)", "direct>(conversion)", "direct>(null)",
        ])
    }

    @Test("removal effects and credit, exactly")
    func handExample() {
        let r = MarkovAttribution.attribute(paths)
        #expect(close(r.conversionProbability, 0.4))
        #expect(close(r.expectedValue, 4.5))
        #expect(close(r.removalEffects[.paidSearch], 19.0 / 28))
        #expect(close(r.removalEffects[.direct], 3.0 / 4))
        #expect(close(r.valueRemovalEffects[.paidSearch], 13.0 / 21))
        #expect(close(r.valueRemovalEffects[.direct], 8.0 / 9))
        #expect(close(r.credit[.paidSearch]?.conversions, 1.9))
        #expect(close(r.credit[.direct]?.conversions, 2.1))
        #expect(close(r.credit[.paidSearch]?.value, 45 * 39.0 / 95))
        #expect(close(r.credit[.direct]?.value, 45 * 56.0 / 95))
        #expect(MarkovAttribution.credit(paths) == r.credit)
    }

    @Test("the same journeys give the same credit, whatever their order")
    func deterministic() {
        let a = MarkovAttribution.attribute(paths)
        let b = MarkovAttribution.attribute(paths.reversed())
        #expect(a == b)
        // splitting a path into two rows changes nothing either
        var split = paths
        split[0].conversions = 0; split[0].value = 0
        split.append(ChannelPath([.paidSearch, .direct], conversions: 1, value: 10))
        #expect(MarkovAttribution.credit(split) == a.credit)
    }

    @Test("credit adds up to the conversions and their value")
    func sums() {
        let more = paths + [ChannelPath([.email, .organicSearch, .email, .direct], conversions: 3, value: 120, nulls: 4),
                            ChannelPath([.organicSocial, .paidSearch], conversions: 1, value: 20, nulls: 9)]
        let credit = MarkovAttribution.credit(more)
        #expect(close(credit.values.reduce(0) { $0 + $1.conversions }, 8, 1e-9))
        #expect(close(credit.values.reduce(0) { $0 + $1.value }, 185, 1e-9))
    }

    @Test("a channel only on paths that never convert gets no credit")
    func uselessChannel() {
        let r = MarkovAttribution.attribute(paths + [ChannelPath([.referral], nulls: 5)])
        #expect(close(r.removalEffects[.referral], 0))
        #expect(close(r.credit[.referral]?.conversions, 0))
        // the others' shares do not move: removal effects are relative
        #expect(close(r.credit[.paidSearch]?.conversions, 1.9))
    }

    @Test("one channel gets everything; nothing converting gives no credit")
    func degenerate() {
        let one = MarkovAttribution.credit([ChannelPath([.email, .email], conversions: 3, value: 90, nulls: 7)])
        #expect(one == [.email: MarkovAttribution.Credit(conversions: 3, value: 90)])
        let none = MarkovAttribution.attribute([ChannelPath([.email, .direct], nulls: 4)])
        #expect(none.conversionProbability == 0)
        #expect(none.credit == [.email: .init(conversions: 0, value: 0), .direct: .init(conversions: 0, value: 0)])
        #expect(MarkovAttribution.credit([]).isEmpty)
        // paths without channels or without journeys are left out
        #expect(MarkovAttribution.credit([ChannelPath([], conversions: 2), ChannelPath([.referral])]).isEmpty)
    }

    @Test("without nulls every path converts: removal effects are the shares of converting paths through a channel")
    func withoutNulls() {
        // start -> email 1/2, start -> direct 1/2, email -> direct 1 (of 1), direct -> conv
        // P(conv) = 1; email removed: 1/2; direct removed: 0. Effects 1/2 and 1 -> credit 2/3 and 4/3 of 2.
        let r = MarkovAttribution.attribute([ChannelPath([.email, .direct], conversions: 1, value: 10),
                                             ChannelPath([.direct], conversions: 1, value: 10)])
        #expect(close(r.conversionProbability, 1))
        #expect(close(r.credit[.email]?.conversions, 2.0 / 3))
        #expect(close(r.credit[.direct]?.conversions, 4.0 / 3))
    }

    @Test("loops between channels are solved exactly, not truncated")
    func loops() {
        let looping = [ChannelPath([.email, .direct, .email], conversions: 1, nulls: 0),
                       ChannelPath([.email, .direct], nulls: 1),
                       ChannelPath([.email], conversions: 1)]
        // counts: start->email 3; email->direct 2, email->conv 2 (rows: path 1 last email, path 3);
        // direct->email 1, direct->null 1.
        // x_e = 2/4 * x_d + 2/4;  x_d = 1/2 * x_e  ->  x_e = x_e/4 + 1/2  ->  x_e = 2/3
        let r = MarkovAttribution.attribute(looping)
        #expect(close(r.conversionProbability, 2.0 / 3))
        // direct removed: x_e = 2/4 -> removal effect 1 - (1/2)/(2/3) = 1/4; email removed: 0 -> 1
        #expect(close(r.removalEffects[.direct], 0.25))
        #expect(close(r.removalEffects[.email], 1))
    }

    @Test("paths read and written as ChannelAttribution's notation")
    func notation() {
        let p = ChannelPath(notation: "email > direct >direct", conversions: 2, value: 9.5, nulls: 1)
        #expect(p == ChannelPath([.email, .direct, .direct], conversions: 2, value: 9.5, nulls: 1))
        #expect(p?.notation == "email > direct > direct")
        #expect(ChannelPath(notation: "email > tv") == nil)
        #expect(ChannelPath(notation: "") == nil)
        #expect(ChannelPath(notation: "email >> direct") == nil)
    }

    @Test("the solver: partial pivoting, and nil for a singular system")
    func solver() {
        // 0x + 2y = 4, 3x + y = 5 needs a row swap: y = 2, x = 1
        let x = MarkovAttribution.solve([0, 2, 3, 1], [4, 5], n: 2)
        #expect(close(x?[0], 1) && close(x?[1], 2))
        #expect(MarkovAttribution.solve([1, 2, 2, 4], [1, 2], n: 2) == nil)
    }
}

@Suite("Model disagreement")
struct ModelDisagreementTests {
    // 100 orders. Spread (max - min over models) per channel:
    //   paid social  first 40, last 10, markov 25  -> 30 (last touch .. first touch)
    //   direct       first 10, last 45, markov 30  -> 35 (first touch .. last touch)
    //   e-mail       first 50, last 45, markov 45  ->  5
    //   referral     only markov 12 (0 elsewhere)  -> 12
    let credits: [AttributionModel: [Channel: Double]] = [
        .firstTouch: [.paidSocial: 40, .direct: 10, .email: 50],
        .lastTouch: [.paidSocial: 10, .direct: 45, .email: 45],
        .markov: [.paidSocial: 25, .direct: 30, .email: 45, .referral: 12],
    ]

    @Test("largest spread first, at least 10% of orders, at most two")
    func topTwo() {
        let d = ModelDisagreement.largest(credits, totalOrders: 100)
        #expect(d.map(\.channel) == [.direct, .paidSocial])
        #expect(d[0] == ModelDisagreement(channel: .direct, lowest: .firstTouch, lowestCredit: 10, highest: .lastTouch,
                                          highestCredit: 45, spread: 35, shareOfOrders: 0.35))
        #expect(d[1].lowest == .lastTouch && d[1].highest == .firstTouch)
        #expect(ModelDisagreement.largest(credits, totalOrders: 100, limit: 3).map(\.channel) == [.direct, .paidSocial, .referral])
        #expect(ModelDisagreement.largest(credits, totalOrders: 100, minShare: 0.31, limit: 5).map(\.channel) == [.direct])
    }

    @Test("a spread of exactly the threshold counts; below it does not")
    func threshold() {
        let c: [AttributionModel: [Channel: Double]] = [.linear: [.email: 0.3], .markov: [.email: 0.4]]
        #expect(ModelDisagreement.largest(c, totalOrders: 1).map(\.channel) == [.email])
        #expect(ModelDisagreement.largest(c, totalOrders: 1.0001).isEmpty)
    }

    @Test("nothing to compare: one model, no orders")
    func nothing() {
        #expect(ModelDisagreement.largest([.linear: [.email: 5]], totalOrders: 10).isEmpty)
        #expect(ModelDisagreement.largest(credits, totalOrders: 0).isEmpty)
    }

    @Test("from the report's Attribution rows plus Markov credit")
    func fromRows() {
        var social = Attribution()
        social.firstTouch = 6; social.lastTouch = 1; social.lastNonDirect = 2; social.linear = 3; social.timeDecay = 2
        social.positionBased = 3.5
        var direct = Attribution()
        direct.firstTouch = 1; direct.lastTouch = 6; direct.lastNonDirect = 5; direct.linear = 4; direct.timeDecay = 5
        direct.positionBased = 3.5
        let d = ModelDisagreement.largest([.organicSocial: social, .direct: direct], markov: [.organicSocial: 3.2, .direct: 3.8],
                                          totalOrders: 7)
        #expect(d.map(\.channel) == [.organicSocial, .direct]) // equal spreads of 5: channel order
        #expect(d[0].lowest == .lastTouch && d[0].highest == .firstTouch)
        #expect(d[1].lowest == .firstTouch && d[1].highest == .lastTouch)
    }
}
