import JourneysCore
import ReportModel
import Testing
@testable import Score
import Sections

/// The channel folds' partials merge exactly: any split of the people, merged in any order,
/// finishes into the same channel rows (every attribution model and Markov) and customer value,
/// to the last bit of the unrounded credits.
@Suite struct ChannelFoldsTests {
    static let day: Int64 = 86_400
    static let period = 7 * day..<14 * day

    /// Sixty people over three weeks in all seven channels: some buy once or twice in the period, some
    /// only before it, some never; some log in on two devices; two buy in the same second; a few
    /// come back after the period. A dozen buyers spend 20.00 in one order and a dozen in two, so
    /// that a spend tier's boundary falls among buyers of equal revenue.
    func shop() -> ScoreTestShop {
        var s = ScoreTestShop()
        func arrive(_ s: inout ScoreTestShop, _ device: UInt64, _ at: Int64, _ kind: Int, customer: UInt64, order: (String, Int64)? = nil) {
            let paths = order == nil ? ["/", "/p/a"] : ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"]
            switch kind % 7 {
            case 0: s.visit(device, at: at, paths, referrer: "www.google.com", order: order, customer: customer)
            case 1: s.visit(device, at: at, paths, campaign: ("facebook", "paid_social"), order: order, customer: customer)
            case 2: s.visit(device, at: at, paths, campaign: ("newsletter", "email"), order: order, customer: customer)
            case 3: s.visit(device, at: at, paths, campaign: ("google", "cpc"), order: order, customer: customer)
            case 4: s.visit(device, at: at, paths, referrer: "blog.example.org", order: order, customer: customer)
            case 5: s.visit(device, at: at, paths, referrer: "www.facebook.com", order: order, customer: customer)
            default: s.visit(device, at: at, paths, order: order, customer: customer)
            }
        }
        for i in 0..<60 {
            let d = UInt64(i + 1), customer: UInt64 = i % 9 == 0 ? 5_000 + UInt64(i / 18) : 0
            let start = Int64(i % 10) * Self.day + Int64(i) * 900
            arrive(&s, d, start, i, customer: customer)
            if i % 2 == 0 { arrive(&s, d, start + Self.day + 3_600, i / 2 + 1, customer: customer) }
            if i % 3 == 0 { arrive(&s, d, start + 2 * Self.day, i + 2, customer: customer) }
            switch i % 5 {
            case 0: arrive(&s, d, 8 * Self.day + Int64(i) * 1_000, i + 3, customer: customer, order: ("a\(i)", 2_000))
            case 1: arrive(&s, d, 9 * Self.day + Int64(i) * 700, i / 3, customer: customer, order: ("b\(i)", 1_000 + Int64(i) * 37))
                    arrive(&s, d, 12 * Self.day + Int64(i) * 500, 5, customer: customer, order: ("c\(i)", 1_000))
            case 2: arrive(&s, d, 3 * Self.day + Int64(i) * 300, i + 4, customer: customer, order: ("d\(i)", 1_000 + Int64(i) * 11))
            case 3: arrive(&s, d, 4 * Self.day + Int64(i) * 200, i + 5, customer: customer, order: ("e\(i)", 1_000))
                    arrive(&s, d, 11 * Self.day + Int64(i) * 400, i + 6, customer: customer, order: ("f\(i)", 1_000))
            default: break
            }
            if i % 7 == 0 { arrive(&s, d, 15 * Self.day + Int64(i), i, customer: customer, order: ("late\(i)", 9_900)) }
        }
        // Two people who buy in the same second, on two devices, by different channels.
        arrive(&s, 900, 10 * Self.day - 3_000, 2, customer: 0)
        arrive(&s, 900, 10 * Self.day, 3, customer: 0, order: ("same1", 4_000))
        arrive(&s, 901, 10 * Self.day - 90_000, 4, customer: 0)
        arrive(&s, 901, 10 * Self.day, 1, customer: 0, order: ("same2", 4_000))
        return s
    }

