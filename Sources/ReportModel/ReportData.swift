/// Everything the report shows, as numbers with their definitions: written as report.json
/// (schema 1, see `ReportCoding.swift`: sorted keys, sets keyed by stable ids, so that two periods
/// compare cleanly) and rendered into HTML. Render and the diff read nothing else.
package struct ReportData: Equatable, Sendable {
    /// The version of report.json's layout; a diff compares only reports of the same version.
    package static let schemaVersion = 1

    package var period: PeriodInfo
    package var input: InputInfo
    package var sessionRules: RulesInfo
    package var kpis: [KPI]
    package var funnel: [FunnelRow]
    package var journeyMap: JourneyMap
    package var channels: [ChannelRow]
    /// Channels whose credit differs most between the attribution models.
    package var disagreements: [Disagreement]
    package var segments: [SegmentRow]
    package var journeyLengths: [JourneyLengthRow]
    package var loops: [LoopRow]
    package var paths: [PathRow]
    /// The most common paths of visits with a purchase.
    package var buyingPaths: [PathRow]
    package var touchpointRules: RuleUsage
    package var satisfaction: Satisfaction
    package var customerValue: CustomerValueInfo

    package func kpi(_ key: String) -> KPI? { kpis.first { $0.key == key } }
    /// Statistics of the period's order values (cents), for the noise tests of revenue and AOV.
    package var orderValues: ValueSample? = nil
    /// Cohorts by first-purchase month, from the history; nil without a history.
    package var cohorts: CohortTable? = nil
    /// Lifecycle states of the history's customers; nil without a history.
    package var lifecycle: LifecycleInfo? = nil
    /// Predicted customer value from the history (see `CLVModelInfo`); nil without a history.
    package var clvModel: CLVModelInfo? = nil
    /// Support, carts per customer, drop-offs, variants, segment funnels and the logged-value
    /// tables; nil in reports made before they existed.
    package var questions: JourneyQuestions? = nil
    /// Set when the touchpoint rules, not the shop, may be what the figures show.
    package var rulesWarning: RulesWarning? = nil
    /// The parts of the sections that live in folders of their own (`Sources/Sections`), each
    /// under its own key of report.json.
    package var parts = ReportParts()

    package init(period: PeriodInfo, input: InputInfo, sessionRules: RulesInfo, kpis: [KPI], funnel: [FunnelRow], journeyMap: JourneyMap, channels: [ChannelRow], disagreements: [Disagreement], segments: [SegmentRow], journeyLengths: [JourneyLengthRow], loops: [LoopRow], paths: [PathRow], buyingPaths: [PathRow], touchpointRules: RuleUsage, satisfaction: Satisfaction, customerValue: CustomerValueInfo) {
        self.period = period
        self.input = input
        self.sessionRules = sessionRules
        self.kpis = kpis
        self.funnel = funnel
        self.journeyMap = journeyMap
        self.channels = channels
        self.disagreements = disagreements
        self.segments = segments
        self.journeyLengths = journeyLengths
        self.loops = loops
        self.paths = paths
        self.buyingPaths = buyingPaths
        self.touchpointRules = touchpointRules
        self.satisfaction = satisfaction
        self.customerValue = customerValue
    }
}

package struct PeriodInfo: Codable, Equatable, Sendable {
    package var name: String
    package var first: String
    package var last: String
    package var isPartial: Bool
    package var previous: String
    package var timeZone: String
    package var currency: String
    package var locale: String

    package init(name: String, first: String, last: String, isPartial: Bool, previous: String, timeZone: String,
                 currency: String, locale: String) {
        self.name = name; self.first = first; self.last = last; self.isPartial = isPartial
        self.previous = previous; self.timeZone = timeZone; self.currency = currency; self.locale = locale
    }
}

