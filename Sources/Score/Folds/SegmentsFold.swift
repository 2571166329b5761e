import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// The period's visits split by device and by new versus returning (docs/definitions.md
/// "Segments"): the same few rates per segment so that a weak segment stands out. A visit is
/// new when it is its person's first visit in the data.
struct SegmentsFold: SectionFold {
    /// One segment's visits: the headline rates' counts, orders and revenue.
    struct Counts: Codable {
        var rates = RateCounts()
        var orders = 0
        var cents: Int64 = 0

        mutating func add(_ visit: Visit, _ mapped: MappedVisit) {
            rates.count(visit, mapped)
            orders += visit.orders.count
            cents = Cents.add(cents, visit.revenueCents)
        }

        mutating func merge(_ o: Counts) {
            rates.visits += o.rates.visits; rates.bounces += o.rates.bounces; rates.purchases += o.rates.purchases
            rates.carts += o.rates.carts; rates.abandonedCarts += o.rates.abandonedCarts
            orders += o.orders; cents = Cents.add(cents, o.cents)
        }
    }
    var byDevice: [DeviceClass: Counts] = [:]
    /// New visits, then returning ones.
    var byVisitor = [Counts(), Counts()]

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            byDevice[visit.deviceClass, default: Counts()].add(visit, m)
            byVisitor[i == 0 ? 0 : 1].add(visit, m)
        }
    }

    mutating func merge(_ o: SegmentsFold) {
        for (key, c) in o.byDevice { byDevice[key, default: Counts()].merge(c) }
        for v in byVisitor.indices { byVisitor[v].merge(o.byVisitor[v]) }
    }

    /// The segments with visits: devices in their order, then new and returning.
    func finish(_ context: inout FinishContext) -> [SegmentRow] {
        let devices = DeviceClass.allCases.compactMap { d in byDevice[d].map { ("device", d.rawValue, $0) } }
        let visitors = zip(["new", "returning"], byVisitor).filter { $0.1.rates.visits > 0 }.map { ("visitor", $0.0, $0.1) }
        return (devices + visitors).map { dimension, segment, c in
            let n = c.rates.visits
            var row = SegmentRow(dimension: dimension, segment: segment, visits: n,
                                 bounceRate: ratio(c.rates.bounces, n) ?? 0, conversionRate: ratio(c.rates.purchases, n) ?? 0,
                                 orders: c.orders, revenue: Double(c.cents) / 100)
            row.rates = c.rates
            return row
        }
    }
}

extension SegmentsFold {
    init(zero context: FoldContext) { self.init() }
}
