import JourneysCore
import ReportModel
import Sections

/// One order's value with its place in the visit list (visit start, device, then the visit's
/// place in its person's visits and the order's in its visit). The spread of order values sums
/// doubles; summed in this order, it comes out to the same last bit however people were split.
struct OrderValue: Comparable, Codable {
    var start: Int64
    var device: Pseudonym
    var visit: Int32
    var order: Int32
    var cents: Int64

    static func < (a: OrderValue, b: OrderValue) -> Bool {
        (a.start, a.device, a.visit, a.order, a.cents) < (b.start, b.device, b.visit, b.order, b.cents)
    }
}

/// The counts behind the visit KPIs of one period (docs/definitions.md "Key figures (KPIs)"):
/// integers and lists of values only, so that partials of disjoint people add up exactly; the
/// rates, means and medians are taken in `finish`.
struct KPICounts: Codable {
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
    /// Orders with a value: the denominator of the average order value.
    var valuedOrders = 0
    /// Sum of the order values (`Cents.add`: it stops at `Int64.max` instead of trapping).
    var revenueCents: Int64 = 0
    var carts = 0
    var cartsWithPurchase = 0
    /// Values of the orders that have one, for their count, mean and spread.
    var orderValues: [OrderValue] = []
    /// Per visit with an order: seconds and visits from the journey's first visit within the
    /// lookback window to it (visits inclusive).
    var secondsToPurchase: [Int64] = []
    var visitsToPurchase: [Int] = []

    /// Counts the visits of `person` that start in `range`.
    mutating func add(_ person: PersonVisits, range: Range<Int64>, lookback: Int64) {
        var isVisitor = false
        var personOrders = 0
        for (i, v) in person.visits.enumerated() where range.contains(v.start) {
            isVisitor = true
            visits += 1
            pageViews += v.pages.count
            totalDuration = Cents.add(totalDuration, v.duration)
            if v.isBounce { bounces += 1 }
            if person.mapped[i].reached(.addToCart) {
                carts += 1
                if !v.orders.isEmpty { cartsWithPurchase += 1 }
            }
            guard !v.orders.isEmpty else { continue }
            purchaseVisits += 1
            orders += v.orders.count
            personOrders += v.orders.count
            for (k, o) in v.orders.enumerated() where o.hasValue {
                valuedOrders += 1
                revenueCents = Cents.add(revenueCents, o.valueCents)
                orderValues.append(OrderValue(start: v.start, device: v.device, visit: Int32(i), order: Int32(k), cents: o.valueCents))
            }
            // time to purchase: from the journey's first visit in the lookback window
            let first = person.visits.firstIndex { $0.start >= v.start - lookback } ?? i
            secondsToPurchase.append(v.start - person.visits[first].start)
            visitsToPurchase.append(i - first + 1)
        }
        guard isVisitor else { return }
        visitors += 1
        if person.visits[0].start >= range.lowerBound { newVisitors += 1 }
        if personOrders > 0 { buyers += 1 }
        if personOrders >= 2 { repeatBuyers += 1 }
    }

    mutating func merge(_ o: KPICounts) {
        visitors += o.visitors; newVisitors += o.newVisitors; visits += o.visits; pageViews += o.pageViews
        totalDuration = Cents.add(totalDuration, o.totalDuration); bounces += o.bounces; purchaseVisits += o.purchaseVisits
        buyers += o.buyers; repeatBuyers += o.repeatBuyers; orders += o.orders
        valuedOrders += o.valuedOrders; revenueCents = Cents.add(revenueCents, o.revenueCents)
        carts += o.carts; cartsWithPurchase += o.cartsWithPurchase
        orderValues += o.orderValues; secondsToPurchase += o.secondsToPurchase; visitsToPurchase += o.visitsToPurchase
    }

    /// Count, mean and sample standard deviation of order values in cents, in currency units.
    static func sample(_ cents: [Int64]) -> ValueSample? {
        guard !cents.isEmpty else { return nil }
        let n = Double(cents.count)
        let mean = cents.reduce(0.0) { $0 + Double($1) } / n
        let squares = cents.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        let sd = cents.count > 1 ? (squares / (n - 1)).squareRoot() : 0
        return ValueSample(count: cents.count, mean: rounded(mean / 100, 100), standardDeviation: rounded(sd / 100, 100))
    }

    /// The KPIs in the report's order, and the sample of the order values.
    func finish() -> (figures: [Figure], orderValues: ValueSample?) {
        let orderCents = orderValues.sorted().map(\.cents)
        let values = Self.sample(orderCents)
        let dur = visits == 0 ? nil : rounded(Double(totalDuration) / Double(visits), 10)
        let aov = valuedOrders == 0 ? nil : rounded(Double(revenueCents) / 100 / Double(valuedOrders), 100)
        let abandoned = carts == 0 ? nil : rounded(Double(carts - cartsWithPurchase) / Double(carts))
        let daysToPurchase = secondsToPurchase.map { Double($0) / 86_400 }
        let figures = [
            Figure(.visitors, Double(visitors), .count(visitors)),
            Figure(.newVisitors, ratio(newVisitors, visitors), .proportion(newVisitors, visitors)),
            Figure(.visits, Double(visits), .count(visits)),
            Figure(.pageViews, Double(pageViews), .count(pageViews)),
            Figure(.pagesPerVisit, ratio(pageViews, visits).map { rounded($0, 100) }, nil),
            Figure(.visitDuration, dur, nil),
            Figure(.bounceRate, ratio(bounces, visits), .proportion(bounces, visits)),
            Figure(.conversionRate, ratio(purchaseVisits, visits), .proportion(purchaseVisits, visits)),
            Figure(.visitorConversion, ratio(buyers, visitors), .proportion(buyers, visitors)),
            Figure(.orders, Double(orders), .count(orders)),
            Figure(.revenue, Double(revenueCents) / 100, .sum(values)),
            Figure(.aov, aov, .mean(values), interval: Intervals.bootstrapMean(cents: orderCents)),
            Figure(.cartAbandonment, abandoned, .proportion(carts - cartsWithPurchase, carts)),
            Figure(.purchaseFrequency, ratio(orders, buyers).map { rounded($0, 100) }, nil),
            Figure(.repeatPurchaseRate, ratio(repeatBuyers, buyers), .proportion(repeatBuyers, buyers)),
            Figure(.daysToPurchase, median(daysToPurchase).map { rounded($0, 10) }, nil),
            Figure(.visitsToPurchase, median(visitsToPurchase.map(Double.init)), nil),
        ]
        return (figures, values)
    }
}
