import Foundation

/// report.json, schema 1: built to be compared. Sets whose order means nothing are objects keyed
/// by stable ids (KPIs by their snake_case id, channels by channel id, journey-map touchpoints by
/// name and links by `from -> to` names, segments by `dimension:segment`), so that a new KPI or a
/// new touchpoint rule adds a key instead of renumbering a list; ordered lists (funnel steps, top
/// paths, loops) keep their order and carry ids. Numbers are rounded where they are computed; a
/// missing value (a zero denominator) is `null`, never NaN.
extension ReportData: Codable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, period, input, sessionRules, kpis, orderValues, cohorts, lifecycle, funnel, journeyMap, channels, disagreements
        case segments, journeyLengths, loops, paths, buyingPaths, touchpointRules, satisfaction, customerValue
        case clvModel, rulesWarning
        case support, cartRecovery, variants, friction, entryPages, campaigns, searchTerms, products, suppressed
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(period, forKey: .period)
        try c.encode(input, forKey: .input)
        try c.encode(sessionRules, forKey: .sessionRules)
        let ranked = kpis.enumerated().map { RankedKPI(kpi: $0.element, rank: $0.offset + 1) }
        try c.encode(Dictionary(ranked.map { ($0.kpi.key, $0) }, uniquingKeysWith: { a, _ in a }), forKey: .kpis)
        try c.encodeIfPresent(orderValues, forKey: .orderValues)
        try c.encodeIfPresent(rulesWarning, forKey: .rulesWarning)
        try c.encode(cohorts, forKey: .cohorts)  // null without a history
        try c.encode(lifecycle, forKey: .lifecycle)
        try c.encode(funnel, forKey: .funnel)
        try c.encode(journeyMap, forKey: .journeyMap)
        try c.encode(Dictionary(channels.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a }), forKey: .channels)
        try c.encode(disagreements, forKey: .disagreements)
        try c.encode(Dictionary(segments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), forKey: .segments)
        try c.encode(journeyLengths, forKey: .journeyLengths)
        try c.encode(loops, forKey: .loops)
        try c.encode(paths, forKey: .paths)
        try c.encode(buyingPaths, forKey: .buyingPaths)
        try c.encode(touchpointRules, forKey: .touchpointRules)
        try c.encode(satisfaction, forKey: .satisfaction)
        try c.encode(customerValue, forKey: .customerValue)
        try c.encode(clvModel, forKey: .clvModel)  // null without a history
        if let q = questions {
            try c.encode(q.support, forKey: .support)
            try c.encode(q.cartRecovery, forKey: .cartRecovery)
            try c.encode(q.variants, forKey: .variants)
            try c.encode(q.friction, forKey: .friction)
            try c.encode(q.entryPages, forKey: .entryPages)
            try c.encode(q.campaigns, forKey: .campaigns)
            try c.encode(q.searchTerms, forKey: .searchTerms)
            try c.encode(q.products, forKey: .products)
            try c.encode(q.suppressed, forKey: .suppressed)
        }
        try parts.encode(to: encoder)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        guard version == Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(forKey: .schemaVersion, in: c,
                debugDescription: "schemaVersion \(version); this journeys reads schema \(Self.schemaVersion)")
        }
        let kpis = try c.decode([String: RankedKPI].self, forKey: .kpis)
            .map { key, ranked in (ranked.rank, KPI(ranked, key: key)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.key < $1.1.key }
            .map(\.1)
        self.init(period: try c.decode(PeriodInfo.self, forKey: .period),
                  input: try c.decode(InputInfo.self, forKey: .input),
                  sessionRules: try c.decode(RulesInfo.self, forKey: .sessionRules),
                  kpis: kpis,
                  funnel: try c.decode([FunnelRow].self, forKey: .funnel),
                  journeyMap: try c.decode(JourneyMap.self, forKey: .journeyMap),
                  channels: try c.decode([String: ChannelRow].self, forKey: .channels).values
                      .sorted { $0.visits != $1.visits ? $0.visits > $1.visits : $0.channel < $1.channel },
                  disagreements: try c.decode([Disagreement].self, forKey: .disagreements),
                  segments: try c.decode([String: SegmentRow].self, forKey: .segments).values
                      .sorted { ($0.dimension, $1.visits, $0.segment) < ($1.dimension, $0.visits, $1.segment) },
                  journeyLengths: try c.decode([JourneyLengthRow].self, forKey: .journeyLengths),
                  loops: try c.decode([LoopRow].self, forKey: .loops),
                  paths: try c.decode([PathRow].self, forKey: .paths),
                  buyingPaths: try c.decode([PathRow].self, forKey: .buyingPaths),
                  touchpointRules: try c.decode(RuleUsage.self, forKey: .touchpointRules),
                  satisfaction: try c.decode(Satisfaction.self, forKey: .satisfaction),
                  customerValue: try c.decode(CustomerValueInfo.self, forKey: .customerValue))
        orderValues = try c.decodeIfPresent(ValueSample.self, forKey: .orderValues)
        rulesWarning = try c.decodeIfPresent(RulesWarning.self, forKey: .rulesWarning)
        cohorts = try c.decodeIfPresent(CohortTable.self, forKey: .cohorts)
        lifecycle = try c.decodeIfPresent(LifecycleInfo.self, forKey: .lifecycle)
        clvModel = try c.decodeIfPresent(CLVModelInfo.self, forKey: .clvModel)
        parts = try ReportParts(from: decoder)
        if let support = try c.decodeIfPresent(SupportInfo.self, forKey: .support) {
            questions = JourneyQuestions(
                support: support, cartRecovery: try c.decode(CartRecoveryInfo.self, forKey: .cartRecovery),
                variants: try c.decode([Variant].self, forKey: .variants),
                friction: try c.decode(Friction.self, forKey: .friction),
                entryPages: try c.decode([ValueRow].self, forKey: .entryPages), campaigns: try c.decode([ValueRow].self, forKey: .campaigns),
                searchTerms: try c.decode([ValueRow].self, forKey: .searchTerms), products: try c.decode([ValueRow].self, forKey: .products),
                suppressed: try c.decode(Suppressed.self, forKey: .suppressed))
        }
    }
}

