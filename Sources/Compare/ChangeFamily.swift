import ReportModel
import Statistics

/// The week's family of tests behind a `ChangeList`: every key figure against the previous period,
/// its recent weeks and a year ago, every channel and device against the previous period, each
/// with its p-value; then the Benjamini-Hochberg cut, the stories and the ranking.
struct ChangeFamily {
    /// A test of the family, with the story it belongs to.
    struct Test {
        var story: String
        var segment: (id: String, label: String)?
        var evidence: ChangeList.Evidence
        /// Orders and revenue the change is worth (see `ChangeEffect`).
        var orders: Double?
        var revenue: Double?
    }

    /// Figures that move together for one cause make one story; the first member discovered leads.
    static let stories: [(id: String, members: [String])] = [
        ("traffic", ["visitors", "visits", "new_visitors", "page_views"]),
        ("sales", ["orders", "revenue"]),
        ("conversion", ["conversion_rate", "visitor_conversion"]),
        ("csat", ["csat", "csat_top2"]),
    ]

    /// Counts of events that come in clusters, not one by one: a visitor makes several visits, a
    /// visit several page views. The Poisson test takes each event as independent and finds news
    /// in their clumping (an A/A test of demo weeks flags page views in a quarter of the pairs),
    /// so these are tested only against their recent weeks, whose spread holds the clumping; the
    /// traffic story rests on visitors, each counted once.
    static let clusteredCounts: Set<String> = ["visits", "page_views"]

    static func story(of kpi: String) -> String { stories.first { $0.members.contains(kpi) }?.id ?? kpi }
    static func rank(of kpi: String) -> Int { stories.first { $0.members.contains(kpi) }?.members.firstIndex(of: kpi) ?? 0 }

    let new: ReportData
    var tests: [Test] = []
    var smallSamples = 0
    /// The base period's revenue: a change worth less than 1% of it ranks below satisfaction scores.
    var baseRevenue: Double

    /// A report on its own: its KPIs' previous values and p-values, trends and year-ago values.
    init(new: ReportData) {
        self.new = new
        baseRevenue = new.kpi("revenue")?.previous ?? 0
        for k in new.kpis {
            if let p = k.pValue, k.previous != nil, !Self.clusteredCounts.contains(k.key) {
                add(k, reference: .previous, base: k.previous, pValue: p, sample: sample(k, against: k.previous))
            }
            addTrendAndYearAgo(k)
        }
    }

    /// A diff: the KPIs by the diff's tests against `base`; trends and year-ago values from `new`.
    init(new: ReportData, base: ReportData, kpis: [KPIChange], ratesOnly: Bool) {
        self.new = new
        baseRevenue = base.kpi("revenue")?.value ?? 0
        for c in kpis where c.isCompared && !Self.clusteredCounts.contains(c.id) {
            guard let p = c.test.pValue, c.base != nil, c.new != nil else { continue }
            let kpi = new.kpi(c.id) ?? KPI(key: c.id, label: c.label, unit: c.unit, better: c.better, definition: "")
            add(kpi, reference: .previous, base: c.base, value: c.new, pValue: p, sample: diffSample(c, base: base))
        }
        for k in new.kpis { addTrendAndYearAgo(k, ratesOnly: ratesOnly) }
    }

    mutating func addTrendAndYearAgo(_ k: KPI, ratesOnly: Bool = false) {
        let partial = (new.period.isPartial || ratesOnly) && k.unit != .ratio
        guard !partial, let value = k.value else { return }
        if let trend = TrendTest(k.trend, weeks: ChangeList.trendWeeks), trend.count >= ChangeList.minimumTrendWeeks,
           let p = trend.pValue(value) {
            add(k, reference: .trend, base: trend.mean, pValue: p, sample: sample(k, against: nil),
                trend: (trend.count, trend.min, trend.max))
        }
        if let then = k.yearAgo, let p = k.yearAgoPValue, !Self.clusteredCounts.contains(k.key) {
            add(k, reference: .yearAgo, base: then, pValue: p, sample: sample(k, against: then))
        }
    }

    /// The observations a KPI's test rests on in the new period (and the reference, for counts).
    func sample(_ k: KPI, against reference: Double?) -> Int? {
        if let n = k.denominator { return n }
        switch k.key {
        case "aov", "revenue": return new.orderValues?.count ?? 0
        case "nps": return new.satisfaction.nps.answers
        case "csat": return new.satisfaction.csat.answers
        case "ces": return new.satisfaction.ces.answers
        default:
            guard k.unit == .count, let v = k.value else { return nil }
            return Int(clamping: Int64((v + (reference ?? 0)).rounded()))
        }
    }

    /// The smaller side of a diff's test.
    func diffSample(_ c: KPIChange, base: ReportData) -> Int? {
        func both(_ a: Int?, _ b: Int?) -> Int? { a.flatMap { x in b.map { Swift.min(x, $0) } } }
        if let d = new.kpi(c.id)?.denominator { return both(d, base.kpi(c.id)?.denominator) ?? 0 }
        switch c.id {
        case "aov", "revenue": return Swift.min(new.orderValues?.count ?? 0, base.orderValues?.count ?? 0)
        case "nps": return Swift.min(new.satisfaction.nps.answers, base.satisfaction.nps.answers)
        case "csat": return Swift.min(new.satisfaction.csat.answers, base.satisfaction.csat.answers)
        case "ces": return Swift.min(new.satisfaction.ces.answers, base.satisfaction.ces.answers)
        default:
            guard c.unit == .count, let a = c.base, let b = c.new else { return nil }
            return Int(clamping: Int64((a + b).rounded()))
        }
    }

