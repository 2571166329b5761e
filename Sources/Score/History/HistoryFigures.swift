import Sections
import JourneysCore
import ReportModel

/// The key figures only a history can give (repeat purchases over 90 and 365 days, purchases per
/// customer and year, days between purchases, customer lifetime value from a year of orders), and
/// every KPI's trend and value a year earlier.
enum HistoryFigures {
    /// The figures as of `asOf` (the period's last day), and as of the previous period's last day
    /// for the comparison.
    static func figures(_ orders: CustomerHistory, asOf: CivilDate, lifespanYears: Double,
                        retentionSpend: [Int: Double] = [:]) -> [Figure] {
        let r90 = Retention.repeatBuyers(orders, days: 90, asOf: asOf)
        let r365 = Retention.repeatBuyers(orders, days: 365, asOf: asOf)
        // CLV and purchases per year are the history's customer value section's, so that the key
        // figure and the section agree to the cent.
        let span = CustomerValue.lifespan(history: orders, asOf: asOf, configured: lifespanYears)
        let value = CustomerValue.section(history: orders, asOf: asOf, lifespanYears: span.years)?.all
        let lifespanText = span.retention.map {
            "an average lifespan of \(rounded(span.years, 100)) years, 1 / (1 - yearly retention \(rounded($0))) from the history"
        } ?? "an average lifespan of \(lifespanYears) years (kpis.customer_lifespan_years: the history has less than two years)"
        let frequency = value?.purchasesPerYear
        let clv = value?.value
        let gap = Retention.medianDaysBetweenPurchases(orders, asOf: asOf)
        var out = [
            Figure(.repeatPurchaseRate90d, ratio(r90.repeaters, r90.buyers), .proportion(r90.repeaters, r90.buyers)),
            Figure(.repeatPurchaseRate365d, ratio(r365.repeaters, r365.buyers), .proportion(r365.repeaters, r365.buyers)),
            Figure(.purchaseFrequencyYear, frequency, nil),
            Figure(.daysBetweenPurchases, gap.map { rounded($0, 10) }, nil),
            Figure(.clv, clv, nil, formula: KPIDefinition.clv.formula(["lifespan": lifespanText])),
        ]
        // Retention cost: last year's retention spend per customer of last year who came back this year.
        let lastYear = asOf.year - 1
        if let spend = retentionSpend[lastYear] {
            let r = Retention.returning(orders, year: lastYear, asOf: asOf)
            out.append(Figure(.retentionCost, r.returned == 0 ? nil : rounded(spend / Double(r.returned), 100), nil,
                              formula: KPIDefinition.retentionCost.formula(["year": "\(lastYear)", "nextYear": "\(lastYear + 1)"])))
        }
        return out
    }

    /// `figures` of orders listed one by one (each order id once).
    static func figures(_ orders: [HistoryFacts.Order], asOf: CivilDate, lifespanYears: Double,
                        retentionSpend: [Int: Double] = [:]) -> [Figure] {
        figures(CustomerHistory(orders), asOf: asOf, lifespanYears: lifespanYears, retentionSpend: retentionSpend)
    }

    /// Gives every KPI its trend (up to 12 earlier periods of the history, then this one) and its
    /// value a year earlier, tested against this period's where the snapshot keeps the counts.
    static func addTrends(_ kpis: inout [KPI], _ history: HistoryFacts, period: String, lifespanYears: Double = 3) {
        let yearAgo = history.yearAgo ?? yearAgoFromOrders(history, lifespanYears: lifespanYears)
        for i in kpis.indices {
            let key = kpis[i].key
            kpis[i].trend = history.snapshots.suffix(12).map { TrendPoint(period: $0.period, value: $0.kpis[key]) }
                + [TrendPoint(period: period, value: kpis[i].value)]
            guard let year = yearAgo, let then = year.kpis[key] else { continue }
            kpis[i].yearAgo = then
            if let x1 = kpis[i].numerator, let n1 = kpis[i].denominator,
               let x0 = year.kpis["\(key).numerator"].flatMap(Self.count), let n0 = year.kpis["\(key).denominator"].flatMap(Self.count) {
                let test = ChangeTest.test(.proportion(x1, n1), .proportion(x0, n0))
                kpis[i].yearAgoSignificant = test.isSignificant
                kpis[i].yearAgoPValue = test.pValue.map { rounded($0, 1_000_000) }
            } else if kpis[i].unit == .count, let now = kpis[i].value.flatMap(Self.count), let then = Self.count(then) {
                let test = ChangeTest.test(.count(now), .count(then))
                kpis[i].yearAgoSignificant = test.isSignificant
                kpis[i].yearAgoPValue = test.pValue.map { rounded($0, 1_000_000) }
            }
        }
    }

    /// A count kept as a number in a snapshot; nil for a value no count can be (never a trap).
    static func count(_ value: Double) -> Int? { value >= 0 ? Int(exactly: value.rounded()) : nil }

    /// The period a year earlier as the history's orders show it, when no report of it was
    /// recorded: orders, revenue and AOV of its days, and the figures of the history as of its
    /// last day.
    static func yearAgoFromOrders(_ history: HistoryFacts, lifespanYears: Double) -> HistoryFacts.Snapshot? {
        let orders = history.orders
        guard let period = history.yearAgoPeriod, let first = orders.firstDay, first <= period.last.dayNumber else { return nil }
        let (from, through) = (period.first.dayNumber, period.last.dayNumber)
        var count = 0, cents: Int64 = 0
        for k in 0..<orders.count {
            for i in orders.orders(of: k) where orders.day(i) >= from && orders.day(i) <= through {
                count += 1
                cents = Cents.add(cents, orders.value(i))
            }
        }
        var kpis: [String: Double] = ["orders": Double(count), "revenue": Double(cents) / 100]
        if count > 0 { kpis["aov"] = rounded(Double(cents) / 100 / Double(count), 100) }
        for f in figures(history.orders, asOf: period.last, lifespanYears: lifespanYears) {
            if let v = f.value { kpis[f.key] = v }
            if case .proportion(let x, let n) = f.sample {
                kpis["\(f.key).numerator"] = Double(x)
                kpis["\(f.key).denominator"] = Double(n)
            }
        }
        return HistoryFacts.Snapshot(period: period.name, kpis: kpis)
    }

    /// A report's KPIs as a history snapshot: each value under its id, and a rate's counts under
    /// `<id>.numerator` and `<id>.denominator`, so that a year later its change can be tested.
    package static func snapshot(_ kpis: [KPI]) -> [String: Double] {
        var out: [String: Double] = [:]
        for k in kpis {
            if let v = k.value { out[k.key] = v }
            if let x = k.numerator, let n = k.denominator {
                out["\(k.key).numerator"] = Double(x)
                out["\(k.key).denominator"] = Double(n)
            }
        }
        return out
    }
}