/// A KPI as report.json holds it: under its id, with its place on the page.
struct RankedKPI: Codable {
    var kpi: KPI
    var rank: Int

    init(kpi: KPI, rank: Int) { self.kpi = kpi; self.rank = rank }

    enum CodingKeys: String, CodingKey {
        case rank, label, unit, value, previous, better, significant, definition, numerator, denominator
        case trend, yearAgo, yearAgoSignificant, interval, pValue, yearAgoPValue
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(kpi.label, forKey: .label)
        try c.encode(kpi.unit, forKey: .unit)
        try c.encode(kpi.value, forKey: .value)  // null when there is nothing to divide by
        try c.encode(kpi.previous, forKey: .previous)
        try c.encode(kpi.better, forKey: .better)
        try c.encode(kpi.significant, forKey: .significant)
        try c.encode(kpi.definition, forKey: .definition)
        try c.encodeIfPresent(kpi.numerator, forKey: .numerator)
        try c.encodeIfPresent(kpi.denominator, forKey: .denominator)
        try c.encode(kpi.interval, forKey: .interval)  // null where no interval is computed
        try c.encode(kpi.trend, forKey: .trend)
        try c.encode(kpi.yearAgo, forKey: .yearAgo)
        try c.encode(kpi.yearAgoSignificant, forKey: .yearAgoSignificant)
        try c.encodeIfPresent(kpi.pValue, forKey: .pValue)
        try c.encodeIfPresent(kpi.yearAgoPValue, forKey: .yearAgoPValue)
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rank = try c.decode(Int.self, forKey: .rank)
        var k = KPI(key: "", label: try c.decode(String.self, forKey: .label), unit: try c.decode(KPI.Unit.self, forKey: .unit),
                    value: try c.decodeIfPresent(Double.self, forKey: .value),
                    previous: try c.decodeIfPresent(Double.self, forKey: .previous),
                    better: try c.decode(KPI.Better.self, forKey: .better),
                    significant: try c.decodeIfPresent(Bool.self, forKey: .significant),
                    definition: try c.decode(String.self, forKey: .definition))
        k.numerator = try c.decodeIfPresent(Int.self, forKey: .numerator)
        k.denominator = try c.decodeIfPresent(Int.self, forKey: .denominator)
        k.interval = try c.decodeIfPresent(Interval.self, forKey: .interval)
        k.trend = try c.decodeIfPresent([TrendPoint].self, forKey: .trend) ?? []
        k.yearAgo = try c.decodeIfPresent(Double.self, forKey: .yearAgo)
        k.yearAgoSignificant = try c.decodeIfPresent(Bool.self, forKey: .yearAgoSignificant)
        k.pValue = try c.decodeIfPresent(Double.self, forKey: .pValue)
        k.yearAgoPValue = try c.decodeIfPresent(Double.self, forKey: .yearAgoPValue)
        kpi = k
    }
}

