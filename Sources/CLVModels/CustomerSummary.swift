/// What the BG/NBD and Gamma-Gamma models know of one customer: how often, how recently and for how
/// long they bought, and what a repeat purchase was worth. Time is in weeks.
///
/// From a customer's orders up to an as-of day (`init(orders:asOf:)`):
/// - a purchase is a day with at least one order: several orders on one day count once, and the
///   day's value is the sum of its orders;
/// - `frequency` (x) is the number of REPEAT purchase days, the distinct order days minus one;
/// - `recency` (t_x) is the time from the first to the last purchase day;
/// - `age` (T) is the time from the first purchase day to the as-of day, whose orders count;
/// - `monetaryValue` is the mean value of the repeat purchase days, the first day left out.
///
/// Weeks are exact: a span of d days is d / 7 weeks, not floored to whole weeks. That is the
/// summary Fader, Hardie and Lee fitted, and it reproduces their published CDNOW numbers (the
/// `lifetimes` package's `cdnow_customers_summary_with_transactions.csv`, e.g. 30.43 and 38.86
/// weeks). `lifetimes`' own `summary_data_from_transaction_data(freq='W')` instead buckets days into
/// calendar weeks and counts whole weeks (and repeat WEEKS); on CDNOW that gives alpha 6.59 instead
/// of the published 4.41. Its default of leaving the first purchase out of the monetary value is
/// kept, and so is its summing of one period's orders; averaging orders rather than days moves v
/// from 15.44 to 16.4 on CDNOW.
package struct CustomerSummary: Sendable, Hashable {
    /// The days in a week, the models' time unit.
    package static let daysPerWeek = 7.0

    /// x: repeat purchase days (distinct order days minus one).
    package var frequency: Int
    /// t_x: weeks from the first to the last purchase day; 0 when `frequency` is 0.
    package var recency: Double
    /// T: weeks from the first purchase day to the as-of day.
    package var age: Double
    /// The mean value of the repeat purchase days; nil when there is none (`frequency` 0).
    package var monetaryValue: Double?

    /// A summary given directly, as a history database or a published data set has it. The fits
    /// use only summaries with `frequency >= 0` and `0 <= recency <= age`, all finite.
    package init(frequency: Int, recency: Double, age: Double, monetaryValue: Double? = nil) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetaryValue = monetaryValue
    }

    /// The summary of one customer's orders as of a day (days since 1970-01-01); orders after that
    /// day are not yet known and left out. Nil when no order is on or before the as-of day: the
    /// customer has not been acquired yet. Orders need not be sorted.
    package init?(orders: some Sequence<Order>, asOf: Int) {
        var valueByDay: [Int: Double] = [:]
        for order in orders where order.day <= asOf {
            valueByDay[order.day, default: 0] += order.value
        }
        guard let first = valueByDay.keys.min(), let last = valueByDay.keys.max() else { return nil }
        let repeatDays = valueByDay.keys.filter { $0 != first }.sorted()
        frequency = repeatDays.count
        recency = Double(last - first) / Self.daysPerWeek
        age = Double(asOf - first) / Self.daysPerWeek
        if repeatDays.isEmpty {
            monetaryValue = nil
        } else {
            // Summed in day order, so that the same orders always give the same bits.
            var total = 0.0
            for day in repeatDays { total += valueByDay[day]! }
            monetaryValue = total / Double(repeatDays.count)
        }
    }

    /// The summaries of many customers as of one day; customers with no order by then are absent.
    package static func summaries<ID: Hashable>(of ordersByCustomer: [ID: [Order]], asOf: Int) -> [ID: CustomerSummary] {
        var result: [ID: CustomerSummary] = [:]
        for (id, orders) in ordersByCustomer {
            if let summary = CustomerSummary(orders: orders, asOf: asOf) { result[id] = summary }
        }
        return result
    }

    /// Whether the BG/NBD fit can use this summary: counts and spans that can occur.
    package var isValidForBGNBD: Bool {
        frequency >= 0 && recency.isFinite && age.isFinite && recency >= 0 && recency <= age
            && (frequency > 0 || recency == 0)
    }

    /// Whether the Gamma-Gamma fit uses this summary: a repeat purchase with a positive mean value
    /// (the model's spend is gamma distributed, so zero and negative means cannot occur in it).
    package var entersGammaGamma: Bool {
        guard frequency > 0, let value = monetaryValue else { return false }
        return value > 0 && value.isFinite
    }
}
