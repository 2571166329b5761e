import Foundation
import ReportModel
import Testing
import Validate
@testable import Render
import Sections

/// The page as a list of sections (`PageSections`): the first screen answers how the period went
/// and what changed, the journey, channels, customers and satisfaction follow in that order, and
/// the rest is folded into an appendix of closed `<details>`, with no script.
@Suite struct PageOrderTests {
    func render(_ data: ReportData, headline: [String] = ReportRenderer.defaultHeadline) throws -> String {
        let templates = try ReportTemplates(directory: RenderFixtures.templates)
        let html = ReportRenderer(templates: templates, headline: headline).report(data, hasDiff: true, previous: "2026-W46")
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
        return html
    }

    static func sectionIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<section id=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }

    @Test func theSectionsComeInTheListsOrderAndTheAppendixIsClosed() throws {
        for data in [GermanPageTests.fullReport(locale: "en"), RenderFixtures.data()] {
            let html = try render(data)
            let present = PageSections.present(data)
            #expect(Self.sectionIDs(html) == present.map(\.id))
            let appendix = try #require(html.range(of: "<div id=\"appendix\""))
            for section in present {
                let place = try #require(html.range(of: "<section id=\"\(section.id)\">"))
                #expect((place.lowerBound > appendix.lowerBound) == (section.group == .appendix), "\(section.id)")
            }
            let folded = present.filter { $0.group == .appendix }.count
            #expect(html.components(separatedBy: "<details class=\"appendix-section\">").count - 1 == folded)
            #expect(!html.contains("<details open") && !html.contains(" open=\"") && !html.contains("<script"))
        }
    }

    /// Each part answers one question, in the reader's order, and each question has a section that
    /// every report carries, so no part is ever missing.
    @Test func thePartsFollowTheReadersQuestions() {
        let order = PageSection.Group.allCases
        let groups = SectionList.all.map { order.firstIndex(of: $0.group)! }
        #expect(groups == groups.sorted())
        for group in order {
            #expect(SectionList.all.contains { $0.group == group && $0.needs == .always }, "\(group)")
        }
        #expect(Set(SectionList.all.map(\.id)).count == SectionList.all.count)
        #expect(SectionList.all.prefix(2).map(\.id) == ["headline", "changes"])
    }

    @Test func theFirstScreenOpensWithTheHeadlineFiguresInTheConfigsOrder() throws {
        // orders and revenue are not in this report: a figure the report lacks is left out
        var data = RenderFixtures.data()
        #expect(data.kpis.map(\.key).prefix(2) == ["visits", "bounce_rate"])
        // the bounce rate is in "What changed"; visits, a count of clustered events, are tested
        // against their recent weeks only (none here): within normal variation against last week
        data.kpis[1].significant = true
        data.kpis[1].pValue = 1e-9
        let html = try render(data, headline: ["bounce_rate", "orders", "visits", "revenue"])
        let main = try #require(html.range(of: "<main>"))
        #expect(Self.sectionIDs(String(html[main.upperBound...])).prefix(2) == ["headline", "changes"])
        let headline = try #require(html.range(of: "<section id=\"headline\">"))
        let end = try #require(html.range(of: "</section>", range: headline.upperBound..<html.endIndex))
        let figures = String(html[headline.upperBound..<end.lowerBound])
        let ids = figures.components(separatedBy: "id=\"headline-").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        #expect(ids == ["bounce_rate", "visits"])
        #expect(figures.contains("<p class=\"headline-value\">1,234</p>"))
        #expect(figures.contains("<p class=\"kpi-change flat\">up 23.4% on 2026-\u{2060}W46, <span class=\"noise\">within normal variation</span></p>"))
        #expect(figures.contains("<p class=\"kpi-change bad\">up 5.0 pp on 2026-\u{2060}W46, <span class=\"noise\">larger than noise</span></p>"))
        #expect(html.contains("<h2>What changed since 2026-W46</h2>"))
    }

    /// The first screen and "What changed" agree: a figure whose own test came out significant
    /// but which the list leaves out (it does not survive the control of false alarms over the
    /// week) is within normal variation, in grey.
    @Test func theHeadlineSaysWhatTheListSays() throws {
        var data = RenderFixtures.data()
        data.kpis[1].significant = true
        data.kpis[1].pValue = 0.04
        // two more tests in the week's family: 0.04 is not below 0.05 × 1/3 (Benjamini-Hochberg)
        for key in ["conversion_rate", "cart_abandonment"] {
            var k = KPI(key: key, label: key, unit: .ratio, value: 0.3, previous: 0.3, better: .higher, significant: false, definition: "")
            k.pValue = 0.9
            data.kpis.append(k)
        }
        let html = try render(data, headline: ["visits", "bounce_rate", "orders", "revenue"])
        #expect(html.contains("<p class=\"kpi-change flat\">up 5.0 pp on 2026-\u{2060}W46, <span class=\"noise\">within normal variation</span></p>"))
        data.kpis[1].pValue = 1e-9
        let listed = try render(data, headline: ["visits", "bounce_rate", "orders", "revenue"])
        #expect(listed.contains("<p class=\"kpi-change bad\">up 5.0 pp on 2026-\u{2060}W46, <span class=\"noise\">larger than noise</span></p>"))
    }

    @Test func aFallAndNoChangeAreSaidInWords() throws {
        var data = RenderFixtures.data()
        data.kpis[0].value = 900
        data.kpis[0].significant = nil
        data.kpis[1].value = 0.4
        let html = try render(data, headline: ["visits", "bounce_rate", "orders", "revenue"])
        #expect(html.contains("<p class=\"kpi-change flat\">down 10.0% on 2026-\u{2060}W46</p>"))
        #expect(html.contains("<p class=\"kpi-change flat\">the same as in 2026-\u{2060}W46, <span class=\"noise\">within normal variation</span></p>"))
    }

    /// Only the top of "What changed" is on the first screen; the rest folds out below it, in the
    /// same order as the list.
    @Test func theRestOfWhatChangedFolds() throws {
        var data = RenderFixtures.data()
        for (i, key) in ["orders", "support_contacts", "visitors", "cart_abandonment", "conversion_rate"].enumerated() {
            var k = KPI(key: key, label: key, unit: i < 3 ? .count : .ratio, value: i < 3 ? 900 : 0.3, previous: i < 3 ? 400 : 0.1,
                        better: .higher, significant: true, definition: "")
            k.pValue = 1e-9
            data.kpis.append(k)
        }
        let html = try render(data)
        let changes = try #require(html.range(of: "<section id=\"changes\">"))
        let end = try #require(html.range(of: "</section>", range: changes.upperBound..<html.endIndex))
        let section = String(html[changes.upperBound..<end.lowerBound])
        let lists = section.components(separatedBy: "<ol class=\"changes").dropFirst().map { $0.components(separatedBy: "</ol>")[0] }
        #expect(lists.count == 2)
        let top = lists[0].components(separatedBy: "<li").count - 1, rest = lists.last!.components(separatedBy: "<li").count - 1
        #expect(top == ChangesView.top && rest >= 1)
        #expect(lists.last!.hasPrefix(" changes-more\" start=\"\(ChangesView.top + 1)\">"))
        #expect(section.contains("<summary>\(rest == 1 ? "1 more change" : "\(rest) more changes")</summary>"))
    }

    /// Columns that always repeat another or stay the same on every row are gone: channels'
    /// closed journeys (= orders), the customers a channel first brought (= its buyers), the
    /// conversion of all visits beside each loop, the visits with an order beside the orders of
    /// entry pages and campaigns; "Journey variants" (0 purchases on every row)
    /// and the funnel's losses again (its drop-off column) are not on the page. report.json keeps them.
    @Test func noColumnRepeatsAnother() throws {
        let data = GermanPageTests.fullReport(locale: "en")
        let html = try render(data)
        let english = Catalogue.builtIn("en")
        for key in ["channels.closed", "loops.allVisits", "variants.title", "friction.stepsTitle"] {
            #expect(!html.contains(">\(english.text(key))<"), "\(key)")
        }
        let value = try #require(html.range(of: "<section id=\"customer-value\">"))
        let end = try #require(html.range(of: "</section>", range: value.upperBound..<html.endIndex))
        #expect(!html[value.upperBound..<end.lowerBound].contains(">\(english.text("col.people"))<"))
        for table in ["entry-pages", "campaigns"] {
            let start = try #require(html.range(of: "<h3 id=\"\(table)\">"))
            let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
            let head = html[start.upperBound..<end.lowerBound]
            #expect(head.contains(">\(english.text("col.orders"))<") && !head.contains(">\(english.text("col.purchases"))<"), "\(table)")
        }
        #expect(!(data.questions?.variants.isEmpty ?? true) && !(data.questions?.friction.steps.isEmpty ?? true))
    }

    /// The funnel's steps beside the same steps of the previous period, when it was compared.
    @Test func theFunnelShowsThePreviousPeriodBesideEachStep() throws {
        let data = RenderFixtures.data()
        var base = data
        base.funnel[0].visits = 777
        base.funnel.removeLast()
        let templates = try ReportTemplates(directory: RenderFixtures.templates)
        let html = ReportRenderer(templates: templates).report(data, hasDiff: true, previous: "2026-W46", base: base)
        let funnel = try #require(html.range(of: "<section id=\"funnel\">"))
        let end = try #require(html.range(of: "</section>", range: funnel.upperBound..<html.endIndex))
        let section = html[funnel.upperBound..<end.lowerBound]
        #expect(section.contains("<th class=\"num\">Visits, 2026-W46</th>"))
        #expect(section.contains("<td>Product view</td><td class=\"num\">100</td><td class=\"num before\">777</td>"))
        // a step the previous period lacks says so
        #expect(section.contains("<td class=\"num before\">n/a</td>"))
        let alone = ReportRenderer(templates: templates).report(data)
        #expect(!alone.contains("class=\"num before\"") && !alone.contains("Visits, 2026-W46"))
    }
}