    func input() throws -> ScoreInput {
        var input = try shop().input(period: Self.period, previous: 0..<Self.period.lowerBound)
        input.timeDecayHalfLife = 3 * Self.day
        input.customerLifespanYears = 2.5
        return input
    }

    func people(_ input: ScoreInput) -> [PersonVisits] {
        input.journeys.map { PersonVisits(visits: $0.visits.map { input.visits[$0] }, mapped: $0.visits.map { input.mapped[$0] }) }
    }

    /// The people split into `parts` partials by `assign`, each partial fed its people in the
    /// order `shuffle` gives, merged from the last partial to the first.
    func merged(_ input: ScoreInput, parts: Int, assign: (Int) -> Int, reversed: Bool) -> ChannelFolds {
        let context = input.foldContext
        var partials = Array(repeating: ChannelFolds(zero: context), count: parts)
        var order = Array(people(input).enumerated())
        if reversed { order.reverse() }
        for (j, person) in order { partials[assign(j) % parts].add(person, context) }
        var merged = ChannelFolds(zero: context)
        for p in (reversed ? partials : partials.reversed()) { merged.merge(p) }
        return merged
    }

    @Test(arguments: [1, 2, 3, 7]) func mergedPartialsEqualOneFold(parts: Int) throws {
        let input = try input()
        let context = input.foldContext
        let whole = ChannelFolds.folded(input.people, context)
        let assignments: [(Int) -> Int] = [{ $0 }, { ($0 * 7919) % 101 }, { $0 / 5 }, { ($0 * $0 + 3) % 13 }]
        for (a, assign) in assignments.enumerated() {
            for reversed in [false, true] {
                let m = merged(input, parts: parts, assign: assign, reversed: reversed)
                #expect(m.channelRows(context) == whole.channelRows(context), "assignment \(a), reversed \(reversed)")
                #expect(m.heuristic.finished(context) == whole.heuristic.finished(context), "assignment \(a), reversed \(reversed)")
                #expect(m.markov.finished(context) == whole.markov.finished(context), "assignment \(a), reversed \(reversed)")
                #expect(m.counts.channels == whole.counts.channels)
                #expect(m.customerValueSection(context) == whole.customerValueSection(context), "assignment \(a), reversed \(reversed)")
            }
        }
    }

    /// The shop exercises what the folds must keep exact: several channels with credit under
    /// every model, Markov credit, fractional credits, and buyers of equal revenue in a tier.
    @Test func theShopCoversEveryModel() throws {
        let input = try input()
        let context = input.foldContext
        let whole = ChannelFolds.folded(input.people, context)
        let rows = whole.channelRows(context)
        #expect(rows.count == Channel.allCases.count)
        for model in [\Attribution.firstTouch, \.lastTouch, \.lastNonDirect, \.linear, \.timeDecay, \.positionBased, \.markov] {
            #expect(rows.filter { $0.attribution[keyPath: model] > 0 }.count >= 3)
        }
        #expect(rows.contains { $0.attribution.linear != $0.attribution.linear.rounded() })
        #expect(whole.markov.paths.values.contains { $0.nulls > 0 } && whole.markov.paths.values.contains { $0.conversions > 0 })
        let orders = rows.reduce(0) { $0 + $1.orders }
        #expect(abs(rows.reduce(0.0) { $0 + $1.attribution.markov } - Double(orders)) < 0.01)
        let cv = whole.customerValueSection(context)
        #expect(cv.tiers.count == 3 && cv.channels.count >= 5 && cv.all != nil)
        let revenues = whole.customerValue.buyers.map(\.buyer.revenueCents)
        #expect(Set(revenues).count < revenues.count)
    }

    /// Score reads the channel table and the logs' customer value from these folds.
    @Test func scorerReportsTheFinishedFolds() throws {
        let input = try input()
        let context = input.foldContext
        let whole = ChannelFolds.folded(input.people, context)
        let data = Scorer.score(input, context: ScoreTestShop.context)
        #expect(data.channels == whole.channelRows(context))
        #expect(data.customerValue == whole.customerValueSection(context))
        #expect(data.customerValue.lifespanYears == 2.5)
    }
}
