import Foundation
import Render
import ReportModel
import Testing
import Validate

/// The CX sections of the page: satisfaction joined to journeys, support, carts per customer,
/// drop-offs, funnels per segment, the logged-value tables and the
/// weekday x hour heatmap; logged values stay text, missing figures say n/a, withheld rows are
/// noted, and old reports show none of it.
@Suite struct QuestionsSectionTests {
    func page(_ data: ReportData) throws -> String {
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).report(data)
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
        return html
    }

    /// The part of the page from `<section id="id">` to its end.
    func section(_ id: String, in html: String) throws -> Substring {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"), "no section \(id)")
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return html[start.lowerBound..<end.upperBound]
    }

    static let escaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;http://evil.example/&quot; onclick=&quot;x()&quot;&gt;&amp;nbsp;\u{FFFD}\u{FFFD}]]&gt;"

    @Test func loggedValuesInTheNewSectionsStayText() throws {
        let html = try page(RenderFixtures.withQuestions())
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick=\""))
        #expect(!html.contains("href=\"http://evil"))
        #expect(!html.contains("\u{01}") && !html.contains("\u{1B}"))
        let values = try section("logged-values", in: html)
        #expect(values.contains("<td>camp-\(Self.escaped)</td>"), "campaign name")
        #expect(values.contains("<td>term \(Self.escaped)</td>"), "search term")
        #expect(values.contains("<td><code>/p/\(Self.escaped)</code></td>"), "entry page and product path")
        #expect(try section("drop-offs", in: html).contains("<td>\(Self.escaped)<span class=\"sub\">next page in the same visit</span></td>"))
        #expect(try section("carts", in: html).contains("<td>\(Self.escaped)</td><td class=\"num\">31</td>"))
        let satisfaction = try section("satisfaction-groups", in: html)
        #expect(satisfaction.contains("<td>\(Self.escaped)</td><td class=\"num\">7</td>"), "touchpoint before the answer")
        #expect(satisfaction.contains("<td>Cart → \(Self.escaped)</td><td class=\"num\">6</td>"), "detractors' path")
    }

    @Test func everySectionSaysHowItIsCounted() throws {
        let html = try page(RenderFixtures.withQuestions())
        for (id, definition) in [("drop-offs", "Share = visits / visits that left the step."),
                                 ("segment-funnels", "conversion = visits with an order / visits, with its 95% interval (Wilson)"),
                                 ("carts", "the period moved back by the 7-day recovery window"),
                                 ("logged-values", "Conversion = visits with an order / visits that searched it."),
                                 ("weekday-hour", "a stronger colour = more visits, relative to the busiest hour"),
                                 ("support", "Handling time: from a contact&#39;s start to its end event"),
                                 ("satisfaction-groups", "Each answer joined to what the person did just before it")] {
            #expect(try section(id, in: html).contains(definition), "\(id)")
        }
    }

    @Test func satisfactionShowsScoresWithAnswersPreviousIntervalAndSmallSamples() throws {
        let s = try section("satisfaction", in: try page(RenderFixtures.withQuestions()))
        #expect(s.contains("<p class=\"kpi-value\">42.2 <span class=\"beside\">top-two box 71.1</span></p>"))
        #expect(s.contains("<p class=\"kpi-change flat\">54 answers · previous period 5.3 (40 answers)</p>"))
        #expect(s.contains("<p class=\"kpi-interval\">95% interval −5.4–45.9</p>"))
        #expect(s.contains("<p class=\"kpi-interval\">24 promoters · 20 passives · 10 detractors</p>"))
        #expect(s.contains("<p class=\"kpi-label\">CES <span class=\"badge\">small sample</span></p>"))
        #expect(s.contains("“very easy” (7 of 7) answers"))
        // the groups are in the appendix
        let groups = try section("satisfaction-groups", in: try page(RenderFixtures.withQuestions()))
        // a group without answers says n/a, and nothing else
        #expect(groups.contains("<td class=\"num\"><strong>n/a</strong><span class=\"sub\">no answers</span></td>"))
        #expect(groups.contains("<strong>23.8</strong> <span class=\"badge\">small sample</span><span class=\"sub\">21 answers · before -7.1</span><span class=\"sub\">95%: −5.4–53.0</span>"))
        let promoters = try #require(groups.range(of: "<h5>Paths promoters took before answering</h5>"))
        #expect(groups[promoters.upperBound...].hasPrefix("\n\n<p>No group about at least 5 people.</p>"))
        #expect(groups.contains("<p class=\"note withheld\">2 rows about fewer than 5 people withheld.</p>"))
    }

    @Test func missingFiguresSayNA() throws {
        let html = try page(RenderFixtures.withQuestions())
        let support = try section("support", in: html)
        #expect(support.contains("<p class=\"kpi-label\">Average handling time</p>\n<p class=\"kpi-value\">n/a</p>"))
        #expect(support.contains("<p class=\"kpi-label\">Median handling time</p>\n<p class=\"kpi-value\">n/a</p>"))
        #expect(support.contains("<p class=\"kpi-label\">Contacts per order</p>\n<p class=\"kpi-value\">n/a</p>"))
        #expect(support.contains("<td>Chat</td><td class=\"num\">19</td><td class=\"num\">18</td><td class=\"num\">19</td><td class=\"num\">8m\u{A0}45s</td>"))
        #expect(try section("segment-funnels", in: html).contains("<td class=\"num\">0<span class=\"sub\">n/a</span></td>"))
        let german = try page(RenderFixtures.withQuestions(locale: "de"))
        #expect(try section("support", in: german).contains("<p class=\"kpi-value\">k. A.</p>"))
    }

    @Test func withheldRowsAreNotedInTheirSectionsAndInDataQuality() throws {
        let html = try page(RenderFixtures.withQuestions())
        #expect(try section("logged-values", in: html).contains("<p class=\"note withheld\">3 rows about fewer than 5 people withheld.</p>"))
        #expect(try section("drop-offs", in: html).contains("<p class=\"note withheld\">1 row about fewer than 5 people withheld.</p>"))
        #expect(!(try section("support", in: html)).contains("withheld"))
        let quality = try section("data-quality", in: html)
        #expect(quality.contains("<p>6 rows about fewer than 5 people withheld (<code>privacy.min_people</code>)"))
        #expect(quality.contains("<tr><td>Satisfaction by channel</td><td class=\"num\">2</td></tr>\n<tr><td>After the drop-off</td><td class=\"num\">1</td></tr>\n<tr><td>Campaigns</td><td class=\"num\">3</td></tr>\n</tbody>"))
    }

    @Test func dropOffsNameWhereVisitsWentAndTheRest() throws {
        let s = try section("drop-offs", in: try page(RenderFixtures.withQuestions()))
        #expect(s.contains("<h3>Product view: 100 visits left (90 people)</h3>"))
        #expect(s.contains("<tr><td>did not come back</td><td class=\"num\">60</td><td class=\"num\">60</td><td class=\"num\">60.0%</td></tr>"))
        #expect(s.contains("<td>Home<span class=\"sub\">first page of their next visit</span></td>"))
        #expect(s.contains("<tr><td>elsewhere (smaller groups)</td><td class=\"num\">10</td><td class=\"num\"></td><td class=\"num\">10.0%</td></tr>"))
    }

    @Test func heatmapPrintsEveryCellAndGivesTheNumbersAsTables() throws {
        let html = try page(RenderFixtures.withQuestions())
        let s = try section("weekday-hour", in: html)
        // every cell in the wide form and again in the phone's turned form
        #expect(s.components(separatedBy: "<g class=\"hm h").count - 1 == 2 * 7 * 24)
        #expect(s.contains("<title>Mon 14:00–15:00: 43 visits, 2 orders</title>"))
        #expect(s.contains("<g class=\"hm h9\"><title>Sun 20:00–21:00: 80 visits, 0 orders</title>"))
        // Monday's totals of visits and orders end its row, under their columns' heads
        #expect(s.contains("class=\"hm-total-label\">Visits</text>") && s.contains("class=\"hm-total-label\">Orders</text>"))
        let monday = try #require(s.range(of: "class=\"hm-total\">43</text><text "))
        #expect(s[monday.upperBound...].hasPrefix("x=\"976\" y=\"39\" text-anchor=\"end\" class=\"hm-total\">2</text>"))
        #expect(s.contains("<summary>The numbers as tables</summary>"))
        #expect(s.contains("<tr><th>Mon</th>"))
        let german = try section("weekday-hour", in: try page(RenderFixtures.withQuestions(locale: "de")))
        #expect(german.contains("<title>Mo 14:00–15:00: 43 Besuche, 2 Bestellungen</title>"))
    }

    @Test func oldReportsShowNoneOfIt() throws {
        let html = try page(RenderFixtures.data())
        for id in ["drop-offs", "segment-funnels", "carts", "variants", "logged-values", "weekday-hour", "support"] {
            #expect(!html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(!html.contains("people withheld"))
        let satisfaction = try section("satisfaction", in: html)
        #expect(satisfaction.contains("<p class=\"kpi-change flat\">10 answers</p>"))
        #expect(!satisfaction.contains("joined to journeys"))
    }

    @Test func sameDataGivesSameBytes() throws {
        #expect(try page(RenderFixtures.withQuestions()) == page(RenderFixtures.withQuestions()))
    }
}
