import ReportModel

/// Two small weeks of a shop, built by hand so that every number a diff of them gives can be
/// worked out on paper (the tests show the arithmetic). W46 is the base, W47 the new week:
///
///     KPI              W46                       W47
///     visits           10,000                    10,400
///     page_views       40,000                    44,000 (+10%)
///     bounce_rate      4,000 / 10,000 = 40%      4,160 / 10,400 = 40%
///     conversion_rate  300 / 10,000 = 3%         364 / 10,400 = 3.5%
///     orders           320                       400
///     revenue          32,000                    44,000
///     aov              100 (sd 40 over 320)      110 (sd 50 over 400)
///     NPS              200 answers, 100 P, 40 D  200 answers, 80 P, 60 D
///                      = 50% - 20% = 30          = 40% - 30% = 10
///     CSAT             60 of 100 top box         62 of 100 top box
///
///     channel           visits       purchases   orders     revenue
///     search            6000 -> 6200  200 -> 210  215 -> 224  22,250 -> 26,400
///     email             2500 -> 2600   60 -> 120   64 -> 128   6,400 -> 12,800  (orders doubled)
///     direct            1000 -> 1000   30 -> 20    31 -> 33    3,100 -> 3,300
///     affiliate          500 -> -      10 -> -     10 -> -       250 -> -        (gone in W47)
///     paid_social          - -> 600     - -> 14     - -> 15        - -> 1,500    (new in W47)
///
///     device            visits        purchases   orders     revenue
///     desktop           6000 -> 5600  210 -> 196  224 -> 210  22,400 -> 23,100
///     mobile            4000 -> 4800   90 -> 168   96 -> 190   9,600 -> 20,900
///
/// Channels and devices each add up to the week's totals. Bounces are 40% in every channel.
enum Snapshots {
    static let rules = RulesInfo(preset: "matomo", summary: "matomo: 30 min timeout, new visit on campaign change",
                                 timeoutMinutes: 30, newVisitOnCampaignChange: true, splitAtMidnight: true, maxVisitHours: 24,
                                 identity: "customer id, else device", lookbackDays: 30)

    static var w46: ReportData {
        var r = report(name: "2026-W46", first: "2026-11-09", last: "2026-11-15", previous: "2026-W45")
        r.kpis = [
            count("visits", "Visits", 10_000),
            count("page_views", "Page views", 40_000),
            rate("bounce_rate", "Bounce rate", 4_000, of: 10_000, better: .lower),
            rate("conversion_rate", "Conversion rate", 300, of: 10_000),
            count("orders", "Orders", 320),
            money("revenue", "Revenue", 32_000),
            money("aov", "Average order value", 100),
            KPI(key: "pages_per_visit", label: "Pages per visit", unit: .number, value: 4, better: .neutral, definition: "page views / visits"),
        ]
        r.orderValues = ValueSample(count: 320, mean: 100, standardDeviation: 40)
        r.channels = [
            channel("search", "Search", visits: 6_000, purchases: 200, orders: 215, revenue: 22_250),
            channel("email", "E-mail", visits: 2_500, purchases: 60, orders: 64, revenue: 6_400),
            channel("direct", "Direct", visits: 1_000, purchases: 30, orders: 31, revenue: 3_100),
            channel("affiliate", "Affiliate", visits: 500, purchases: 10, orders: 10, revenue: 250),
        ]
        r.segments = [
            device("desktop", visits: 6_000, purchases: 210, orders: 224, revenue: 22_400),
            device("mobile", visits: 4_000, purchases: 90, orders: 96, revenue: 9_600),
            SegmentRow(dimension: "visitor", segment: "new", visits: 7_000, bounceRate: 0.4, conversionRate: 0.03, orders: 220, revenue: 22_000),
        ]
        r.journeyMap = map(views: ["Home": 5_000, "Product": 3_000, "Cart": 800, "Old promo": 120, "Blog": 40],
                           links: [("Home", "Product", 2_000), ("Product", "Cart", 600), ("Old promo", "Product", 50)])
        r.paths = [path(["Home", "Product"], 1_500), path(["Home"], 1_200), path(["Home", "Product", "Cart"], 400)]
        r.satisfaction = satisfaction(nps: (answers: 200, promoters: 100, detractors: 40), csat: (answers: 100, topBox: 60))
        return r
    }

