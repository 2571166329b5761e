import Foundation
import Pipeline
import Testing

/// A whole run on a log written here: what makes a new campaign under each preset (a second ad
/// click, another keyword), and a rate without a denominator (no carts) as null in report.json and
/// "n/a" on the page, the report still valid against its schema.
@Suite(.serialized) struct CampaignVisitsAndEmptyRatesTests {
    /// Three people on Wednesday of 2026-W47, five minutes between their two requests, no carts:
    /// - A clicks two ads (gclid AAA, then BBB);
    /// - B reloads one ad click (gclid CCC twice);
    /// - C comes through one campaign with two keywords (utm_term shoes, then boots).
    static let lines: [String] = {
        func line(_ ip: String, _ minute: Int, _ target: String) -> String {
            "\(ip) - - [18/Nov/2026:10:\(String(format: "%02d", minute)):00 +0100] \"GET \(target) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0\""
        }
        let campaign = "utm_source=google&utm_medium=cpc&utm_campaign=Sale"
        return [
            line("203.0.113.7", 0, "/p/shoe?gclid=AAA"), line("203.0.113.8", 0, "/p/boot?gclid=CCC"),
            line("203.0.113.9", 0, "/p/x?\(campaign)&utm_term=shoes"),
            line("203.0.113.7", 5, "/p/shoe?gclid=BBB"), line("203.0.113.8", 5, "/p/boot?gclid=CCC"),
            line("203.0.113.9", 5, "/p/y?\(campaign)&utm_term=boots"),
        ]
    }()

    /// Runs the shipped weekly config with `sessions` changed by `edit`; returns report.json and the page.
    func run(_ edit: (String) -> String) throws -> (json: [String: Any], page: String, output: String) {
        let logs = try PipelineFixtures.scratch("campaign-logs")
        try (Self.lines.joined(separator: "\n") + "\n").write(toFile: logs + "/access.log", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("campaign-out")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W47")
        let weekly = try String(contentsOfFile: PipelineFixtures.weeklyConfig, encoding: .utf8)
        options.pipeline = try PipelineFixtures.writeConfig(edit(weekly))
        _ = try ReportPipeline.run(options, environment: [:])
        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        return (try PipelineFixtures.reportJSON(out, "2026-W47"), page, out)
    }

    func visits(_ json: [String: Any]) -> Double? {
        ((json["kpis"] as? [String: [String: Any]])?["visits"])?["value"] as? Double
    }

    @Test func aSecondAdClickIsANewVisitUnderTheAnyRule() throws {
        let r = try run { $0.replacingOccurrences(of: "new_visit_on_campaign_change: true", with: "new_visit_on_campaign_change: any") }
        // A: two clicks, two visits; B: one click reloaded, one visit; C: two keywords, two visits
        #expect(visits(r.json) == 5)
    }

    @Test func matomoSplitsOnAnotherKeywordOnly() throws {
        let r = try run { $0 }
        // Matomo sees no campaign in a click id alone: A and B one visit each; C two
        #expect(visits(r.json) == 4)
        #expect((r.json["sessionRules"] as? [String: Any])?["summary"] as? String
                == "matomo: timeout 30 min, new visit on campaign name or keyword change, split at midnight, max visit 24 h, out-of-order tolerance 5 min")
    }

    @Test func ga4NeverSplitsOnCampaigns() throws {
        let r = try run { $0.replacingOccurrences(of: "rules: matomo", with: "rules: ga4")
            .replacingOccurrences(of: "  new_visit_on_campaign_change: true\n", with: "")
            .replacingOccurrences(of: "  split_at_midnight: true\n", with: "") }
        #expect(visits(r.json) == 3)
    }

    /// Views but no carts: the checkout step's drop-off has no denominator and is null; the
    /// page prints n/a there, and the report keeps to its schema.
    @Test func aStepAfterAnEmptyStepHasNoDropOff() throws {
        let r = try run { $0 }
        let funnel = try #require(r.json["funnel"] as? [[String: Any]])
        let byStep = Dictionary(uniqueKeysWithValues: funnel.map { ($0["step"] as! String, $0) })
        #expect(byStep["add_to_cart"]?["visits"] as? Int == 0)
        #expect(byStep["add_to_cart"]?["dropOff"] as? Double == 1)
        #expect(byStep["checkout"]?["dropOff"] is NSNull)
        #expect(byStep["purchase"]?["dropOff"] is NSNull)
        #expect(byStep["product_view"]?["dropOff"] is NSNull)
        let phases = try #require((r.json["journeyMap"] as? [String: Any])?["phases"] as? [[String: Any]])
        #expect(phases.first { $0["phase"] as? String == "purchase" }?["exitRate"] is NSNull)
        // the funnel table's checkout row: 0 visits, 0.0% of first, n/a drop-off
        #expect(r.page.range(of: #"<td>Checkout</td><td class="num">0</td><td class="num">0.0%</td><td class="num">n/a</td>"#) != nil)
        try PipelineFixtures.checkSchema(output: r.output)
    }
}