extension KPI {
    init(_ ranked: RankedKPI, key: String) {
        self = ranked.kpi
        self.key = key
    }
}

extension SegmentRow {
    /// `device:mobile`, `visitor:returning`.
    package var id: String { "\(dimension):\(segment)" }
}

extension PathRow {
    /// The steps joined by ` > `.
    package var id: String { steps.joined(separator: " > ") }

    enum CodingKeys: String, CodingKey { case id, steps, visits, purchases, conversionRate }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(steps, forKey: .steps)
        try c.encode(visits, forKey: .visits)
        try c.encode(purchases, forKey: .purchases)
        try c.encode(conversionRate, forKey: .conversionRate)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(steps: try c.decode([String].self, forKey: .steps), visits: try c.decode(Int.self, forKey: .visits),
                  purchases: try c.decode(Int.self, forKey: .purchases), conversionRate: try c.decode(Double.self, forKey: .conversionRate))
    }
}

extension LoopRow {
    /// `Cart -> Shipping info -> Cart`.
    package var id: String { "\(from) -> \(via) -> \(from)" }

    enum CodingKeys: String, CodingKey { case id, from, via, visits, purchases, conversionRate }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(from, forKey: .from)
        try c.encode(via, forKey: .via)
        try c.encode(visits, forKey: .visits)
        try c.encode(purchases, forKey: .purchases)
        try c.encode(conversionRate, forKey: .conversionRate)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(from: try c.decode(String.self, forKey: .from), via: try c.decode(String.self, forKey: .via),
                  visits: try c.decode(Int.self, forKey: .visits), purchases: try c.decode(Int.self, forKey: .purchases),
                  conversionRate: try c.decode(Double.self, forKey: .conversionRate))
    }
}

extension JourneyMap {
    /// A node's stable id: its touchpoint name; `name @ phase` for a name that stands in two
    /// phases of one map (rules that reuse a name in another phase).
    package func nodeID(_ node: Node) -> String {
        nodes.filter { $0.touchpoint == node.touchpoint }.count > 1 ? "\(node.touchpoint) @ \(node.phase)" : node.touchpoint
    }

