import Foundation
import Render
import ReportModel
import Testing

/// The line at the top of the page when the rules, not the shop, may be what the figures show,
/// and "no values" for revenue and AOV when no order carries a value.
@Suite struct RulesWarningLineTests {
    func report(_ warning: RulesWarning?, locale: String = "en") -> ReportData {
        var data = RenderFixtures.data(locale: locale)
        data.rulesWarning = warning
        return data
    }

    @Test func noLineWithoutWarning() throws {
        let html = try GermanPageTests.render(report(nil))
        #expect(!html.contains("class=\"rules-warning\""))
    }

    @Test func lineNamesEveryReasonAndTheCommands() throws {
        let w = RulesWarning(otherShare: 0.645, otherThreshold: 0.2, emptySteps: ["add_to_cart"], orders: 12, ordersWithValue: 0)
        let html = try GermanPageTests.render(report(w))
        let line = try #require(html.components(separatedBy: "<p class=\"rules-warning\" role=\"note\">").dropFirst().first?.components(separatedBy: "</p>").first)
        #expect(line.contains("64.5% of page views matched no rule"))
        #expect(line.contains("Add to cart"))
        #expect(line.contains("no order carries a value"))
        #expect(line.contains("journeys rules check") && line.contains("journeys init"))
        // near the top: before the first section
        #expect(html.range(of: "class=\"rules-warning\"")!.lowerBound < html.range(of: "<section")!.lowerBound)
    }

    @Test func revenueAndAOVReadNoValues() throws {
        let w = RulesWarning(otherShare: 0.01, otherThreshold: 0.2, emptySteps: [], orders: 12, ordersWithValue: 0)
        func withMoney(_ data: ReportData) -> ReportData {
            var data = data
            data.kpis.append(KPI(key: "revenue", label: "Revenue", unit: .money, value: 0, previous: nil, better: .higher,
                                 significant: nil, definition: "sum of order values"))
            data.kpis.append(KPI(key: "aov", label: "Average order value", unit: .money, value: nil, previous: nil, better: .higher,
                                 significant: nil, definition: "revenue / orders with a value"))
            return data
        }
        let html = try GermanPageTests.render(withMoney(report(w)))
        #expect(html.contains("<div class=\"kpi\" id=\"kpi-revenue\">\n<p class=\"kpi-label\">Revenue</p>\n<p class=\"kpi-value\">no values</p>"))
        #expect(html.contains("<div class=\"kpi\" id=\"kpi-aov\">\n<p class=\"kpi-label\">Average order value</p>\n<p class=\"kpi-value\">no values</p>"))
        // every money figure of the page, the channels' revenue among them
        #expect(!html.contains("€"))
        let german = try GermanPageTests.render(withMoney(report(w, locale: "de")))
        #expect(german.contains("keine Werte"))
        #expect(german.contains("keine Bestellung trägt einen Wert"))
    }

    @Test func someValuesShowTheFigures() throws {
        let w = RulesWarning(otherShare: 0.5, otherThreshold: 0.2, emptySteps: [], orders: 12, ordersWithValue: 3)
        let html = try GermanPageTests.render(report(w))
        #expect(!html.contains("no values"))
        #expect(!html.contains("no order carries a value"))
    }
}
