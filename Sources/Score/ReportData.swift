/// Everything the report shows, as numbers with their definitions: written as report.json
/// (sorted keys, so two periods diff cleanly) and rendered into HTML. Render reads nothing else.
package struct ReportData: Codable, Equatable, Sendable {
    package var period: PeriodInfo
    package var input: InputInfo
    package var sessionRules: RulesInfo
    package var kpis: [KPI]
    package var funnel: [FunnelRow]
    package var journeyMap: JourneyMap
    package var channels: [ChannelRow]
    package var paths: [PathRow]
    package var touchpointRules: RuleUsage
    package var satisfaction: Satisfaction

    package func kpi(_ key: String) -> KPI? { kpis.first { $0.key == key } }
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
    }
    package struct Reason: Codable, Equatable, Sendable {
        package var reason: String
        package var explanation: String
        package var count: Int
        package var isRejected: Bool
    }
    package struct Sample: Codable, Equatable, Sendable {
        package var reason: String
        package var file: String
        package var line: Int
        package var text: String
    }
    package var files: [File]
    package var read: Int
    package var parsed: Int
    package var filtered: Int
    package var rejected: Int
    package var reasons: [Reason]
    package var samples: [Sample]
    /// Parsed events that arrived later than the out-of-order tolerance.
    package var lateEvents: Int
    package var cutVisits: Int
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

    package init(preset: String, summary: String, timeoutMinutes: Int, newVisitOnCampaignChange: Bool,
                 splitAtMidnight: Bool, maxVisitHours: Int, identity: String, lookbackDays: Int) {
        self.preset = preset; self.summary = summary; self.timeoutMinutes = timeoutMinutes
        self.newVisitOnCampaignChange = newVisitOnCampaignChange; self.splitAtMidnight = splitAtMidnight
        self.maxVisitHours = maxVisitHours; self.identity = identity; self.lookbackDays = lookbackDays
    }
}

/// One key figure, this period and the one before, with the definition shown beside it.
package struct KPI: Codable, Equatable, Sendable {
    package enum Unit: String, Codable, Sendable { case count, ratio, money, seconds, days, score, number }
    package var key: String
    package var label: String
    package var unit: Unit
    package var value: Double?
    package var previous: Double?
    package var definition: String
}

package struct FunnelRow: Codable, Equatable, Sendable {
    package var step: String
    package var label: String
    package var visits: Int
    /// Share of the first step's visits.
    package var ofFirst: Double
    /// Visits lost since the previous step, as a share of it (0 for the first step).
    package var dropOff: Double
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
    }
    package struct Link: Codable, Equatable, Sendable {
        package var from: Int
        package var to: Int
        package var count: Int
    }
    package var nodes: [Node]
    package var links: [Link]
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
}

/// Credit for the period's orders under each model; the models' sums equal the orders.
package struct Attribution: Codable, Equatable, Sendable {
    package var firstTouch: Double = 0
    package var lastTouch: Double = 0
    package var lastNonDirect: Double = 0
    package var linear: Double = 0
    package var timeDecay: Double = 0
    package var positionBased: Double = 0
    package init() {}
}

package struct PathRow: Codable, Equatable, Sendable {
    package var steps: [String]
    package var visits: Int
    package var purchases: Int
    package var conversionRate: Double
}

package struct RuleUsage: Codable, Equatable, Sendable {
    package struct Unmatched: Codable, Equatable, Sendable {
        package var path: String
        package var views: Int
    }
    package var unmatchedPaths: [Unmatched]
    package var unusedRules: [String]
}

package struct Satisfaction: Codable, Equatable, Sendable {
    package struct Score: Codable, Equatable, Sendable {
        package var answers: Int
        package var value: Double?
        package var mean: Double?
    }
    /// % promoters (9-10) minus % detractors (0-6).
    package var nps: Score
    /// Share of top-box answers (5 of 5), x 100.
    package var csat: Score
    /// Share of "very easy" answers (7 of 7), x 100.
    package var ces: Score
}