    static var w47: ReportData {
        var r = report(name: "2026-W47", first: "2026-11-16", last: "2026-11-22", previous: "2026-W46")
        r.kpis = [
            count("visits", "Visits", 10_400),
            count("page_views", "Page views", 44_000),
            rate("bounce_rate", "Bounce rate", 4_160, of: 10_400, better: .lower),
            rate("conversion_rate", "Conversion rate", 364, of: 10_400),
            count("orders", "Orders", 400),
            money("revenue", "Revenue", 44_000),
            money("aov", "Average order value", 110),
            KPI(key: "pages_per_visit", label: "Pages per visit", unit: .number, value: 44_000.0 / 10_400, better: .neutral,
                definition: "page views / visits"),
        ]
        r.orderValues = ValueSample(count: 400, mean: 110, standardDeviation: 50)
        r.channels = [
            channel("search", "Search", visits: 6_200, purchases: 210, orders: 224, revenue: 26_400),
            channel("email", "E-mail", visits: 2_600, purchases: 120, orders: 128, revenue: 12_800),
            channel("direct", "Direct", visits: 1_000, purchases: 20, orders: 33, revenue: 3_300),
            channel("paid_social", "Paid social", visits: 600, purchases: 14, orders: 15, revenue: 1_500),
        ]
        r.segments = [
            device("desktop", visits: 5_600, purchases: 196, orders: 210, revenue: 23_100),
            device("mobile", visits: 4_800, purchases: 168, orders: 190, revenue: 20_900),
            SegmentRow(dimension: "visitor", segment: "new", visits: 9_000, bounceRate: 0.4, conversionRate: 0.03, orders: 270, revenue: 29_700),
        ]
        r.journeyMap = map(views: ["Home": 5_200, "Product": 2_900, "Cart": 900, "Gift guide": 300, "Sale": 300, "Blog": 40],
                           links: [("Home", "Product", 2_100), ("Product", "Cart", 600), ("Home", "Gift guide", 250)])
        r.paths = [path(["Home", "Product"], 1_500), path(["Home"], 1_300), path(["Home", "Gift guide"], 200)]
        r.satisfaction = satisfaction(nps: (answers: 200, promoters: 80, detractors: 60), csat: (answers: 100, topBox: 62))
        return r
    }

    // MARK: Builders

    /// An empty report of a whole week in Berlin, in euros, made with `rules`.
    static func report(name: String, first: String, last: String, previous: String) -> ReportData {
        ReportData(
            period: PeriodInfo(name: name, first: first, last: last, isPartial: false, previous: previous,
                               timeZone: "Europe/Berlin", currency: "EUR", locale: "en"),
            input: InputInfo(files: [], read: 0, parsed: 0, filtered: 0, rejected: 0, reasons: [], samples: [], lateEvents: 0, cutVisits: 0),
            sessionRules: rules, kpis: [], funnel: [], journeyMap: JourneyMap(nodes: [], links: []), channels: [],
            disagreements: [], segments: [], journeyLengths: [], loops: [], paths: [], buyingPaths: [],
            touchpointRules: RuleUsage(unmatchedPaths: [], unusedRules: []),
            satisfaction: Satisfaction(nps: .init(answers: 0), csat: .init(answers: 0), ces: .init(answers: 0)),
            customerValue: CustomerValueInfo(windowDays: 35, lifespanYears: 3, channels: [], tiers: [], all: nil))
    }

    static func count(_ key: String, _ label: String, _ value: Int) -> KPI {
        KPI(key: key, label: label, unit: .count, value: Double(value), better: .higher, definition: label)
    }

    static func money(_ key: String, _ label: String, _ value: Double) -> KPI {
        KPI(key: key, label: label, unit: .money, value: value, better: .higher, definition: label)
    }

    /// A rate with the counts it is made of.
    static func rate(_ key: String, _ label: String, _ numerator: Int, of denominator: Int, better: KPI.Better = .higher) -> KPI {
        var k = KPI(key: key, label: label, unit: .ratio, value: Double(numerator) / Double(denominator), better: better, definition: label)
        k.numerator = numerator
        k.denominator = denominator
        return k
    }

    /// A channel whose visits bounce at 40%.
    static func channel(_ id: String, _ label: String, visits: Int, purchases: Int, orders: Int, revenue: Double) -> ChannelRow {
        var c = ChannelRow(channel: id, label: label, visits: visits, journeysStarted: 0, journeysClosed: 0, orders: orders,
                           revenue: revenue, attribution: Attribution())
        c.rates = counts(visits: visits, purchases: purchases)
        return c
    }

    static func device(_ id: String, visits: Int, purchases: Int, orders: Int, revenue: Double) -> SegmentRow {
        var s = SegmentRow(dimension: "device", segment: id, visits: visits, bounceRate: 0.4,
                           conversionRate: Double(purchases) / Double(visits), orders: orders, revenue: revenue)
        s.rates = counts(visits: visits, purchases: purchases)
        return s
    }

    /// Visits with 40% bounces and no carts.
    static func counts(visits: Int, purchases: Int) -> RateCounts {
        var r = RateCounts()
        r.visits = visits
        r.bounces = visits * 4 / 10
        r.purchases = purchases
        return r
    }

    /// A journey map of touchpoints (all in one phase) by views, and links between them by name.
    static func map(views: [String: Int], links: [(String, String, Int)]) -> JourneyMap {
        let names = views.keys.sorted()
        let ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return JourneyMap(nodes: names.enumerated().map { i, name in
                              .init(id: i, touchpoint: name, phase: "consideration", views: views[name]!, entries: 0, exits: 0, exitRate: 0)
                          },
                          links: links.map { .init(from: ids[$0.0]!, to: ids[$0.1]!, count: $0.2) })
    }

    static func path(_ steps: [String], _ visits: Int) -> PathRow {
        PathRow(steps: steps, visits: visits, purchases: 0, conversionRate: 0)
    }

    static func satisfaction(nps: (answers: Int, promoters: Int, detractors: Int), csat: (answers: Int, topBox: Int)) -> Satisfaction {
        var n = Satisfaction.Score(answers: nps.answers,
                                   value: 100 * Double(nps.promoters - nps.detractors) / Double(nps.answers))
        n.promoters = nps.promoters
        n.detractors = nps.detractors
        var c = Satisfaction.Score(answers: csat.answers, value: 100 * Double(csat.topBox) / Double(csat.answers))
        c.topBox = csat.topBox
        return Satisfaction(nps: n, csat: c, ces: .init(answers: 0))
    }
}
