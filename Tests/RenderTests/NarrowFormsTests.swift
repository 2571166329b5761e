import Foundation
import ReportModel
import Testing
@testable import Render
@testable import Sections

/// The charts' phone forms: drawn at the phone's width (so nothing scrolls and no text shrinks),
/// carrying the same numbers as the wide forms, and sitting beside them in the page's figures.
@Suite struct NarrowFormsTests {
    static let words = JourneyMapChartTests.words

    /// The `viewBox` width of the first `<svg>` with class `cls` in `html`.
    func width(of cls: String, in html: String) throws -> Double {
        let start = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cls)\""))
        let box = try #require(html[start.upperBound...].range(of: "viewBox=\"0 0 "))
        return try #require(Double(html[box.upperBound...].prefix { $0 != " " }))
    }

    /// Texts of the elements of `cls` in `svg`, in order.
    func texts(_ cls: String, in svg: String) -> [String] {
        svg.components(separatedBy: "class=\"\(cls)\"").dropFirst().compactMap {
            $0.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first
        }
    }

    static let funnel = [
        FunnelRow(step: "product_view", label: "Product view", visits: 3_821, ofFirst: 1, dropOff: 0),
        FunnelRow(step: "add_to_cart", label: "Add to cart", visits: 689, ofFirst: 0.1803, dropOff: 0.8197),
        FunnelRow(step: "checkout", label: "Checkout", visits: 381, ofFirst: 0.0997, dropOff: 0.447),
        FunnelRow(step: "purchase", label: "Purchase", visits: 177, ofFirst: 0.0463, dropOff: 0.5354),
    ]

    @Test func theFunnelsPhoneFormStacksTheSameBarsAtThePhonesWidth() throws {
        let figure = FunnelChart.figure(Self.funnel, labels: Self.words)
        let wide = FunnelChart.svg(Self.funnel, labels: Self.words), narrow = FunnelChart.narrowSVG(Self.funnel, labels: Self.words)
        #expect(figure == "<div class=\"wide-form\">" + wide + "</div>" + narrow)
        #expect(try width(of: "narrow-form", in: narrow) <= 344)
        // the same steps, figures and losses as the wide form, in the same order
        #expect(texts("label", in: narrow) == texts("label", in: wide))
        #expect(texts("value", in: narrow) == texts("value", in: wide))
        #expect(texts("drop", in: narrow) == texts("drop", in: wide))
        #expect(texts("drop", in: narrow) == ["−82.0% from product view", "−44.7% from add to cart", "−53.5% from checkout"])
        // bars in proportion to the first step, across the whole width
        let bars = narrow.components(separatedBy: "<rect ").dropFirst().compactMap { r -> Double? in
            r.components(separatedBy: "width=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) }
        }
        #expect(bars.count == 4 && bars[0] == FunnelChart.narrowWidth)
        #expect(abs(bars[3] - FunnelChart.narrowWidth * 177 / 3_821) < 0.1)
    }

    @Test func theWeekdayHourGridTurnsForAPhone() throws {
        var visits = Array(repeating: Array(repeating: 0, count: 24), count: 7), orders = visits
        visits[0][14] = 43; orders[0][14] = 2; visits[6][20] = 80; visits[2][3] = 1_234
        let w = WeekdayHour(visits: visits, orders: orders)
        let narrow = HeatmapSVG.narrowSVG(w, labels: Self.words)
        #expect(try width(of: "narrow-form", in: narrow) <= 344)
        #expect(HeatmapSVG.figure(w, labels: Self.words) == "<div class=\"wide-form\">" + HeatmapSVG.svg(w, labels: Self.words) + "</div>" + narrow)
        // a cell per weekday and hour, each with its title, shaded as in the wide form
        #expect(narrow.components(separatedBy: "<g class=\"hm h").count - 1 == 7 * 24)
        #expect(narrow.contains("<g class=\"hm h9\"><title>Wed 03:00–04:00: 1,234 visits, 0 orders</title>"))
        #expect(narrow.contains("<g class=\"hm h0\"><title>Sun 20:00–21:00: 80 visits, 0 orders</title>"))
        // the days' totals: visits then orders, Monday first
        #expect(texts("hm-total", in: narrow) == ["43", "0", "1,234", "0", "0", "0", "80", "2", "0", "0", "0", "0", "0", "0"])
        #expect(texts("hm-total-label", in: narrow) == ["Visits", "Orders"])
    }

    /// The map's links as a list: the links the map draws, strongest first, names escaped and
    /// given as the page names touchpoints, back links marked in words.
    @Test func theMapsLinksAsAList() throws {
        let map = JourneyMapChartTests.map
        let html = JourneyMapFlows.html(map, labels: Self.words, maxLinks: 8)
        let kept = JourneyMapChart.kept(map, limit: 8).links
        #expect(html.hasPrefix("<p class=\"note narrow-form\">") && html.contains("<ol class=\"map-flows narrow-form\">"))
        #expect(html.components(separatedBy: "<li").count - 1 == kept.count)
        let names = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0.touchpoint) })
        let first = try #require(kept.first)
        #expect(html.contains("<li><span class=\"flow-path\">\(Markup.text(names[first.from]! + " → " + names[first.to]!))</span> <span class=\"flow-figures\">\(first.count)"))
        let nodes = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0) })
        #expect(html.components(separatedBy: "<li class=\"back\">").count - 1 == kept.filter { JourneyMapChart.isBack($0, nodes) }.count)
        #expect(JourneyMapFlows.html(JourneyMap(nodes: [], links: []), labels: Self.words, maxLinks: 8).isEmpty)

        let hostile = JourneyMap(nodes: [.init(id: 0, touchpoint: RenderFixtures.hostile, phase: "awareness", views: 5, entries: 5, exits: 0, exitRate: 0),
                                         .init(id: 1, touchpoint: "Cart", phase: "purchase", views: 5, entries: 0, exits: 5, exitRate: 1)],
                                 links: [.init(from: 0, to: 1, count: 5)])
        let list = JourneyMapFlows.html(hostile, labels: Self.words, maxLinks: 8)
        #expect(!list.contains("<script>") && list.contains("&lt;script&gt;"))
    }

    /// The returns across visits the map draws stand in the list too, after its links, marked as
    /// returns with their count and median days; a return the map does not draw does not.
    @Test func theMapsReturnsInTheList() throws {
        var map = JourneyMapChartTests.map
        var r = JourneyMap.Link(from: 7, to: 0, count: 37)
        r.medianDays = 2.5
        map.returns = [r]
        let html = JourneyMapFlows.html(map, labels: Self.words, maxLinks: 8)
        let names = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0.touchpoint) })
        let item = "<li class=\"return\"><span class=\"flow-path\">\(Markup.text(names[7]! + " → " + names[0]!))</span> "
            + "<span class=\"flow-figures\">37 returns · median 2.5 d</span> <span class=\"flow-return\">next visit</span></li></ol>"
        #expect(html.hasSuffix(item))
        #expect(html.components(separatedBy: "<li").count - 1 == JourneyMapChart.kept(map, limit: 8).links.count + 1)
        #expect(html.contains("Then the 1 returns the map draws"))
        // the map draws the same return
        let svg = JourneyMapChart.svg(map, locale: "en", style: Self.words.style, words: Self.words, maxLinks: 8)
        #expect(svg.components(separatedBy: "class=\"link return\"").count - 1 == 2)  // the return and the legend's sample
        // without returns, no return item and no word of them
        let none = JourneyMapFlows.html(JourneyMapChartTests.map, labels: Self.words, maxLinks: 8)
        #expect(!none.contains("class=\"return\"") && !none.contains("returns"))
        // in German, in the page's words
        let de = PageLabels(catalogue: .builtIn("de"), style: NumberStyle(locale: "de", currency: "EUR"))
        #expect(JourneyMapFlows.html(map, labels: de, maxLinks: 8).contains("37 Rückkehrer · Median 2,5 T.</span> <span class=\"flow-return\">nächster Besuch</span>"))
    }

    /// On the page: each chart's figure holds its wide form and then its narrow one.
    @Test func thePageCarriesBothForms() throws {
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).report(RenderFixtures.withQuestions())
        for id in ["funnel", "journey-map", "weekday-hour"] {
            let start = try #require(html.range(of: "<section id=\"\(id)\""), "\(id)")
            let section = html[start.upperBound...].prefix { _ in true }
            let end = try #require(section.range(of: "</section>"))
            let body = section[..<end.lowerBound]
            let figure = try #require(body.range(of: "<figure class=\"chart"), "\(id) has no chart")
            let wide = try #require(body.range(of: "<div class=\"wide-form\"><svg"), "\(id) has no wide form")
            let narrow = try #require(body.range(of: "narrow-form\""), "\(id) has no narrow form")
            #expect(figure.lowerBound < wide.lowerBound && wide.lowerBound < narrow.lowerBound)
        }
    }
}
