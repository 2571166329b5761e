/// What each key figure is, written once: its id (report.json's key), label, unit, which direction
/// is better, and how it is computed in words (report.json `definition`). Score makes its KPIs from
/// these and the diff reads them; the page's words for them live in the catalogues (`kpi.<id>.`).
extension KPIDefinition {
    package static let visitors = KPIDefinition("visitors", "Visitors", .count, .higher,
        "distinct people (customer id, else device) with a visit starting in the period")
    package static let newVisitors = KPIDefinition("new_visitors", "New visitors", .ratio, .neutral,
        "visitors whose first visit in the data falls in the period / visitors")
    package static let visits = KPIDefinition("visits", "Visits", .count, .higher,
        "visits (sessions) starting in the period")
    package static let pageViews = KPIDefinition("page_views", "Page views", .count, .higher,
        "page requests of people, after filtering bots, assets and errors")
    package static let pagesPerVisit = KPIDefinition("pages_per_visit", "Pages per visit", .number, .neutral,
        "page views / visits")
    package static let visitDuration = KPIDefinition("visit_duration", "Avg. visit duration", .seconds, .neutral,
        "time from first to last request of a visit, averaged")
    package static let bounceRate = KPIDefinition("bounce_rate", "Bounce rate", .ratio, .lower,
        "visits with a single page view / visits")
    package static let conversionRate = KPIDefinition("conversion_rate", "Conversion rate", .ratio, .higher,
        "visits with a purchase / visits")
    package static let visitorConversion = KPIDefinition("visitor_conversion", "Visitor conversion", .ratio, .higher,
        "buyers / visitors")
    package static let orders = KPIDefinition("orders", "Orders", .count, .higher,
        "distinct order ids on the confirmation page")
    package static let revenue = KPIDefinition("revenue", "Revenue", .money, .higher,
        "sum of order values (an order without a readable value adds nothing)")
    package static let aov = KPIDefinition("aov", "Average order value", .money, .higher,
        "revenue / orders with a value")
    package static let cartAbandonment = KPIDefinition("cart_abandonment", "Cart abandonment", .ratio, .lower,
        "visits with add-to-cart and no purchase / visits with add-to-cart")
    package static let purchaseFrequency = KPIDefinition("purchase_frequency", "Purchase frequency", .number, .higher,
        "orders / distinct buyers")
    package static let repeatPurchaseRate = KPIDefinition("repeat_purchase_rate", "Repeat purchase rate", .ratio, .higher,
        "buyers with 2+ orders in the period / buyers")
    package static let daysToPurchase = KPIDefinition("days_to_purchase", "Time to purchase", .days, .neutral,
        "median days from the journey's first visit (within the lookback window) to the order")
    package static let visitsToPurchase = KPIDefinition("visits_to_purchase", "Visits to purchase", .number, .neutral,
        "median visits from the journey's first visit (within the lookback window) to the order, inclusive")
    package static let nps = KPIDefinition("nps", "NPS", .score, .higher,
        "% promoters (9-10) - % detractors (0-6) of the period's NPS answers (0-10)")
    package static let csat = KPIDefinition("csat", "CSAT", .score, .higher,
        "answers \"very satisfied\" (5 of 5, top box) / answers x 100")
    package static let csatTop2 = KPIDefinition("csat_top2", "CSAT (top two boxes)", .score, .higher,
        "answers 4 or 5 of 5 / answers x 100; shown beside CSAT, as many tools report it")
    package static let ces = KPIDefinition("ces", "CES", .score, .higher,
        "answers \"very easy\" (the top of the CES scale) / answers x 100")
    package static let supportContacts = KPIDefinition("support_contacts", "Support contacts", .count, .neutral,
        "chats, contact forms and call-backs started in the period's visits")
    package static let ahtSeconds = KPIDefinition("aht_seconds", "Average handling time", .seconds, .lower,
        "total handling time / support contacts with a handling time (start to end event, or a logged duration)")
    package static let customerCartAbandonment = KPIDefinition("customer_cart_abandonment", "Cart abandonment (customers)", .ratio, .lower,
        "people with a cart who did not order in that visit or within the recovery window / people with a cart")
    package static let cartRecoveryRate = KPIDefinition("cart_recovery_rate", "Cart recovery rate", .ratio, .higher,
        "abandoned carts whose person ordered within the recovery window / abandoned carts")
    package static let medianDaysToRecovery = KPIDefinition("median_days_to_recovery", "Time to recovery", .days, .lower,
        "median days from an abandoned cart's visit to the visit with the order")
    package static let repeatPurchaseRate90d = KPIDefinition("repeat_purchase_rate_90d", "Repeat purchase rate (90 days)", .ratio, .higher,
        "customers with 2+ orders in the 90 days to the period's end / customers with an order in them (history)")
    package static let repeatPurchaseRate365d = KPIDefinition("repeat_purchase_rate_365d", "Repeat purchase rate (365 days)", .ratio, .higher,
        "customers with 2+ orders in the 365 days to the period's end / customers with an order in them (history)")
    package static let purchaseFrequencyYear = KPIDefinition("purchase_frequency_year", "Purchases per customer and year", .number, .higher,
        "orders in the 365 days to the period's end / customers with an order in them (history), × 365 / the days of history when it holds less than a year")
    package static let daysBetweenPurchases = KPIDefinition("days_between_purchases", "Days between purchases", .days, .neutral,
        "median days between a customer's consecutive purchase days, over the whole history")
    package static let clv = KPIDefinition("clv", "Customer lifetime value", .money, .higher,
        "AOV × purchases per customer and year, both over the 365 days to the period's end (annualised when the history is shorter), × {lifespan}")
    package static let retentionCost = KPIDefinition("retention_cost", "Retention cost", .money, .lower,
        "retention spend of {year} (kpis.retention_spend) / customers with an order in {year} who ordered again in {nextYear} up to the period's end")
    package static let predictedClv52w = KPIDefinition("predicted_clv_52w", "Predicted customer value (52 weeks)", .money, .higher,
        "mean over the history's customers of expected purchases in the next 52 weeks (BG/NBD) × expected value per purchase (Gamma-Gamma), fitted on every order up to the period's end; not discounted; n/a when a fit is not stable")

    /// Every key figure score makes.
    package static let all: [KPIDefinition] = [
        .visitors, .newVisitors, .visits, .pageViews, .pagesPerVisit, .visitDuration, .bounceRate,
        .conversionRate, .visitorConversion, .orders, .revenue, .aov, .cartAbandonment, .purchaseFrequency,
        .repeatPurchaseRate, .daysToPurchase, .visitsToPurchase, .nps, .csat, .csatTop2, .ces,
        .supportContacts, .ahtSeconds, .customerCartAbandonment, .cartRecoveryRate, .medianDaysToRecovery,
        .repeatPurchaseRate90d, .repeatPurchaseRate365d, .purchaseFrequencyYear, .daysBetweenPurchases, .clv,
        .retentionCost, .predictedClv52w,
    ]
}
