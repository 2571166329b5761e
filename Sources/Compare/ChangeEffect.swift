import ReportModel

/// What a key figure's change is worth in orders and revenue, holding the rest of the new period
/// fixed: a rate's change times its new denominator is orders won or lost (a cart abandoned is an
/// order lost; a bounce costs the period's conversion), a count's change times the conversion
/// that turns it into orders, and orders times the average order value is revenue. So a list of
/// changes ranks by money, not by traffic counts: a channel that doubled its orders comes before
/// +10% page views.
enum ChangeEffect {
    /// The effect of `id` changing by `d` (in its unit; a fraction for rates) in `new`. Satisfaction
    /// scores have no honest estimate (nil); other figures are worth 0 orders.
    static func kpi(_ id: String, change d: Double, in new: ReportData) -> (orders: Double?, revenue: Double?) {
        let aov = new.kpi("aov")?.value ?? 0
        func value(_ id: String) -> Double { new.kpi(id)?.value ?? 0 }
        func count(_ id: String) -> Double { Double(new.kpi(id)?.denominator ?? 0) }
        var orders: Double? = nil
        var revenue: Double? = nil
        switch id {
        case "orders": orders = d
        case "revenue": revenue = d
        case "aov": revenue = d * value("orders"); orders = 0
        case "visits": orders = d * value("conversion_rate")
        case "visitors": orders = d * value("visitor_conversion")
        case "conversion_rate": orders = d * count("conversion_rate")
        case "visitor_conversion": orders = d * count("visitor_conversion")
        case "cart_abandonment": orders = -d * count("cart_abandonment")
        case "bounce_rate": orders = -d * count("bounce_rate") * value("conversion_rate")
        case "nps", "csat", "ces", "csat_top2": return (nil, nil)
        default: orders = 0
        }
        if revenue == nil, let o = orders { revenue = o * aov }
        if orders == nil, let r = revenue, aov > 0 { orders = r / aov }
        return (orders, revenue)
    }
}