package struct InputInfo: Codable, Equatable, Sendable {
    package struct File: Codable, Equatable, Sendable {
        package var name: String
        package var read: Int
        package var parsed: Int
        package var filtered: Int
        package var rejected: Int
        package var damage: String?

        package init(name: String, read: Int, parsed: Int, filtered: Int, rejected: Int, damage: String? = nil) {
            self.name = name
            self.read = read
            self.parsed = parsed
            self.filtered = filtered
            self.rejected = rejected
            self.damage = damage
        }
    }
    package struct Reason: Codable, Equatable, Sendable {
        package var reason: String
        package var explanation: String
        package var count: Int
        package var isRejected: Bool
        /// True for a value note: parsed lines whose order value was left out (counted in
        /// `parsed`, neither filtered nor rejected); nil otherwise.
        package var isValueNote: Bool? = nil

        package init(reason: String, explanation: String, count: Int, isRejected: Bool, isValueNote: Bool? = nil) {
            self.reason = reason
            self.explanation = explanation
            self.count = count
            self.isRejected = isRejected
            self.isValueNote = isValueNote
        }
    }
    package struct Sample: Codable, Equatable, Sendable {
        package var reason: String
        package var file: String
        package var line: Int
        package var text: String

        package init(reason: String, file: String, line: Int, text: String) {
            self.reason = reason
            self.file = file
            self.line = line
            self.text = text
        }
    }
    /// A file that was not in time order and was sorted by time before it was read.
    package struct Resorted: Codable, Equatable, Sendable {
        package var file: String
        /// The file's events.
        package var events: Int
        /// Events that stood elsewhere in the file than in time order.
        package var moved: Int
        package init(file: String, events: Int, moved: Int) { self.file = file; self.events = events; self.moved = moved }
    }
    package var files: [File]
    /// Files sorted by time before the merge; how they were sorted (in memory or through
    /// temporary files) is left out, so that it never changes the report.
    package var resorted: [Resorted]? = nil
    package var read: Int
    package var parsed: Int
    package var filtered: Int
    package var rejected: Int
    package var reasons: [Reason]
    package var samples: [Sample]
    /// Parsed events that arrived later than the out-of-order tolerance.
    package var lateEvents: Int
    /// Parsed events after the period's end that would have started a visit: left out.
    package var afterPeriod: Int
    package var cutVisits: Int

    package init(files: [File], read: Int, parsed: Int, filtered: Int, rejected: Int, reasons: [Reason], samples: [Sample], lateEvents: Int, afterPeriod: Int = 0, cutVisits: Int) {
        self.files = files
        self.read = read
        self.parsed = parsed
        self.filtered = filtered
        self.rejected = rejected
        self.reasons = reasons
        self.samples = samples
        self.lateEvents = lateEvents
        self.afterPeriod = afterPeriod
        self.cutVisits = cutVisits
    }
}

package struct RulesInfo: Codable, Equatable, Sendable {
    package var preset: String
    package var summary: String
    package var timeoutMinutes: Int
    package var newVisitOnCampaignChange: Bool
    package var splitAtMidnight: Bool
    package var maxVisitHours: Int
    package var identity: String
    package var lookbackDays: Int
    package var timeDecayHalfLifeDays: Double = 7

    package init(preset: String, summary: String, timeoutMinutes: Int, newVisitOnCampaignChange: Bool,
                 splitAtMidnight: Bool, maxVisitHours: Int, identity: String, lookbackDays: Int, timeDecayHalfLifeDays: Double = 7) {
        self.preset = preset; self.summary = summary; self.timeoutMinutes = timeoutMinutes
        self.newVisitOnCampaignChange = newVisitOnCampaignChange; self.splitAtMidnight = splitAtMidnight
        self.maxVisitHours = maxVisitHours; self.identity = identity; self.lookbackDays = lookbackDays
        self.timeDecayHalfLifeDays = timeDecayHalfLifeDays
    }
}

