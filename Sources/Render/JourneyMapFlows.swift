import ReportModel
import Sections

/// The journey map's narrow form: on a phone the map's columns would shrink its text below
/// reading size, so the page carries the links the map draws as a list as well, strongest
/// first, each with its count and median time, links that go back marked in words; then the
/// returns across visits the map draws, each with its count and median days between the visits,
/// marked as returns. The stylesheet shows the list instead of the map on narrow screens only.
enum JourneyMapFlows {
    /// The list (a note and an `<ol>`, both `narrow-form`), to sit in the map's figure after
    /// the drawing; empty when the map draws no link and no return.
    static func html(_ map: JourneyMap, labels: PageLabels, maxLinks: Int) -> String {
        let links = JourneyMapChart.kept(map, limit: maxLinks).links
        let returns = JourneyMapChart.drawnReturns(map, links: links, layout: JourneyMapChart.layout(map, links: links))
        guard !links.isEmpty || !returns.isEmpty else { return "" }
        let style = labels.style
        let nodes = Dictionary(map.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var caption = labels.text("journeyMap.flows.caption", ["links": style.integer(links.count)])
        if !returns.isEmpty {
            caption += " " + labels.text("journeyMap.flows.returnsCaption", ["returns": style.integer(returns.count)])
        }
        var out = "<p class=\"note narrow-form\">" + Markup.text(caption) + "</p>"
        out += "<ol class=\"map-flows narrow-form\">"
        for link in links {
            let back = JourneyMapChart.isBack(link, nodes)
            let from = nodes[link.from].map { labels.touchpoint($0.touchpoint) } ?? "?"
            let to = nodes[link.to].map { labels.touchpoint($0.touchpoint) } ?? "?"
            let time = link.medianSeconds.map { " · " + style.duration(seconds: $0) } ?? ""
            out += back ? "<li class=\"back\">" : "<li>"
            out += "<span class=\"flow-path\">" + Markup.text("\(from) → \(to)") + "</span> "
            out += "<span class=\"flow-figures\">" + Markup.text(style.integer(link.count) + time) + "</span>"
            if back { out += " <span class=\"flow-back\">" + Markup.text(labels.text("journeyMap.flows.back")) + "</span>" }
            out += "</li>"
        }
        for r in returns {
            let from = nodes[r.from].map { labels.touchpoint($0.touchpoint) } ?? "?"
            let to = nodes[r.to].map { labels.touchpoint($0.touchpoint) } ?? "?"
            let days = r.medianDays.map { style.decimal($0, places: 1) } ?? style.missing
            out += "<li class=\"return\"><span class=\"flow-path\">" + Markup.text("\(from) → \(to)") + "</span> "
            out += "<span class=\"flow-figures\">"
                + Markup.text(labels.text("journeyMap.flows.returnFigures", ["count": style.integer(r.count), "days": days])) + "</span>"
            out += " <span class=\"flow-return\">" + Markup.text(labels.text("journeyMap.flows.return")) + "</span></li>"
        }
        return out + "</ol>"
    }
}
