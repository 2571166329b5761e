import Foundation
import Render
import ReportModel

/// Report data for render tests, built by hand; `hostile` puts attacker-shaped strings wherever
/// the logs can reach the page.
enum RenderFixtures {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("report-templates").path

    static let hostile = "\"><script>alert(1)</script><a href=\"http://evil.example/\" onclick=\"x()\">&nbsp;\u{01}\u{1B}]]>"

    static func data(locale: String = "en") -> ReportData {
        var info = InputInfo(files: [.init(name: "access.log-\(hostile)", read: 10, parsed: 6, filtered: 3, rejected: 1, damage: nil)],
                             read: 10, parsed: 6, filtered: 3, rejected: 1,
                             reasons: [.init(reason: "malformed", explanation: "not in the expected log format", count: 1, isRejected: true)],
                             samples: [.init(reason: "malformed", file: "access.log", line: 3, text: hostile)],
                             lateEvents: 0, cutVisits: 0)
        info.lateEvents = 2
        return ReportData(
            period: PeriodInfo(name: "2026-W47", first: "2026-11-16", last: "2026-11-22", isPartial: false, previous: "2026-W46",
                               timeZone: "Europe/Berlin", currency: "EUR", locale: locale),
            input: info,
            sessionRules: RulesInfo(preset: "matomo", summary: "matomo: timeout 30 min", timeoutMinutes: 30,
                                    newVisitOnCampaignChange: true, splitAtMidnight: true, maxVisitHours: 24,
                                    identity: "customer id", lookbackDays: 30),
            kpis: [KPI(key: "visits", label: "Visits", unit: .count, value: 1234, previous: 1000, better: .higher,
                       significant: true, definition: "visits starting in the period"),
                   KPI(key: "bounce_rate", label: "Bounce rate", unit: .ratio, value: 0.45, previous: 0.4, better: .lower,
                       significant: false, definition: "single-page visits / visits")],
            funnel: [FunnelRow(step: "product_view", label: "Product view", visits: 100, ofFirst: 1, dropOff: 0),
                     FunnelRow(step: "add_to_cart", label: "Add to cart", visits: 20, ofFirst: 0.2, dropOff: 0.8)],
            journeyMap: JourneyMap(nodes: [.init(id: 0, touchpoint: "Home", phase: "awareness", views: 50, entries: 40, exits: 10, exitRate: 0.2),
                                           .init(id: 1, touchpoint: hostile, phase: "consideration", views: 30, entries: 5, exits: 20, exitRate: 0.6667)],
                                   links: [.init(from: 0, to: 1, count: 25), .init(from: 1, to: 0, count: 3)]),
            channels: [ChannelRow(channel: "direct", label: "Direct", visits: 10, journeysStarted: 5, journeysClosed: 1, orders: 1,
                                  revenue: 1234.5, attribution: Attribution())],
            disagreements: [Disagreement(channel: "direct", label: "Direct", lowestModel: "Last non-direct touch", lowest: 26,
                                         highestModel: "Last touch", highest: 59, shareOfOrders: 0.1658)],
            segments: [SegmentRow(dimension: "device", segment: "mobile", visits: 7, bounceRate: 0.5, conversionRate: 0.1, orders: 1, revenue: 12)],
            journeyLengths: [JourneyLengthRow(visits: "2", journeys: 4, multiChannel: 0.5, buyers: 1, conversion: 0.25)],
            loops: [LoopRow(from: "Cart", via: hostile, visits: 3, purchases: 0, conversionRate: 0)],
            paths: [PathRow(steps: ["Home", hostile], visits: 5, purchases: 1, conversionRate: 0.2)],
            buyingPaths: [PathRow(steps: [hostile, "…", "Checkout"], visits: 1, purchases: 1, conversionRate: 1)],
            touchpointRules: RuleUsage(unmatchedPaths: [.init(path: "/" + hostile, views: 4)], unusedRules: [hostile]),
            satisfaction: Satisfaction(nps: .init(answers: 10, value: 20, mean: 7.5), csat: .init(answers: 0, value: nil, mean: nil),
                                       ces: .init(answers: 0, value: nil, mean: nil)),
            customerValue: CustomerValueInfo(windowDays: 35, lifespanYears: 3,
                                             channels: [.init(channel: "direct", label: "Direct", customers: 4,
                                                              clv: CLV(buyers: 2, aov: 50, purchasesPerYear: 10.43, value: 1564.29))],
                                             tiers: [.init(tier: "high", minRevenue: 50, clv: nil)], all: nil))
    }
}