/// One key figure, this period and the one before, with the definition shown beside it.
package struct KPI: Codable, Equatable, Sendable {
    package enum Unit: String, Codable, Sendable { case count, ratio, money, seconds, days, score, number }
    /// Which direction of change is good news.
    package enum Better: String, Codable, Sendable { case higher, lower, neutral }
    package var key: String
    package var label: String
    package var unit: Unit
    package var value: Double?
    package var previous: Double?
    package var better: Better
    /// Whether the change from the previous period is larger than chance would make it
    /// (|z| >= 1.96; two-proportion test for rates, Poisson test for counts); nil when not testable.
    package var significant: Bool?
    /// The two-sided p-value of that test; nil when not testable (and in reports written before
    /// it was kept). "What changed" corrects it for the number of tests of the week.
    package var pValue: Double? = nil
    package var definition: String
    /// For a rate: the counts it is made of (`value` = numerator / denominator), so that a later
    /// comparison can test the change; nil for other KPIs.
    package var numerator: Int? = nil
    package var denominator: Int? = nil
    /// 95% interval of `value`, in its unit: Wilson for rates and top-box scores, normal for
    /// NPS, a seeded bootstrap for the average order value; nil for other KPIs.
    package var interval: Interval? = nil
    /// The figure in up to 12 earlier periods of the history, oldest first, then this one.
    package var trend: [TrendPoint] = []
    /// The figure in the same ISO week (or month) a year earlier; nil when the history lacks it.
    package var yearAgo: Double? = nil
    /// Whether the change against a year earlier is larger than noise; nil when not testable.
    package var yearAgoSignificant: Bool? = nil
    /// The two-sided p-value of the test against a year earlier; nil when not testable.
    package var yearAgoPValue: Double? = nil

    package init(key: String, label: String, unit: Unit, value: Double? = nil, previous: Double? = nil, better: Better, significant: Bool? = nil, definition: String) {
        self.key = key
        self.label = label
        self.unit = unit
        self.value = value
        self.previous = previous
        self.better = better
        self.significant = significant
        self.definition = definition
    }
}

package struct FunnelRow: Codable, Equatable, Sendable {
    package var step: String
    package var label: String
    package var visits: Int
    /// Share of the first step's visits; null when the first step has none.
    @ExplicitNull package var ofFirst: Double?
    /// Visits lost since the previous step, as a share of it: null for the first step and when
    /// the previous step has no visits (a share of nothing is no figure, as for the KPIs).
    @ExplicitNull package var dropOff: Double?

    package init(step: String, label: String, visits: Int, ofFirst: Double?, dropOff: Double?) {
        self.step = step
        self.label = label
        self.visits = visits
        self.ofFirst = ofFirst
        self.dropOff = dropOff
    }
}

package struct JourneyMap: Codable, Equatable, Sendable {
    package struct Node: Codable, Equatable, Sendable {
        package var id: Int
        package var touchpoint: String
        package var phase: String
        package var views: Int
        package var entries: Int
        package var exits: Int
        package var exitRate: Double
        /// The funnel step of the touchpoint's rule, if any: the map orders a phase's boxes by it.
        package var funnelStep: String? = nil
        /// The period's visits with a view of it, each once (the unit its change against the
        /// previous period is tested in: a visit's views of one page come in clumps).
        package var visits = 0

        package init(id: Int, touchpoint: String, phase: String, views: Int, entries: Int, exits: Int, exitRate: Double) {
            self.id = id
            self.touchpoint = touchpoint
            self.phase = phase
            self.views = views
            self.entries = entries
            self.exits = exits
            self.exitRate = exitRate
        }
    }
    package struct Link: Codable, Equatable, Sendable {
        package var from: Int
        package var to: Int
        package var count: Int
        /// Median seconds from the page view of `from` to the next one, of `to`.
        package var medianSeconds: Double? = nil
        /// For a return across visits: median days from the last page view of one visit to the
        /// first of the person's next.
        package var medianDays: Double? = nil

        package init(from: Int, to: Int, count: Int) {
            self.from = from
            self.to = to
            self.count = count
        }
    }
    /// One of the five phases as a column of the map: the share of the period's visits that
    /// touched it, and how many of those ended there.
    package struct PhaseShare: Codable, Equatable, Sendable {
        package var phase: String
        package var visits: Int
        /// The phase's visits / the period's visits; null when the period has none.
        @ExplicitNull package var share: Double?
        package var exits: Int
        /// Exits / the phase's visits; null when no visit touched the phase.
        @ExplicitNull package var exitRate: Double?
        package init(phase: String, visits: Int, share: Double?, exits: Int, exitRate: Double?) {
            self.phase = phase; self.visits = visits; self.share = share; self.exits = exits; self.exitRate = exitRate
        }
    }
    package var nodes: [Node]
    package var links: [Link]
    /// The phases in their order; empty in reports made before they were kept.
    package var phases: [PhaseShare] = []
    /// Returns across visits: from the last touchpoint of a visit to the landing of the same
    /// person's next visit, both in the period; a customer journey spans days, and these links
    /// join retention and advocacy to the rest of the map. Heaviest first.
    package var returns: [Link] = []

    package init(nodes: [Node], links: [Link]) {
        self.nodes = nodes
        self.links = links
    }
}

