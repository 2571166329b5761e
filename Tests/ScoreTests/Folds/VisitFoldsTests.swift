import JourneysCore
import ReportModel
import Testing
@testable import Score
import Sections

/// The visit sections' partials merge exactly: any split of the people, added in any order and
/// merged in any order, gives the same KPIs (this period's and the previous one's), funnel,
/// journey map, paths, loops, segments and journey lengths as one fold of everyone.
@Suite struct VisitFoldsTests {
    static let day: Int64 = 86_400
    static let period = 14 * day..<21 * day
    static let previous = 7 * day..<14 * day

    /// Sixty visits over three weeks (before the previous period, in it, in the period) of 45
    /// devices, some joined into one person by a customer id: carts with and without orders,
    /// two orders in one visit, loops, long paths, bounces, phones and tablets, campaigns.
    func shop() -> ScoreTestShop {
        let paths: [[String]] = [
            ["/", "/p/a", "/cart/add"],
            ["/search", "/p/b", "/cart/add", "/checkout/pay", "/checkout/done"],
            ["/", "/p/a", "/", "/p/a"],
            ["/p/c"],
            ["/", "/search", "/p/a", "/cart/add", "/p/b", "/cart/add", "/checkout/pay", "/checkout/done"],
            ["/support/start", "/support/end"],
            ["/p/a", "/cart/add", "/p/a", "/cart/add", "/checkout/pay"],
        ]
        var s = ScoreTestShop()
        for i in 0..<60 {
            let d = UInt64(i % 45), start = Int64(i % 21) * Self.day + Int64(i) * 700
            let kind = i % paths.count
            let buys = paths[kind].last == "/checkout/done"
            s.visit(d, at: start, paths[kind], campaign: i % 3 == 0 ? ("newsletter", "email") : nil,
                    order: buys ? ("o\(i)", Int64(1_000 + i * 37)) : nil, customer: i % 9 == 0 ? UInt64(1_000 + i % 4) : 0,
                    gap: Int64(20 + i % 5 * 15), device: i % 4 == 1 ? .mobile : i % 7 == 2 ? .tablet : .desktop)
            if buys && i % 2 == 0 {
                s.visits[s.visits.count - 1].orders.append(Order(id: s.symbols.intern("x\(i)"), valueCents: Int64(500 + i)))
            }
        }
        s.visit(99, at: 15 * Self.day + 5, ["/search", "/"], device: .tablet)  // a path of one person only
        return s
    }

    func input() throws -> ScoreInput {
        var settings = QuestionSettings()
        settings.minPeople = 2
        return try shop().input(period: Self.period, previous: Self.previous, settings: settings)
    }

    func people(_ input: ScoreInput) -> [PersonVisits] {
        input.journeys.map { j in PersonVisits(visits: j.visits.map { input.visits[$0] }, mapped: j.visits.map { input.mapped[$0] }) }
    }

    /// The people split into `parts` partials by `assign`, each partial filled in `order`, the
    /// partials merged in `mergeOrder`.
    func merged(_ input: ScoreInput, parts: Int, assign: (Int) -> Int, reversed: Bool, mergeReversed: Bool) -> VisitSections {
        let context = input.foldContext
        let everyone = people(input)
        var partials = Array(repeating: VisitFolds(zero: context), count: parts)
        for j in reversed ? Array(everyone.indices.reversed()) : Array(everyone.indices) {
            partials[assign(j) % parts].add(everyone[j], context)
        }
        if mergeReversed { partials.reverse() }
        var all = partials[0]
        for p in partials.dropFirst() { all.merge(p) }
        return all.finished(context)
    }

    @Test(arguments: [1, 2, 3, 7]) func mergedPartialsEqualOneFold(parts: Int) throws {
        let input = try input()
        let context = input.foldContext
        let whole = VisitFolds.folded(input.people, context).finished(context)
        #expect(!whole.journeyMap.returns.isEmpty)  // the shop's people come back within the period
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let random = (0..<input.journeys.count).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        let assignments: [(Int) -> Int] = [{ $0 * 7919 }, { $0 }, { $0 / 3 }, { random[$0] }]
        for (a, assign) in assignments.enumerated() {
            let split = merged(input, parts: parts, assign: assign, reversed: a % 2 == 1, mergeReversed: a >= 2)
            #expect(split == whole, "assignment \(a)")
            #expect(split.figures == whole.figures)
            #expect(split.previousFigures == whole.previousFigures)
            #expect(split.orderValues == whole.orderValues)
            #expect(split.funnel == whole.funnel)
            #expect(split.journeyMap == whole.journeyMap)
            #expect(split.paths == whole.paths)
            #expect(split.buyingPaths == whole.buyingPaths)
            #expect(split.loops == whole.loops)
            #expect(split.segments == whole.segments)
            #expect(split.journeyLengths == whole.journeyLengths)
        }
    }

