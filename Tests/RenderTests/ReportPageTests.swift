import Foundation
import Render
import Testing
import Validate
import ReportModel

@Suite struct ReportPageTests {
    func render(_ data: ReportData) throws -> String {
        ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).report(data)
    }

    @Test func hostileLogValuesStayTextAndThePagePassesValidation() throws {
        let html = try render(RenderFixtures.data())
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick=\""))
        #expect(!html.contains("href=\"http://evil"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("\u{01}") && !html.contains("\u{1B}"))
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test func pageIsSelfContained() throws {
        let html = try render(RenderFixtures.data())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("href=\"http"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func sameDataGivesSameBytes() throws {
        #expect(try render(RenderFixtures.data()) == render(RenderFixtures.data()))
    }

    @Test func kpiColoursFollowGoodNewsAndNoise() throws {
        let html = try render(RenderFixtures.data())
        // visits up 23.4% and significant: good news; bounce rate up 5 pp but within noise: grey
        #expect(html.contains("<p class=\"kpi-change good\">+23.4% vs 1,000 <span class=\"noise\">· significant</span></p>"))
        #expect(html.contains("<p class=\"kpi-change flat\">+5.0 pp vs 40.0% <span class=\"noise\">· within noise</span></p>"))
    }

    @Test func kpiCardsShowTheIntervalAndScoresMoveInPoints() throws {
        var data = RenderFixtures.data()
        data.kpis[1].interval = [0.4366, 0.4634]
        var nps = KPI(key: "nps", label: "NPS", unit: .score, value: 25.9, previous: 5.3, better: .higher, significant: false,
                      definition: "% promoters - % detractors")
        nps.interval = [-5.9, 45.9]
        data.kpis.append(nps)
        let html = try render(data)
        let start = try #require(html.range(of: "<section id=\"kpis\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let cards = html[start.lowerBound..<end.upperBound]
        #expect(cards.contains("<p class=\"kpi-interval\">95% interval 43.7%–46.3%</p>"))
        #expect(cards.contains("<p class=\"kpi-change flat\">+20.6 points vs 5.3 <span class=\"noise\">· within noise</span></p>\n<p class=\"kpi-interval\">95% interval −5.9–45.9</p>"))
        // no interval, no line
        #expect(cards.components(separatedBy: "kpi-interval").count - 1 == 2)
    }

    @Test func changesLargerThanNoiseAreListedFirst() throws {
        var data = RenderFixtures.data()
        var visitors = KPI(key: "visitors", label: "Visitors", unit: .count, value: 1_000, previous: 800, better: .higher, significant: true,
                           definition: "people")
        visitors.pValue = 0.000_01
        data.kpis.append(visitors)
        let html = try render(data)
        let list = try #require(html.range(of: "<ol class=\"changes\">"))
        let cards = try #require(html.range(of: "<section id=\"kpis\">"))
        #expect(list.lowerBound < cards.lowerBound)
        #expect(html.contains("<li class=\"good\">Visitors 800 → 1,000 (+25.0%) against the previous period</li>"))
        // visits come in clusters (several a visitor): they are no test of their own
        #expect(!html.contains("<li class=\"good\">Visits"))
        // the bounce rate's change is within noise: not listed
        #expect(!html.contains("Bounce rate 40.0%"))
    }

    @Test func germanLocaleFormatsNumbersAndPhases() throws {
        let html = try render(RenderFixtures.data(locale: "de"))
        #expect(html.contains("1.234"))
        #expect(html.contains("1.234,50\u{A0}€"))
        #expect(html.contains("Aufmerksamkeit"))
        #expect(html.contains("lang=\"de\""))
    }

    @Test func missingTemplateNamesTheFile() {
        #expect(throws: RenderError.self) { try ReportTemplates(directory: "/nonexistent-templates") }
        do { _ = try ReportTemplates(directory: "/nonexistent-templates") } catch {
            #expect("\(error)".hasPrefix("/nonexistent-templates/report.mustache: "))
        }
    }
}