    enum CodingKeys: String, CodingKey { case nodes, links, phases, returns }
    struct NodeJSON: Codable {
        var touchpoint: String; var phase: String; var views: Int; var entries: Int; var exits: Int; var exitRate: Double
        @ExplicitNull var funnelStep: String?
        /// Absent in reports made before it was kept.
        var visits: Int?
    }
    struct LinkJSON: Codable {
        var from: String; var to: String; var count: Int
        @ExplicitNull var medianSeconds: Double?
    }
    struct ReturnJSON: Codable {
        var from: String; var to: String; var count: Int
        @ExplicitNull var medianDays: Double?
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        var ids: [Int: String] = [:]
        var nodesJSON: [String: NodeJSON] = [:]
        for n in nodes {
            let id = nodeID(n)
            ids[n.id] = id
            nodesJSON[id] = NodeJSON(touchpoint: n.touchpoint, phase: n.phase, views: n.views, entries: n.entries, exits: n.exits,
                                     exitRate: n.exitRate, funnelStep: n.funnelStep, visits: n.visits)
        }
        var linksJSON: [String: LinkJSON] = [:]
        for l in links {
            guard let from = ids[l.from], let to = ids[l.to] else { continue }
            linksJSON["\(from) -> \(to)"] = LinkJSON(from: from, to: to, count: l.count, medianSeconds: l.medianSeconds)
        }
        try c.encode(nodesJSON, forKey: .nodes)
        try c.encode(linksJSON, forKey: .links)
        try c.encode(phases, forKey: .phases)
        var returnsJSON: [String: ReturnJSON] = [:]
        for l in returns {
            guard let from = ids[l.from], let to = ids[l.to] else { continue }
            returnsJSON["\(from) -> \(to)"] = ReturnJSON(from: from, to: to, count: l.count, medianDays: l.medianDays)
        }
        try c.encode(returnsJSON, forKey: .returns)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let nodesJSON = try c.decode([String: NodeJSON].self, forKey: .nodes).sorted { $0.key < $1.key }
        var number: [String: Int] = [:]
        var nodes: [Node] = []
        for (i, (id, n)) in nodesJSON.enumerated() {
            number[id] = i
            var node = Node(id: i, touchpoint: n.touchpoint, phase: n.phase, views: n.views, entries: n.entries, exits: n.exits, exitRate: n.exitRate)
            node.funnelStep = n.funnelStep
            node.visits = n.visits ?? 0
            nodes.append(node)
        }
        let links = try c.decode([String: LinkJSON].self, forKey: .links).values
            .compactMap { l in
                number[l.from].flatMap { f in
                    number[l.to].map { t -> Link in
                        var link = Link(from: f, to: t, count: l.count)
                        link.medianSeconds = l.medianSeconds
                        return link
                    }
                }
            }
            .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
        self.init(nodes: nodes, links: links)
        phases = try c.decodeIfPresent([PhaseShare].self, forKey: .phases) ?? []
        returns = try (c.decodeIfPresent([String: ReturnJSON].self, forKey: .returns) ?? [:]).values
            .compactMap { l in
                number[l.from].flatMap { f in
                    number[l.to].map { t -> Link in
                        var link = Link(from: f, to: t, count: l.count)
                        link.medianDays = l.medianDays
                        return link
                    }
                }
            }
            .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
    }
}

extension CustomerValueInfo {
    enum CodingKeys: String, CodingKey { case windowDays, lifespanYears, channels, tiers, all }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(windowDays, forKey: .windowDays)
        try c.encode(lifespanYears, forKey: .lifespanYears)
        try c.encode(Dictionary(channels.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a }), forKey: .channels)
        try c.encode(tiers, forKey: .tiers)
        try c.encode(all, forKey: .all)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(windowDays: try c.decode(Int.self, forKey: .windowDays), lifespanYears: try c.decode(Double.self, forKey: .lifespanYears),
                  channels: try c.decode([String: ChannelValue].self, forKey: .channels).values
                      .sorted { $0.customers != $1.customers ? $0.customers > $1.customers : $0.channel < $1.channel },
                  tiers: try c.decode([Tier].self, forKey: .tiers), all: try c.decodeIfPresent(CLV.self, forKey: .all))
    }
}

