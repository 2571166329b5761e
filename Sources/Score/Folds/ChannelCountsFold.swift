import JourneysCore
import ReportModel
import Sections

/// The counted columns of the channel table: the period's visits per channel with the counts
/// behind the headline rates, journeys each channel started and closed, orders and revenue of
/// the visits it brought. All integers, so partials merge by adding.
struct ChannelCountsFold: SectionFold {
    struct Counts: Equatable, Codable {
        var rates = RateCounts()
        var journeysStarted = 0
        var journeysClosed = 0
        var orders = 0
        var cents: Int64 = 0

        mutating func merge(_ o: Counts) {
            rates.visits += o.rates.visits; rates.bounces += o.rates.bounces; rates.purchases += o.rates.purchases
            rates.carts += o.rates.carts; rates.abandonedCarts += o.rates.abandonedCarts
            journeysStarted += o.journeysStarted; journeysClosed += o.journeysClosed
            orders += o.orders; cents = Cents.add(cents, o.cents)
        }
    }

    /// Per channel, by `Channel.order`.
    var channels = Array(repeating: Counts(), count: Channel.allCases.count)

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        for (k, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[k]
            let c = m.channel.order
            channels[c].rates.count(visit, m)
            if k == 0 { channels[c].journeysStarted += 1 }
            guard !visit.orders.isEmpty else { continue }
            channels[c].journeysClosed += 1
            channels[c].orders += visit.orders.count
            channels[c].cents = Cents.add(channels[c].cents, visit.revenueCents)
        }
    }

    mutating func merge(_ o: ChannelCountsFold) {
        for c in channels.indices { channels[c].merge(o.channels[c]) }
    }

    subscript(_ c: Channel) -> Counts { channels[c.order] }

    /// The counts per channel, by `Channel.order`.
    func finish(_ context: inout FinishContext) -> [Counts] { channels }
}

extension ChannelCountsFold {
    init(zero context: FoldContext) { self.init() }
}
