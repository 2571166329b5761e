import Sections
import CLVModels
import JourneysCore
import ReportModel

/// Predicted customer lifetime value from the history (docs/definitions.md, "Predicted customer
/// value"): BG/NBD for how many purchases each customer will make and Gamma-Gamma for what each
/// will be worth, fitted on every customer's orders up to the as-of day, in weeks. Where `clv`
/// multiplies averages by a configured lifespan, these models tell who is still buying from each
/// customer's own history; they are shown only when both fits are stable.
package struct PredictedCLV: Sendable {
    /// The weeks the predictions look ahead.
    package static let horizonWeeks = 52

    /// One customer of the history as the models see them.
    package struct Customer: Sendable {
        package var pseudonym: Pseudonym
        package var summary: CustomerSummary
        /// The channel of their first order in the history; nil for an order imported from the shop.
        package var firstChannel: Channel?
        /// What they ordered up to the as-of day, in cents.
        package var spendCents: Int64
    }

    /// Every customer with an order on or before the as-of day, by pseudonym.
    package var customers: [Customer]
    /// The fits; nil when too few customers bought again to fit anything (see `reason`).
    package var bgnbd: Fit<BGNBD.Parameters>?
    package var gammaGamma: Fit<GammaGamma.Parameters>?
    /// Each customer's expected purchases and value over the horizon and P(alive), in the order of
    /// `customers`; empty without a stable fit.
    private var predictions: [(purchases: Double, value: Double, alive: Double)] = []

    /// What a fit needs before its numbers are shown.
    static let rule = StabilityRule()

    /// Fits both models on the orders up to `asOf` (orders after it are not known yet). With
    /// fewer repeat customers than the stability rule needs, neither is fitted: the optimiser
    /// would wander for its full budget on data that cannot pin the parameters down.
    package init(_ history: CustomerHistory, asOf: CivilDate) {
        customers = Self.customers(history, asOf: asOf)
        guard repeatCustomers >= Self.rule.minimumRepeatCustomers else { return }
        let summaries = customers.lazy.map(\.summary)
        let (bgnbd, gammaGamma) = (BGNBD.fit(summaries, rule: Self.rule), GammaGamma.fit(summaries, rule: Self.rule))
        (self.bgnbd, self.gammaGamma) = (bgnbd, gammaGamma)
        guard bgnbd.isStable && gammaGamma.isStable else { return }
        let (b, g) = (bgnbd.parameters, gammaGamma.parameters)
        predictions = customers.map { c in
            let purchases = b.expectedPurchases(inNext: Double(Self.horizonWeeks), for: c.summary)
            return (purchases, purchases * g.expectedAverageValue(for: c.summary), b.probabilityAlive(c.summary))
        }
    }

    /// Customers with at least one repeat purchase day: the ones that carry the information.
    package var repeatCustomers: Int { customers.count { $0.summary.frequency > 0 } }

    /// Whether both fits can be trusted and predict finite numbers; nothing is shown otherwise.
    package var isStable: Bool { !predictions.isEmpty && predictions.allSatisfy { $0.purchases.isFinite && $0.value.isFinite && $0.alive.isFinite } }

    /// The fitted parameters, rounded as report.json and `journeys history clv --json` keep them;
    /// nil without both fits.
    package var summary: CLVModelSummary? {
        guard let bgnbd, let gammaGamma else { return nil }
        return CLVModelSummary(bgnbd: bgnbd, gammaGamma: gammaGamma)
    }

    /// Why there is no prediction: each issue of the fits once, prefixed with its model's name
    /// when only one of the two models has it, joined by `; `. Empty when there is one.
    package var reason: String {
        guard let bgnbd, let gammaGamma else {
            return FitIssue.tooFewRepeatCustomers(have: repeatCustomers, need: Self.rule.minimumRepeatCustomers).description
        }
        let b = bgnbd.issues.map(\.description), g = gammaGamma.issues.map(\.description)
        let sentences = b.map { g.contains($0) ? $0 : "BG/NBD: " + $0 } + g.filter { !b.contains($0) }.map { "Gamma-Gamma: " + $0 }
        if sentences.isEmpty && !isStable { return "the predictions are not finite numbers" }
        return sentences.joined(separator: "; ")
    }

    /// Fits both models on orders listed one by one (each order id once).
    package init(_ orders: [HistoryFacts.Order], asOf: CivilDate) {
        self.init(CustomerHistory(orders), asOf: asOf)
    }

    /// The customers of the orders up to `asOf`, sorted by pseudonym so that the same history
    /// always gives the same sums. A customer's first channel is that of the first of their
    /// orders on their first day, in the order the history lists them (by time).
    static func customers(_ history: CustomerHistory, asOf: CivilDate) -> [Customer] {
        let last = asOf.dayNumber
        var out: [Customer] = []
        var orders: [CLVModels.Order] = []
        for k in 0..<history.count where history.firstDay(of: k) <= last {
            var cents: Int64 = 0
            for i in history.orders(of: k) where history.day(i) <= last { cents = Cents.add(cents, history.value(i)) }
            var summary = summaryOfDayOrdered(history, k, through: last)
            if summary == nil {
                orders.removeAll(keepingCapacity: true)
                for i in history.orders(of: k) where history.day(i) <= last {
                    orders.append(CLVModels.Order(day: history.day(i), value: Double(history.value(i)) / 100))
                }
                summary = CustomerSummary(orders: orders, asOf: last)
            }
            guard let summary else { continue }
            out.append(Customer(pseudonym: history.pseudonyms[k], summary: summary, firstChannel: history.listedFirstChannel(of: k),
                                spendCents: cents))
        }
        return out
    }

    /// `CustomerSummary(orders:asOf:)` of customer `k`'s orders up to day `last`, to the bit, when
    /// they are listed in day order (the history's listing by time, almost always): each day's
    /// value summed in the listed order, the repeat days' values in day order, as that initialiser
    /// sums them, without its dictionary of days. Nil when the days are not in order, or there is
    /// no order up to `last`.
    static func summaryOfDayOrdered(_ history: CustomerHistory, _ k: Int, through last: Int) -> CustomerSummary? {
        var first = Int.min, current = Int.min, distinct = 0
        var dayValue = 0.0, repeatTotal = 0.0
        for i in history.orders(of: k) {
            let day = history.day(i)
            guard day <= last else { continue }
            if day != current {
                guard day > current else { return nil }
                if distinct > 1 { repeatTotal += dayValue }
                if distinct == 0 { first = day }
                (current, dayValue, distinct) = (day, 0, distinct + 1)
            }
            dayValue += Double(history.value(i)) / 100
        }
        guard distinct > 0 else { return nil }
        if distinct > 1 { repeatTotal += dayValue }
        let repeatDays = distinct - 1
        return CustomerSummary(frequency: repeatDays, recency: Double(current - first) / CustomerSummary.daysPerWeek,
                               age: Double(last - first) / CustomerSummary.daysPerWeek,
                               monetaryValue: repeatDays == 0 ? nil : repeatTotal / Double(repeatDays))
    }

    /// The means over the customers at `indices` (not empty), rounded as report.json keeps them.
    func prediction(of indices: [Int]) -> CLVModelInfo.Prediction {
        var purchases = 0.0, value = 0.0, alive = 0.0
        for i in indices {
            purchases += predictions[i].purchases
            value += predictions[i].value
            alive += predictions[i].alive
        }
        let n = Double(indices.count)
        return CLVModelInfo.Prediction(customers: indices.count, expectedPurchases: rounded(purchases / n, 100),
                                       expectedValue: rounded(value / n, 100), probabilityAlive: rounded(alive / n))
    }

    /// report.json's `clvModel`: the fit and the predictions for all customers, per first channel
    /// and per spend tier; or the reason there is no fit.
    package var info: CLVModelInfo {
        guard isStable, let s = summary else { return CLVModelInfo(reason: reason, horizonWeeks: Self.horizonWeeks) }
        let fit = CLVModelInfo.Fit(customers: s.customers, timeUnit: s.timeUnit,
                                   bgnbd: .init(r: s.bgnbd.r, alpha: s.bgnbd.alpha, a: s.bgnbd.a, b: s.bgnbd.b),
                                   gammaGamma: .init(p: s.gammaGamma.p, q: s.gammaGamma.q, v: s.gammaGamma.v))
        var byChannel: [Channel?: [Int]] = [:]
        for (i, c) in customers.enumerated() { byChannel[c.firstChannel, default: []].append(i) }
        let channels = byChannel.map { channel, group in
            CLVModelInfo.ChannelPrediction(channel: channel?.rawValue ?? "unknown", label: channel?.label ?? "Unknown (imported orders)",
                                           prediction: prediction(of: group))
        }.sorted {
            $0.prediction.customers != $1.prediction.customers ? $0.prediction.customers > $1.prediction.customers : $0.channel < $1.channel
        }
        // Spend tiers as the customer-value section splits them: ranked by spend, in thirds, each
        // the rounded-up third, the last one the rest.
        let ranked = customers.indices.sorted { i, j in
            let (a, b) = (customers[i], customers[j])
            return a.spendCents != b.spendCents ? a.spendCents > b.spendCents : a.pseudonym < b.pseudonym
        }
        let third = (ranked.count + 2) / 3
        let tiers = ["high", "medium", "low"].enumerated().compactMap { k, name -> CLVModelInfo.TierPrediction? in
            let slice = Array(ranked.dropFirst(k * third).prefix(third))
            guard let lowest = slice.last else { return nil }
            return .init(tier: name, minSpend: Double(customers[lowest].spendCents) / 100, prediction: prediction(of: slice))
        }
        return CLVModelInfo(fit: fit, horizonWeeks: Self.horizonWeeks, all: prediction(of: Array(customers.indices)), channels: channels, tiers: tiers)
    }

    /// The KPI `predicted_clv_52w`: the mean expected value of a customer over the horizon; nil
    /// without a stable fit.
    var figure: Figure {
        let value = isStable ? prediction(of: Array(customers.indices)).expectedValue : nil
        return Figure(.predictedClv52w, value, nil)
    }

    /// The KPI and `clvModel` as of the period's last day; the KPI's previous value is the same
    /// figure as of the previous period's last day (not for a partial period, as for every amount).
    static func section(_ history: CustomerHistory, asOf: CivilDate, previousAsOf: CivilDate?,
                        partial: Bool) -> (kpis: [KPI], model: CLVModelInfo) {
        // the previous day's models first: only their figure is kept, so that the two sets of
        // customers and fits of a large history are never held at once
        let before = partial ? nil : previousAsOf.map { [PredictedCLV(history, asOf: $0).figure] }
        let now = PredictedCLV(history, asOf: asOf)
        return (Figure.kpis([now.figure], before: before, partial: partial), now.info)
    }
}