    /// An empty partial merges as nothing.
    @Test func anEmptyPartialChangesNothing() throws {
        let input = try input()
        let context = input.foldContext
        var folds = VisitFolds.folded(input.people, context)
        let before = folds.finished(context)
        folds.merge(VisitFolds(zero: context))
        #expect(folds.finished(context) == before)
        var empty = VisitFolds(zero: context)
        empty.merge(VisitFolds.folded(input.people, context))
        #expect(empty.finished(context) == before)
    }

    /// The fold's numbers against the visit list counted plainly, so that a split that loses or
    /// doubles people cannot pass by agreeing with itself.
    @Test func foldCountsTheShop() throws {
        let input = try input()
        let context = input.foldContext
        let folds = VisitFolds.folded(input.people, context)
        var finishing = FinishContext(context)
        let sections = folds.finish(&finishing)
        func value(_ figures: [Figure]?, _ key: String) -> Double? { figures?.first { $0.key == key }?.value }
        let person = input.personOfVisit
        for (figures, range) in [(sections.figures, Self.period), (sections.previousFigures, Self.previous)] {
            let visits = input.visits(startingIn: range)
            let orders = visits.flatMap { input.visits[$0].orders }
            #expect(value(figures, "visits") == Double(visits.count))
            #expect(value(figures, "visitors") == Double(Set(visits.map { person[$0] }).count))
            #expect(value(figures, "orders") == Double(orders.count))
            #expect(value(figures, "revenue") == Double(orders.reduce(0) { $0 + $1.valueCents }) / 100)
            #expect(value(figures, "page_views") == Double(visits.reduce(0) { $0 + input.visits[$1].pages.count }))
        }
        // The spread of order values is summed in visit order, as from the visit list: their
        // sort key gives that order back although people are added in another.
        let inPeriod = input.visits(startingIn: Self.period)
        let centsInVisitOrder = inPeriod.flatMap { input.visits[$0].orders.map(\.valueCents) }
        #expect(folds.kpis.current.orderValues.map(\.cents) != centsInVisitOrder)
        #expect(folds.kpis.current.orderValues.sorted().map(\.cents) == centsInVisitOrder)
        #expect(sections.orderValues == KPICounts.sample(centsInVisitOrder))
        #expect(sections.orderValues.map(\.count) == inPeriod.reduce(0) { $0 + input.visits[$1].orders.count })
        #expect(value(sections.figures, "repeat_purchase_rate")! > 0)
        #expect(sections.funnel.map(\.visits) == FunnelStep.allCases.map { step in inPeriod.filter { input.mapped[$0].reached(step) }.count })
        #expect(sections.journeyMap.phases.map(\.share).allSatisfy { ($0 ?? 0) <= 1 })
        for node in sections.journeyMap.nodes {
            #expect(node.visits == inPeriod.filter { input.mapped[$0].touchpoints.contains(node.id) }.count, "\(node.touchpoint)")
        }
        #expect(sections.journeyMap.nodes.contains { $0.visits < $0.views })  // a visit that views a page twice counts once
        #expect(sections.segments.first { $0.segment == "new" }?.visits == inPeriod.filter { input.journeys[person[$0]].visits[0] == $0 }.count)
        #expect(sections.segments.map(\.visits).reduce(0, +) == 2 * inPeriod.count)
        #expect(sections.journeyLengths.map(\.journeys).reduce(0, +) == Set(inPeriod.map { person[$0] }).count)
        // k = 2: some paths are shown, some withheld; buying paths all bought; loops found.
        #expect(!sections.paths.isEmpty && finishing.withheld[.paths]! > 0)
        #expect(!sections.buyingPaths.isEmpty && sections.buyingPaths.allSatisfy { $0.purchases == $0.visits })
        #expect(!sections.loops.isEmpty)
        #expect(sections.paths.contains { $0.steps.contains("…") })
        #expect(finishing.suppressed.rows == finishing.withheld.values.reduce(0, +))
        #expect(Set(finishing.withheld.keys) == [.paths, .buyingPaths, .loops])
    }

    /// Without a previous period there are no previous figures, however people were split.
    @Test func noPreviousPeriodNoPreviousFigures() throws {
        let input = try shop().input(period: Self.period)
        let context = input.foldContext
        let sections = VisitFolds.folded(input.people, context).finished(context)
        #expect(sections.previousFigures == nil)
        #expect(merged(input, parts: 3, assign: { $0 }, reversed: true, mergeReversed: true) == sections)
    }
}
