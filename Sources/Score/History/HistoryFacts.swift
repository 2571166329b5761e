import Sections
import JourneysCore

/// What the history store knows that the current period's logs cannot tell: every customer's
/// orders across runs and imports, the weeks each customer visited, and earlier periods' key
/// figures. The pipeline reads it from the store before score, as plain values; score stays pure.
package struct HistoryFacts: Sendable {
    /// One order of a customer, with the channel of the visit that brought it.
    package struct Order: Sendable, Equatable {
        /// The customer's keyed pseudonym, as the store keeps it.
        package var customer: Pseudonym
        package var orderID: String
        /// The day of the order in the pipeline's time zone.
        package var day: CivilDate
        package var valueCents: Int64
        /// The channel of the visit it was placed in; nil for an order imported from the shop.
        package var channel: Channel?
        package init(customer: Pseudonym, orderID: String, day: CivilDate, valueCents: Int64, channel: Channel?) {
            self.customer = customer; self.orderID = orderID; self.day = day; self.valueCents = valueCents; self.channel = channel
        }
    }

    /// An earlier period's key figures, by KPI id.
    package struct Snapshot: Sendable, Equatable {
        package var period: String
        package var kpis: [String: Double]
        package init(period: String, kpis: [String: Double]) { self.period = period; self.kpis = kpis }
    }

    /// Every known order up to the end of the period (earlier periods, imports and this period's),
    /// grouped by customer.
    package var orders = CustomerHistory()
    /// Per customer, the weeks with a visit, each as the day number of its Monday, up to the
    /// period's last week; the weeks of their orders count as well (`Lifecycle`), without being
    /// listed here.
    package var visitWeeks: [Pseudonym: Set<Int>] = [:]
    /// Earlier periods of the same kind (weeks, months), oldest first, without this one.
    package var snapshots: [Snapshot] = []
    /// The same ISO week (or month) a year earlier, when the history has it.
    package var yearAgo: Snapshot? = nil
    /// The days of that period a year earlier, named: without its snapshot, its order figures
    /// are computed from the history's orders.
    package var yearAgoPeriod: (name: String, first: CivilDate, last: CivilDate)? = nil

    package init() {}
}
