import JourneysCore
import ReportModel

/// The KPIs of one set of visits (the period's or the previous one's), per docs/definitions.md "Key figures (KPIs)".
struct VisitMetrics {
    var visitors = 0
    var newVisitors = 0
    var visits = 0
    var pageViews = 0
    var totalDuration: Int64 = 0
    var bounces = 0
    var purchaseVisits = 0
    var buyers = 0
    var repeatBuyers = 0
    var orders = 0
    var revenueCents: Int64 = 0
    var carts = 0
    var cartsWithPurchase = 0
    /// Order values in cents, for their count, mean and spread.
    var orderCents: [Int64] = []
    var daysToPurchase: [Double] = []
    var visitsToPurchase: [Double] = []

    init(_ input: ScoreInput, range: Range<Int64>, person: [Int]) {
        let chosen = input.visits(startingIn: range)
        visits = chosen.count
        var people = Set<Int>()
        var ordersByPerson: [Int: Int] = [:]
        for i in chosen {
            let v = input.visits[i]
            let m = input.mapped[i]
            people.insert(person[i])
            pageViews += v.pages.count
            totalDuration += v.duration
            if v.isBounce { bounces += 1 }
            if m.reached(.addToCart) {
                carts += 1
                if !v.orders.isEmpty { cartsWithPurchase += 1 }
            }
            guard !v.orders.isEmpty else { continue }
            purchaseVisits += 1
            orders += v.orders.count
            revenueCents += v.orders.reduce(0) { $0 + $1.valueCents }
            orderCents.append(contentsOf: v.orders.map(\.valueCents))
            ordersByPerson[person[i], default: 0] += v.orders.count
            // time to purchase: from the journey's first visit in the lookback window
            let journey = input.journeys[person[i]]
            let firstInWindow = journey.visits.first { input.visits[$0].start >= v.start - input.lookback } ?? i
            daysToPurchase.append(Double(v.start - input.visits[firstInWindow].start) / 86_400)
            visitsToPurchase.append(Double(journey.visits.filter { $0 >= firstInWindow && $0 <= i }.count))
        }
        visitors = people.count
        buyers = ordersByPerson.count
        repeatBuyers = ordersByPerson.values.filter { $0 >= 2 }.count
        for p in people {
            let first = input.journeys[p].visits[0]
            if input.visits[first].start >= range.lowerBound { newVisitors += 1 }
        }
    }

    /// Count, mean and sample standard deviation of the order values, in currency units.
    var orderValues: ValueSample? {
        guard !orderCents.isEmpty else { return nil }
        let n = Double(orderCents.count)
        let mean = Double(orderCents.reduce(0, +)) / n
        let squares = orderCents.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        let sd = orderCents.count > 1 ? (squares / (n - 1)).squareRoot() : 0
        return ValueSample(count: orderCents.count, mean: rounded(mean / 100, 100), standardDeviation: rounded(sd / 100, 100))
    }