package struct ChannelRow: Codable, Equatable, Sendable {
    package var channel: String
    package var label: String
    package var visits: Int
    package var journeysStarted: Int
    package var journeysClosed: Int
    package var orders: Int
    package var revenue: Double
    /// Orders credited to the channel by each attribution model.
    package var attribution: Attribution
    /// The visit counts behind the headline rates, per channel, so that a change of a rate can be
    /// split into traffic mix and rates within channels.
    package var rates: RateCounts = RateCounts()

    package init(channel: String, label: String, visits: Int, journeysStarted: Int, journeysClosed: Int, orders: Int, revenue: Double, attribution: Attribution) {
        self.channel = channel
        self.label = label
        self.visits = visits
        self.journeysStarted = journeysStarted
        self.journeysClosed = journeysClosed
        self.orders = orders
        self.revenue = revenue
        self.attribution = attribution
    }
}

/// Credit for the period's orders under each model; the models' sums equal the orders.
package struct Attribution: Codable, Equatable, Sendable {
    package var firstTouch: Double = 0
    package var lastTouch: Double = 0
    package var lastNonDirect: Double = 0
    package var linear: Double = 0
    package var timeDecay: Double = 0
    package var positionBased: Double = 0
    /// First-order Markov chain removal effect, scaled to the period's orders.
    package var markov: Double = 0
    package init() {}
}

package struct PathRow: Codable, Equatable, Sendable {
    package var steps: [String]
    package var visits: Int
    package var purchases: Int
    package var conversionRate: Double

    package init(steps: [String], visits: Int, purchases: Int, conversionRate: Double) {
        self.steps = steps
        self.visits = visits
        self.purchases = purchases
        self.conversionRate = conversionRate
    }
}

package struct RuleUsage: Codable, Equatable, Sendable {
    package struct Unmatched: Codable, Equatable, Sendable {
        package var path: String
        package var views: Int

        package init(path: String, views: Int) {
            self.path = path
            self.views = views
        }
    }
    package var unmatchedPaths: [Unmatched]
    package var unusedRules: [String]

    package init(unmatchedPaths: [Unmatched], unusedRules: [String]) {
        self.unmatchedPaths = unmatchedPaths
        self.unusedRules = unusedRules
    }
}

package struct Satisfaction: Codable, Equatable, Sendable {
    package struct Score: Codable, Equatable, Sendable {
        package var answers: Int
        package var value: Double?
        package var mean: Double?
        /// NPS: answers of 9-10 and of 0-6.
        package var promoters: Int? = nil
        package var detractors: Int? = nil
        /// CSAT and CES: answers in the top box (5 of 5, 7 of 7).
        package var topBox: Int? = nil

        package init(answers: Int, value: Double? = nil, mean: Double? = nil) {
            self.answers = answers
            self.value = value
            self.mean = mean
        }
    }
    /// % promoters (9-10) minus % detractors (0-6).
    package var nps: Score
    /// Share of top-box answers (5 of 5), x 100.
    package var csat: Score
    /// Share of "very easy" answers (the top of the CES scale), x 100.
    package var ces: Score
    /// Answers joined to what people went through before answering; nil in reports made
    /// before it existed.
    package var joined: SatisfactionJoin? = nil

    package init(nps: Score, csat: Score, ces: Score) {
        self.nps = nps
        self.csat = csat
        self.ces = ces
    }
}


