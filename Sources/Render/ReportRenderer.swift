import ReportModel

/// The render stage: the report page of one period and the index of all periods.
package struct ReportRenderer: Sendable {
    package let templates: ReportTemplates

    package init(templates: ReportTemplates) { self.templates = templates }

    /// The report page; `hasDiff`: a comparison with the previous period stands beside it.
    package func report(_ data: ReportData, hasDiff: Bool = false) -> String {
        var view = ReportView.make(data, css: templates.css)
        view["hasDiff"] = hasDiff
        return templates.render(view, template: "report")
    }

    /// One line of the index: a period and its headline figures.
    package struct IndexEntry: Sendable {
        package var data: ReportData
        /// Whether the period's folder holds a comparison with the period before (`diff.html`).
        package var hasDiff: Bool
        package init(data: ReportData, hasDiff: Bool = false) { self.data = data; self.hasDiff = hasDiff }
    }

    /// The index of all published periods, newest first.
    package func index(_ entries: [IndexEntry]) -> String {
        let rows = entries.map { e -> [String: Any] in
            let d = e.data
            let style = NumberStyle(locale: d.period.locale, currency: d.period.currency)
            func value(_ key: String) -> String {
                guard let k = d.kpi(key) else { return style.missing }
                return ReportView.kpi(in: k, style: style)["value"] as? String ?? style.missing
            }
            return ["period": d.period.name, "href": "\(d.period.name)/index.html", "first": d.period.first, "last": d.period.last,
                    "partial": d.period.isPartial, "visitors": value("visitors"), "visits": value("visits"),
                    "conversion": value("conversion_rate"), "orders": value("orders"), "revenue": value("revenue"),
                    "rules": d.sessionRules.preset, "hasDiff": e.hasDiff, "diffHref": "\(d.period.name)/diff.html",
                    "trend": d.kpi("orders").flatMap { k in
                        Sparkline.svg(k.trend, label: "Orders", show: { style.value($0, unit: k.unit) })
                    } ?? ""]
        }
        return templates.render(["css": templates.css, "periods": rows, "lang": entries.first?.data.period.locale ?? "en"],
                                template: "index")
    }
}
