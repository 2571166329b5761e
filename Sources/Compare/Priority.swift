import ReportModel
import Statistics

/// A change worth acting on, with its estimated effect on orders and revenue: the diff and the
/// report's "What changed" rank by money, not by traffic counts, so that a channel that doubled
/// its orders comes before +10% page views.
package struct Priority: Sendable, Equatable {
    /// What changed: a KPI id, or `channel:<id>`.
    package var id: String
    package var label: String
    /// +1 good news, -1 bad news.
    package var verdict: Int
    /// Estimated orders and revenue the change brought or cost in the new period; nil where no
    /// estimate is honest (satisfaction scores).
    package var orders: Double?
    package var revenue: Double?
    package var kpi: KPIChange?
    package var segment: SegmentChange?

    /// The significant changes of `kpis` and `channels`, by estimated effect on revenue. Each
    /// estimate holds the rest of the new period fixed: a rate's change times its new
    /// denominator is orders won or lost (a cart abandoned is an order lost; a bounce costs the
    /// period's conversion), a count's change times the conversion that turns it into orders, and
    /// orders times the average order value is revenue. Satisfaction scores have no estimate and
    /// stand after the changes worth at least 1% of the base revenue, before the smaller ones.
    static func ranked(kpis: [KPIChange], channels: [SegmentChange], new: ReportData, baseRevenue: Double) -> [Priority] {
        let aov = new.kpi("aov")?.value ?? 0
        func value(_ id: String) -> Double { new.kpi(id)?.value ?? 0 }
        func count(_ id: String) -> Double {
            let k = new.kpi(id)
            return Double(k?.denominator ?? 0)
        }
        var out: [Priority] = []
        for k in kpis where k.isSignificant && k.verdict != 0 {
            guard let d = k.absolute else { continue }
            var orders: Double? = nil
            var revenue: Double? = nil
            switch k.id {
            case "orders": orders = d
            case "revenue": revenue = d
            case "aov": revenue = d * value("orders"); orders = 0
            case "visits": orders = d * value("conversion_rate")
            case "visitors": orders = d * value("visitor_conversion")
            case "conversion_rate": orders = d * count("conversion_rate")
            case "visitor_conversion": orders = d * count("visitor_conversion")
            case "cart_abandonment": orders = -d * count("cart_abandonment")
            case "bounce_rate": orders = -d * count("bounce_rate") * value("conversion_rate")
            case "nps", "csat", "ces": break
            default: orders = 0
            }
            if revenue == nil, let o = orders { revenue = o * aov }
            if orders == nil, let r = revenue, aov > 0, !["nps", "csat", "ces"].contains(k.id) { orders = r / aov }
            out.append(Priority(id: k.id, label: k.label, verdict: k.verdict, orders: orders, revenue: revenue, kpi: k))
        }
        for c in channels where c.orders.test.isSignificant == true && c.orders.new != c.orders.base {
            let d = Double(c.orders.new - c.orders.base)
            out.append(Priority(id: "channel:\(c.id)", label: c.label, verdict: d > 0 ? 1 : -1, orders: d,
                                revenue: c.revenue.new - c.revenue.base, segment: c))
        }
        let floor = abs(baseRevenue) * 0.01
        func key(_ p: Priority) -> Double { p.revenue.map(abs) ?? floor }
        return out.sorted { a, b in
            let x = key(a), y = key(b)
            if x != y { return x > y }
            if (a.revenue == nil) != (b.revenue == nil) { return a.revenue != nil }
            return a.id < b.id
        }
    }
}

extension Priority {
    /// "What changed" of one report on its own, against the previous period its KPIs carry: the
    /// changes larger than noise by their estimated effect on orders and revenue, as in a diff.
    package static func whatChanged(_ report: ReportData) -> [Priority] {
        let changes = report.kpis.compactMap { k -> KPIChange? in
            guard let previous = k.previous else { return nil }
            return KPIChange(id: k.key, label: k.label, unit: k.unit, better: k.better, base: previous, new: k.value,
                             test: NoiseTestResult(statistic: nil, pValue: nil, isSignificant: k.significant), testName: "")
        }
        return ranked(kpis: changes, channels: [], new: report,
                      baseRevenue: report.kpi("revenue")?.previous ?? 0)
    }
}
