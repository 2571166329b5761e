import JourneysCore
import ReportModel
import Sections

/// Customer lifetime value from the logs' window (see `CustomerValue`): the people seen before
/// the period's end per first channel, and every buyer with their orders and revenue in cents.
/// Buyers are kept with their place in the list of journeys, because spend tiers split a ranking
/// in which buyers of equal revenue keep that order.
struct CustomerValueFold: SectionFold {
    /// People per channel of their first visit, by `Channel.order`.
    var customers = Array(repeating: 0, count: Channel.allCases.count)
    var buyers: [Ranked] = []

    /// A buyer with their place in the list of journeys.
    struct Ranked: Codable {
        var order: JourneyOrder
        var buyer: CustomerValue.Buyer
    }
    /// The earliest visit start read: where the window begins.
    var firstStart: Int64? = nil

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        guard let first = person.visits.first else { return }
        firstStart = min(firstStart ?? first.start, first.start)
        let end = context.period.upperBound
        guard first.start < end else { return }
        let channel = person.mapped[0].channel
        customers[channel.order] += 1
        var orders = 0
        var valued = 0
        var cents: Int64 = 0
        for visit in person.visits where visit.start < end {
            orders += visit.orders.count
            valued += visit.valuedOrders
            cents = Cents.add(cents, visit.revenueCents)
        }
        if orders > 0 {
            let buyer = CustomerValue.Buyer(firstChannel: channel, orders: orders, revenueCents: cents, valuedOrders: valued)
            buyers.append(Ranked(order: person.journeyOrder, buyer: buyer))
        }
    }

    mutating func merge(_ o: CustomerValueFold) {
        for c in customers.indices { customers[c] += o.customers[c] }
        buyers += o.buyers
        if let s = o.firstStart { firstStart = min(firstStart ?? s, s) }
    }

    /// The section: the window from the first visit read to the period's end, in whole days.
    func finish(_ context: inout FinishContext) -> CustomerValueInfo {
        let context = context.fold
        let end = context.period.upperBound
        let all = buyers.sorted { $0.order < $1.order }.map(\.buyer)
        let windowDays = max(1, (Double(end - (firstStart ?? end)) / 86_400).rounded(.up))
        let lifespan = context.customerLifespanYears
        let channels = Channel.allCases.compactMap { c -> CustomerValueInfo.ChannelValue? in
            let n = customers[c.order]
            guard n > 0 else { return nil }
            return .init(channel: c.rawValue, label: c.label, customers: n,
                         clv: CustomerValue.clv(all.filter { $0.firstChannel == c }, windowDays: windowDays, lifespanYears: lifespan))
        }
        return CustomerValueInfo(windowDays: Int(windowDays), lifespanYears: lifespan, channels: channels,
                                 tiers: CustomerValue.tiers(all, windowDays: windowDays, lifespanYears: lifespan),
                                 all: CustomerValue.clv(all, windowDays: windowDays, lifespanYears: lifespan))
    }
}

extension CustomerValueFold {
    init(zero context: FoldContext) { self.init() }
}