extension Satisfaction {
    enum CodingKeys: String, CodingKey {
        case nps, csat, ces, cesScale, minAnswers, all, byChannel, byDevice, byTouchpoint, byVariant, detractorPaths, promoterPaths
    }

    /// The joined breakdowns sit beside the three scores: `satisfaction.byChannel`, ...
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nps, forKey: .nps)
        try c.encode(csat, forKey: .csat)
        try c.encode(ces, forKey: .ces)
        guard let j = joined else { return }
        try c.encode(j.cesScale, forKey: .cesScale)
        try c.encode(j.minAnswers, forKey: .minAnswers)
        try c.encode(j.all, forKey: .all)
        try c.encode(j.byChannel, forKey: .byChannel)
        try c.encode(j.byDevice, forKey: .byDevice)
        try c.encode(j.byTouchpoint, forKey: .byTouchpoint)
        try c.encode(j.byVariant, forKey: .byVariant)
        try c.encode(j.detractorPaths, forKey: .detractorPaths)
        try c.encode(j.promoterPaths, forKey: .promoterPaths)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(nps: try c.decode(Score.self, forKey: .nps), csat: try c.decode(Score.self, forKey: .csat),
                  ces: try c.decode(Score.self, forKey: .ces))
        if let all = try c.decodeIfPresent(SatisfactionRow.self, forKey: .all) {
            joined = SatisfactionJoin(
                cesScale: try c.decode(Int.self, forKey: .cesScale), minAnswers: try c.decode(Int.self, forKey: .minAnswers), all: all,
                byChannel: try c.decode([SatisfactionRow].self, forKey: .byChannel),
                byDevice: try c.decode([SatisfactionRow].self, forKey: .byDevice),
                byTouchpoint: try c.decode([SatisfactionRow].self, forKey: .byTouchpoint),
                byVariant: try c.decode([SatisfactionRow].self, forKey: .byVariant),
                detractorPaths: try c.decode([AnswerPath].self, forKey: .detractorPaths),
                promoterPaths: try c.decode([AnswerPath].self, forKey: .promoterPaths))
        }
    }
}

extension Satisfaction.Score {
    enum CodingKeys: String, CodingKey { case answers, value, mean, promoters, detractors, topBox }

    /// `value` and `mean` are `null` without answers, as every missing figure is.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answers, forKey: .answers)
        try c.encode(value, forKey: .value)
        try c.encode(mean, forKey: .mean)
        try c.encodeIfPresent(promoters, forKey: .promoters)
        try c.encodeIfPresent(detractors, forKey: .detractors)
        try c.encodeIfPresent(topBox, forKey: .topBox)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(answers: try c.decode(Int.self, forKey: .answers), value: try c.decodeIfPresent(Double.self, forKey: .value),
                  mean: try c.decodeIfPresent(Double.self, forKey: .mean))
        promoters = try c.decodeIfPresent(Int.self, forKey: .promoters)
        detractors = try c.decodeIfPresent(Int.self, forKey: .detractors)
        topBox = try c.decodeIfPresent(Int.self, forKey: .topBox)
    }
}

extension CustomerValueInfo.ChannelValue {
    enum CodingKeys: String, CodingKey { case channel, label, customers, clv }

    /// `clv` is `null` for a channel whose customers bought nothing.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(channel, forKey: .channel)
        try c.encode(label, forKey: .label)
        try c.encode(customers, forKey: .customers)
        try c.encode(clv, forKey: .clv)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(channel: try c.decode(String.self, forKey: .channel), label: try c.decode(String.self, forKey: .label),
                  customers: try c.decode(Int.self, forKey: .customers), clv: try c.decodeIfPresent(CLV.self, forKey: .clv))
    }
}

extension TrendPoint {
    enum CodingKeys: String, CodingKey { case period, value }

    /// `value` is `null` where the period had none.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(value, forKey: .value)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(period: try c.decode(String.self, forKey: .period), value: try c.decodeIfPresent(Double.self, forKey: .value))
    }
}
