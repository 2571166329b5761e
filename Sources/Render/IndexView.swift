import Compare
import JourneysCore
import ReportModel
import Sections

/// The index page's values: the published periods grouped into weeks, months and date ranges,
/// newest first within a group and the group of the newest period first, each group with its periods' headline figures and every key figure's trend over
/// the group's whole periods.
enum IndexView {
    /// How many of a group's periods a trend line shows, newest last.
    static let trendLength = 12

    /// `entries` newest first; the groups come in the order of their newest period.
    static func make(_ entries: [ReportRenderer.IndexEntry], css: String, catalogue: Catalogue) -> [String: Any] {
        func kind(_ e: ReportRenderer.IndexEntry) -> Period.Kind { Period(parsing: e.data.period.name)?.kind ?? .range }
        let ids: [Period.Kind: String] = [.week: "weeks", .month: "months", .range: "ranges"]
        var kinds: [Period.Kind] = []
        for e in entries where !kinds.contains(kind(e)) { kinds.append(kind(e)) }
        let groups = kinds.map { (id: ids[$0]!, kind: $0) }
        let sections = groups.compactMap { group -> [String: Any]? in
            let members = entries.filter { kind($0) == group.kind }
            guard !members.isEmpty else { return nil }
            let style = NumberStyle(catalogue: catalogue, currency: members[0].data.period.currency)
            let labels = PageLabels(catalogue: catalogue, style: style)
            var latest: Any = false
            if let newest = members.first, let changes = newest.changes {
                let lines = DiffView.lines(changes, labels: labels)
                latest = ["title": labels.text("index.latestChanges", ["period": labels.period(newest.data.period.name)]),
                          "items": lines.map { ["text": Markup.clean($0.cells[0]), "trend": $0.trend] }, "hasItems": !lines.isEmpty,
                          "family": DiffView.familyNote(changes, labels: labels)] as [String: Any]
            }
            return ["id": group.id, "title": labels.text("index.\(group.id).title"), "latestChanges": latest,
                    "periods": members.map { row($0, labels: labels) },
                    "trends": trends(members, labels: labels), "hasTrends": members.filter { !$0.data.period.isPartial }.count >= 2]
        }
        let labels = PageLabels(catalogue: catalogue, style: NumberStyle(catalogue: catalogue, currency: "EUR"))
        let contents = sections.enumerated().map { i, s in ["id": s["id"]!, "title": s["title"]!, "isLast": i == sections.count - 1] }
        return ["css": css, "lang": catalogue.locale, "groups": sections, "contents": contents, "hasPeriods": !entries.isEmpty,
                "t": TemplateStrings(catalogue: catalogue, values: ["count": labels.style.integer(trendLength)])]
    }

    /// One period: its link, days and headline figures, in the index's language.
    static func row(_ e: ReportRenderer.IndexEntry, labels: PageLabels) -> [String: Any] {
        let d = e.data
        var style = NumberStyle(catalogue: labels.catalogue, currency: d.period.currency)
        style.unknownMoney = RulesWarningView.unknownMoney(d, catalogue: labels.catalogue)
        func value(_ key: String) -> String {
            guard let k = d.kpi(key) else { return style.missing }
            return style.value(k.value, unit: k.unit)
        }
        return ["period": labels.period(d.period.name), "href": "\(d.period.name)/index.html",
                "days": labels.text("index.days", ["first": labels.date(d.period.first), "last": labels.date(d.period.last)]),
                "partial": d.period.isPartial, "visitors": value("visitors"), "visits": value("visits"),
                "conversion": value("conversion_rate"), "orders": value("orders"), "revenue": value("revenue"),
                "rules": Markup.clean(d.sessionRules.preset), "hasDiff": e.hasDiff, "diffHref": "\(d.period.name)/diff.html"]
    }

    /// Every key figure of the group's newest whole period, with its value there and its line
    /// over the group's last whole periods (a partial period's counts would read as a drop).
    static func trends(_ members: [ReportRenderer.IndexEntry], labels: PageLabels) -> [[String: Any]] {
        let whole = members.filter { !$0.data.period.isPartial }
        guard let newest = whole.first else { return [] }
        let shown = Array(whole.prefix(trendLength).reversed())
        let style = NumberStyle(catalogue: labels.catalogue, currency: newest.data.period.currency)
        return newest.data.kpis.map { k in
            func show(_ v: Double?) -> String { style.value(v, unit: k.unit) }
            let points = shown.map { TrendPoint(period: $0.data.period.name, value: $0.data.kpi(k.key)?.value) }
            let label = labels.kpiLabel(k.key, fallback: k.label)
            return ["label": label, "value": show(k.value), "period": labels.period(newest.data.period.name),
                    "spark": Sparkline.svg(points, label: label, labels: labels, show: show) ?? ""]
        }
    }
}