/// Customer lifetime value: AOV x purchases per year x lifespan, from the buyers of the data window.
package struct CLV: Codable, Equatable, Sendable {
    package var buyers: Int
    package var aov: Double
    /// Orders per buyer, annualised from the data window.
    package var purchasesPerYear: Double
    package var value: Double

    package init(buyers: Int, aov: Double, purchasesPerYear: Double, value: Double) {
        self.buyers = buyers; self.aov = aov; self.purchasesPerYear = purchasesPerYear; self.value = value
    }
}

/// CLV of the customers each channel first brought, and per spend tier.
package struct CustomerValueInfo: Codable, Equatable, Sendable {
    package struct ChannelValue: Codable, Equatable, Sendable {
        package var channel: String
        package var label: String
        /// People whose first visit in the data window came through the channel.
        package var customers: Int
        package var clv: CLV?

        package init(channel: String, label: String, customers: Int, clv: CLV?) {
            self.channel = channel; self.label = label; self.customers = customers; self.clv = clv
        }
    }
    package struct Tier: Codable, Equatable, Sendable {
        package var tier: String
        /// The lowest revenue of a buyer in the tier.
        package var minRevenue: Double
        package var clv: CLV?

        package init(tier: String, minRevenue: Double, clv: CLV?) { self.tier = tier; self.minRevenue = minRevenue; self.clv = clv }
    }
    package var windowDays: Int
    package var lifespanYears: Double
    package var channels: [ChannelValue]
    package var tiers: [Tier]
    package var all: CLV?

    package init(windowDays: Int, lifespanYears: Double, channels: [ChannelValue], tiers: [Tier], all: CLV?) {
        self.windowDays = windowDays; self.lifespanYears = lifespanYears; self.channels = channels; self.tiers = tiers; self.all = all
    }
}

/// A channel whose credit differs much between attribution models: where to look first.
package struct Disagreement: Codable, Equatable, Sendable {
    package var channel: String
    package var label: String
    package var lowestModel: String
    package var lowest: Double
    package var highestModel: String
    package var highest: Double
    /// (highest - lowest) / the period's orders.
    package var shareOfOrders: Double

    package init(channel: String, label: String, lowestModel: String, lowest: Double, highestModel: String, highest: Double,
                 shareOfOrders: Double) {
        self.channel = channel; self.label = label; self.lowestModel = lowestModel; self.lowest = lowest
        self.highestModel = highestModel; self.highest = highest; self.shareOfOrders = shareOfOrders
    }
}

/// One segment of the period's visits (a device class, new or returning visitors).
package struct SegmentRow: Codable, Equatable, Sendable {
    /// `device` or `visitor`.
    package var dimension: String
    package var segment: String
    package var visits: Int
    package var bounceRate: Double
    package var conversionRate: Double
    package var orders: Int
    package var revenue: Double
    /// The visit counts behind the rates, as for channels.
    package var rates: RateCounts = RateCounts()

    package init(dimension: String, segment: String, visits: Int, bounceRate: Double, conversionRate: Double, orders: Int, revenue: Double) {
        self.dimension = dimension; self.segment = segment; self.visits = visits; self.bounceRate = bounceRate
        self.conversionRate = conversionRate; self.orders = orders; self.revenue = revenue
    }
}

/// Visits that went from a touchpoint to another and back (`from` -> `via` -> `from`).
package struct LoopRow: Codable, Equatable, Sendable {
    package var from: String
    package var via: String
    package var visits: Int
    package var purchases: Int
    package var conversionRate: Double

    package init(from: String, via: String, visits: Int, purchases: Int, conversionRate: Double) {
        self.from = from; self.via = via; self.visits = visits; self.purchases = purchases; self.conversionRate = conversionRate
    }
}