    mutating func add(_ k: KPI, reference: ChangeList.Reference, base: Double?, value: Double? = nil, pValue: Double, sample: Int?,
                      trend: (count: Int, min: Double, max: Double)? = nil) {
        if let n = sample, n < ChangeList.minimumSample {
            smallSamples += 1
            return
        }
        let new = value ?? k.value
        let evidence = ChangeList.Evidence(figure: k.key, label: k.label, unit: k.unit, better: k.better, reference: reference,
                                           base: base, new: new, trend: trend, pValue: pValue, sample: sample)
        let effect = ChangeEffect.kpi(k.key, change: evidence.absolute ?? 0, in: self.new)
        tests.append(Test(story: Self.story(of: k.key), evidence: evidence, orders: effect.orders, revenue: effect.revenue))
    }

    /// A channel's or device's orders and conversion against the base period (only its
    /// conversion when a period is partial; its visits come in clusters, see `clusteredCounts`).
    /// Its effect is what it brought: its orders' and revenue's change.
    mutating func addSegments(_ kind: String, _ segments: [SegmentChange], ratesOnly: Bool) {
        for s in segments {
            let story = "\(kind):\(s.id)"
            var measures: [(String, Double?, Double?, NoiseTestResult, Int)] = [
                ("conversion", s.conversion.base, s.conversion.new, s.conversionTest, Swift.min(s.visits.base, s.visits.new)),
            ]
            if !ratesOnly {
                measures.insert(("orders", Double(s.orders.base), Double(s.orders.new), s.orders.test, s.orders.base + s.orders.new), at: 0)
            }
            for (figure, base, new, test, n) in measures {
                guard let p = test.pValue else { continue }
                if n < ChangeList.minimumSample {
                    smallSamples += 1
                    continue
                }
                let unit: KPI.Unit = figure == "conversion" ? .ratio : .count
                let evidence = ChangeList.Evidence(figure: figure, label: figure, unit: unit, better: .higher, reference: .previous,
                                                   base: base, new: new, pValue: p, sample: n)
                let orders = Double(s.orders.new - s.orders.base)
                tests.append(Test(story: story, segment: (s.id, s.label), evidence: evidence,
                                  orders: ratesOnly ? nil : orders, revenue: ratesOnly ? nil : s.revenue.new - s.revenue.base))
            }
        }
    }

    /// The Benjamini-Hochberg cut at `q`, the discoveries grouped into stories, each led by its
    /// first member and strongest evidence, ranked by the estimated effect on revenue.
    func list(q: Double) -> ChangeList {
        let found = BenjaminiHochberg.discoveries(tests.map(\.evidence.pValue), q: q)
        let discovered = tests.indices.filter { found.contains($0) }.map { tests[$0] }
        var byStory: [String: [Test]] = [:]
        for t in discovered { byStory[t.story, default: []].append(t) }
        let segmentOrder = ["orders": 0, "visits": 1, "conversion": 2]
        func order(_ a: Test, _ b: Test) -> Bool {
            let ra = a.segment == nil ? Self.rank(of: a.evidence.figure) : segmentOrder[a.evidence.figure] ?? 3
            let rb = b.segment == nil ? Self.rank(of: b.evidence.figure) : segmentOrder[b.evidence.figure] ?? 3
            if ra != rb { return ra < rb }
            if a.evidence.pValue != b.evidence.pValue { return a.evidence.pValue < b.evidence.pValue }
            return a.evidence.reference.rawValue < b.evidence.reference.rawValue
        }
        var items: [ChangeList.Item] = []
        for (story, members) in byStory {
            // news only: a neutral figure's move, or a story whose lead is neither good nor bad, is no item
            let ranked = members.filter { $0.evidence.verdict != 0 }.sorted(by: order)
            guard let lead = ranked.first else { continue }
            var seen: Set<String> = [lead.evidence.figure]
            var also: [ChangeList.Evidence] = []
            for t in ranked where !seen.contains(t.evidence.figure) {
                seen.insert(t.evidence.figure)
                also.append(t.evidence)
            }
            items.append(ChangeList.Item(id: story, segment: lead.segment, verdict: lead.evidence.verdict,
                                         orders: lead.orders, revenue: lead.revenue, lead: lead.evidence, also: also))
        }
        let floor = abs(baseRevenue) * 0.01
        func key(_ i: ChangeList.Item) -> Double { i.revenue.map(abs) ?? floor }
        items.sort { a, b in
            let x = key(a), y = key(b)
            if x != y { return x > y }
            if (a.revenue == nil) != (b.revenue == nil) { return a.revenue != nil }
            return a.id < b.id
        }
        return ChangeList(items: items, tests: tests.count, discoveries: found.count, smallSamples: smallSamples,
                          falseDiscoveryRate: q)
    }
}
