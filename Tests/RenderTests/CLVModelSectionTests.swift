import Foundation
import Render
import ReportModel
import Testing
import Validate

/// The "Predicted customer value" section: the fit and its tables, the reason without one, and
/// nothing without a history; every page passes validation.
@Suite struct CLVModelSectionTests {
    static let fitted = CLVModelInfo(
        fit: .init(customers: 2357, bgnbd: .init(r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426), gammaGamma: .init(p: 6.25, q: 3.744, v: 15.44)),
        horizonWeeks: 52,
        all: .init(customers: 2357, expectedPurchases: 0.89, expectedValue: 32.12, probabilityAlive: 0.8134),
        channels: [.init(channel: "unknown", label: "Unknown (imported orders)",
                         prediction: .init(customers: 2000, expectedPurchases: 0.8, expectedValue: 30, probabilityAlive: 0.8)),
                   .init(channel: "email", label: "E-mail / newsletter",
                         prediction: .init(customers: 357, expectedPurchases: 1.4, expectedValue: 1234.5, probabilityAlive: 0.9))],
        tiers: [.init(tier: "high", minSpend: 97.82, prediction: .init(customers: 786, expectedPurchases: 1.5, expectedValue: 60, probabilityAlive: 0.7))])

    func page(_ model: CLVModelInfo?, locale: String = "en") throws -> String {
        var data = RenderFixtures.data(locale: locale)
        data.clvModel = model
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).report(data)
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
        return html
    }

    @Test func aFitShowsItsParametersAndTables() throws {
        let html = try page(Self.fitted)
        #expect(html.contains("<p>Fitted on 2,357 customers. BG/NBD: r 0.2426, α 4.414 weeks, a 0.7929, b 2.426. Gamma-Gamma: p 6.250, q 3.744, v 15.44.</p>"))
        #expect(html.contains("<tr><td>E-mail / newsletter</td><td class=\"num\">357</td><td class=\"num\">1.40</td><td class=\"num\">€1,234.50</td><td class=\"num\">90.0%</td></tr>"))
        #expect(html.contains("<tr><td>high</td><td class=\"num\">from €97.82</td><td class=\"num\">786</td>"))
        #expect(html.contains("<tr><td><strong>All customers</strong></td><td class=\"num\">2,357</td><td class=\"num\">0.89</td><td class=\"num\">€32.12</td><td class=\"num\">81.3%</td></tr>"))
        #expect(!html.contains("No prediction"))
        let german = try page(Self.fitted, locale: "de")
        #expect(german.contains("BG/NBD: r 0,2426, α 4,414 Wochen"))
    }

    @Test func noFitShowsTheReasonInstead() throws {
        let html = try page(CLVModelInfo(reason: "history too short for a stable fit: 11 customers with repeat purchases, at least 30 needed <&>", horizonWeeks: 52))
        #expect(html.contains("<p>No prediction for this period: the history does not support a stable fit of the models (history too short for a stable fit: 11 customers with repeat purchases, at least 30 needed &lt;&amp;&gt;).</p>"))
        #expect(!html.contains("Fitted on"))
    }

    @Test func noHistoryNoSection() throws {
        #expect(!(try page(nil)).contains("predicted-value"))
    }
}