/// People of the period by the number of visits of their journey in the lookback window.
package struct JourneyLengthRow: Codable, Equatable, Sendable {
    /// The bucket: `1`, `2`, `3–4`, `5+` visits.
    package var visits: String
    package var journeys: Int
    /// Share of these journeys that used two or more channels; null for a bucket without journeys.
    @ExplicitNull package var multiChannel: Double?
    /// People of the bucket with an order in the period.
    package var buyers: Int
    /// Buyers / journeys; null for a bucket without journeys.
    @ExplicitNull package var conversion: Double?

    package init(visits: String, journeys: Int, multiChannel: Double?, buyers: Int, conversion: Double?) {
        self.visits = visits; self.journeys = journeys; self.multiChannel = multiChannel; self.buyers = buyers; self.conversion = conversion
    }
}

/// The visit counts behind the headline rates of a set of visits: conversion = purchases /
/// visits, bounce = bounces / visits, cart abandonment = abandoned carts / carts.
package struct RateCounts: Codable, Equatable, Sendable {
    package var visits = 0
    package var bounces = 0
    /// Visits with an order.
    package var purchases = 0
    /// Visits that reached the cart (added to cart, or a later funnel step).
    package var carts = 0
    /// Visits that reached the cart and did not buy.
    package var abandonedCarts = 0
    package init() {}
}

/// Count, mean and sample standard deviation of values (order values in currency units): enough
/// for Welch's t on their mean and a test on their sum, without keeping every value.
package struct ValueSample: Codable, Equatable, Sendable {
    package var count: Int
    package var mean: Double
    package var standardDeviation: Double
    package init(count: Int, mean: Double, standardDeviation: Double) {
        self.count = count; self.mean = mean; self.standardDeviation = standardDeviation
    }
}

/// A KPI's value in one period of its trend.
package struct TrendPoint: Codable, Equatable, Sendable {
    package var period: String
    package var value: Double?
    package init(period: String, value: Double?) { self.period = period; self.value = value }
}

/// Customers by the month of their first purchase (the history's orders), and the share of each
/// cohort that ordered in each month since.
package struct CohortTable: Codable, Equatable, Sendable {
    package struct Row: Codable, Equatable, Sendable {
        /// The first-purchase month, `2026-03`.
        package var cohort: String
        package var customers: Int
        /// Customers of the cohort with an order 0, 1, 2, ... months after their first; null for
        /// months not reached yet.
        package var buyers: [Int?]
        /// buyers / customers, at 4 decimals.
        package var shares: [Double?]
        package init(cohort: String, customers: Int, buyers: [Int?], shares: [Double?]) {
            self.cohort = cohort; self.customers = customers; self.buyers = buyers; self.shares = shares
        }
    }
    /// The months since the first purchase that each row covers (0 to monthsSince - 1).
    package var monthsSince: Int
    package var rows: [Row]
    package init(monthsSince: Int, rows: [Row]) { self.monthsSince = monthsSince; self.rows = rows }
}

/// The customers the history knows, by where they stand in the period's last week, and how they
/// moved since the week before.
package struct LifecycleInfo: Codable, Equatable, Sendable {
    package enum State: String, Codable, CaseIterable, Sendable { case new, returning, resurrected, dormant, lost }
    package struct Flow: Hashable, Sendable {
        /// nil: not yet a customer the week before.
        package var from: State?
        package var to: State
        package init(from: State?, to: State) { self.from = from; self.to = to }
    }
    package struct FlowCount: Codable, Equatable, Sendable {
        /// The state the week before; null for customers new this week.
        package var from: String?
        package var to: String
        package var customers: Int
        package init(from: String?, to: String, customers: Int) { self.from = from; self.to = to; self.customers = customers }

        enum CodingKeys: String, CodingKey { case from, to, customers }
        package func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(customers, forKey: .customers)
        }
    }
    /// The ISO week the states are of, `2026-W47`.
    package var week: String
    /// Customers per state, by state name.
    package var counts: [String: Int]
    package var flows: [FlowCount]
    package init(week: String, counts: [String: Int], flows: [FlowCount]) { self.week = week; self.counts = counts; self.flows = flows }
}
