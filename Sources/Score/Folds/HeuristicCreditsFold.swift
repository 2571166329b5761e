import JourneysCore
import ReportModel
import Sections

/// The heuristic attribution models' credit (first, last, last non-direct, linear, time decay,
/// position based), kept per conversion rather than summed: credits are fractions, and a sum of
/// doubles depends on its order. `finish` adds them up per channel in the order of the converting
/// visits, the same for any split of the people.
struct HeuristicCreditsFold: SectionFold {
    /// One channel's credit for one conversion, already weighted by the conversion's orders.
    struct Credit: Codable {
        var order: ConversionOrder
        var channel: Channel
        var credit: Attribution
    }

    var credits: [Credit] = []

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        var visitor: Pseudonym? = nil
        for (k, visit) in person.visits.enumerated() where !visit.orders.isEmpty && context.period.contains(visit.start) {
            let touches = ConversionPath.touches(person, upTo: k, lookback: context.lookback)
            let who = visitor ?? person.visitor
            visitor = who
            let order = person.conversionOrder(k, visitor: who)
            let n = Double(visit.orders.count)
            // in channel order, so that a shard's partial file is the same bytes in every process
            for (channel, c) in AttributionModels.credit(touches, halfLife: context.timeDecayHalfLife).sorted(by: { $0.key < $1.key }) {
                var weighted = Attribution()
                weighted.firstTouch = c.firstTouch * n
                weighted.lastTouch = c.lastTouch * n
                weighted.lastNonDirect = c.lastNonDirect * n
                weighted.linear = c.linear * n
                weighted.timeDecay = c.timeDecay * n
                weighted.positionBased = c.positionBased * n
                credits.append(Credit(order: order, channel: channel, credit: weighted))
            }
        }
    }

    mutating func merge(_ o: HeuristicCreditsFold) { credits += o.credits }

    /// Credit per channel that any conversion's path touched, summed in the order of the
    /// conversions (unrounded; the table rounds).
    func finish(_ context: inout FinishContext) -> [Channel: Attribution] {
        var sums: [Channel: Attribution] = [:]
        for e in credits.sorted(by: { $0.order != $1.order ? $0.order < $1.order : $0.channel < $1.channel }) {
            var s = sums[e.channel] ?? Attribution()
            s.firstTouch += e.credit.firstTouch
            s.lastTouch += e.credit.lastTouch
            s.lastNonDirect += e.credit.lastNonDirect
            s.linear += e.credit.linear
            s.timeDecay += e.credit.timeDecay
            s.positionBased += e.credit.positionBased
            sums[e.channel] = s
        }
        return sums
    }
}

extension HeuristicCreditsFold {
    init(zero context: FoldContext) { self.init() }
}