    /// The KPIs in the report's order.
    var figures: [Figure] {
        let dur = visits == 0 ? nil : rounded(Double(totalDuration) / Double(visits), 10)
        let aov = orders == 0 ? nil : rounded(Double(revenueCents) / 100 / Double(orders), 100)
        let abandoned = carts == 0 ? nil : rounded(Double(carts - cartsWithPurchase) / Double(carts))
        return [
            Figure("visitors", "Visitors", .count, Double(visitors), .higher, .count(visitors),
                   "distinct people (customer id, else device) with a visit starting in the period"),
            Figure("new_visitors", "New visitors", .ratio, ratio(newVisitors, visitors), .neutral, .proportion(newVisitors, visitors),
                   "visitors whose first visit in the data falls in the period / visitors"),
            Figure("visits", "Visits", .count, Double(visits), .higher, .count(visits), "visits (sessions) starting in the period"),
            Figure("page_views", "Page views", .count, Double(pageViews), .higher, .count(pageViews),
                   "page requests of people, after filtering bots, assets and errors"),
            Figure("pages_per_visit", "Pages per visit", .number, ratio(pageViews, visits).map { rounded($0, 100) }, .neutral, nil,
                   "page views / visits"),
            Figure("visit_duration", "Avg. visit duration", .seconds, dur, .neutral, nil,
                   "time from first to last request of a visit, averaged"),
            Figure("bounce_rate", "Bounce rate", .ratio, ratio(bounces, visits), .lower, .proportion(bounces, visits),
                   "visits with a single page view / visits"),
            Figure("conversion_rate", "Conversion rate", .ratio, ratio(purchaseVisits, visits), .higher, .proportion(purchaseVisits, visits),
                   "visits with a purchase / visits"),
            Figure("visitor_conversion", "Visitor conversion", .ratio, ratio(buyers, visitors), .higher, .proportion(buyers, visitors),
                   "buyers / visitors"),
            Figure("orders", "Orders", .count, Double(orders), .higher, .count(orders), "distinct order ids on the confirmation page"),
            Figure("revenue", "Revenue", .money, Double(revenueCents) / 100, .higher, .sum(orderValues), "sum of order values"),
            Figure("aov", "Average order value", .money, aov, .higher, .mean(orderValues), "revenue / orders",
                   interval: Intervals.bootstrapMean(cents: orderCents)),
            Figure("cart_abandonment", "Cart abandonment", .ratio, abandoned, .lower, .proportion(carts - cartsWithPurchase, carts),
                   "visits with add-to-cart and no purchase / visits with add-to-cart"),
            Figure("purchase_frequency", "Purchase frequency", .number, ratio(orders, buyers).map { rounded($0, 100) }, .higher, nil,
                   "orders / distinct buyers"),
            Figure("repeat_purchase_rate", "Repeat purchase rate", .ratio, ratio(repeatBuyers, buyers), .higher, .proportion(repeatBuyers, buyers),
                   "buyers with 2+ orders in the period / buyers"),
            Figure("days_to_purchase", "Time to purchase", .days, median(daysToPurchase).map { rounded($0, 10) }, .neutral, nil,
                   "median days from the journey's first visit (within the lookback window) to the order"),
            Figure("visits_to_purchase", "Visits to purchase", .number, median(visitsToPurchase), .neutral, nil,
                   "median visits from the journey's first visit (within the lookback window) to the order, inclusive"),
        ]
    }
}

/// One KPI of one period, with what is needed to compare it with another period.
struct Figure: Equatable {
    var key: String
    var label: String
    var unit: KPI.Unit
    var value: Double?
    var better: KPI.Better
    var sample: ChangeTest.Sample?
    var definition: String
    /// The 95% interval when it is not the one the sample gives (the AOV's bootstrap).
    var interval: Interval? = nil

    init(_ key: String, _ label: String, _ unit: KPI.Unit, _ value: Double?, _ better: KPI.Better,
         _ sample: ChangeTest.Sample?, _ definition: String, interval: Interval? = nil) {
        self.key = key; self.label = label; self.unit = unit; self.value = value
        self.better = better; self.sample = sample; self.definition = definition; self.interval = interval
    }
}

extension Figure {
    /// The 95% interval the sample gives: Wilson for a rate (and x 100 for a top-box score),
    /// the normal interval of NPS.
    var sampleInterval: Interval? {
        switch sample {
        case .proportion(let x, let n)?:
            return unit == .score ? Intervals.wilson(x, n, scale: 100, places: 10) : unit == .ratio ? Intervals.wilson(x, n) : nil
        case .nps(let p, let d, let n)?:
            return Intervals.nps(promoters: p, detractors: d, answers: n)
        default:
            return nil
        }
    }

    /// The KPIs of `now`, each with its value in `before` (matched by id) and the test of the
    /// change. Counts and sums of a partial period against a full one are not news: a partial
    /// period is compared by its rates only.
    static func kpis(_ now: [Figure], before: [Figure]?, partial: Bool) -> [KPI] {
        let previous = Dictionary((before ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return now.map { f in
            let then = (!partial || f.unit == .ratio) ? previous[f.key] : nil
            var kpi = KPI(key: f.key, label: f.label, unit: f.unit, value: f.value, previous: then?.value, better: f.better,
                          significant: ChangeTest.isSignificant(f.sample, then?.sample), definition: f.definition)
            if case .proportion(let x, let n) = f.sample {
                kpi.numerator = x
                kpi.denominator = n
            }
            kpi.interval = f.interval ?? f.sampleInterval
            return kpi
        }
    }
}
