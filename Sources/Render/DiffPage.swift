import Compare
import Sections

extension ReportRenderer {
    /// The diff of two periods as a page in the report's look. `published`: the page stands in
    /// the new period's folder of the output (`<period>/diff.html`) and links to its neighbours;
    /// otherwise it links nowhere, wherever it is written.
    package func diff(_ diff: ReportDiff, published: Bool) -> String {
        let catalogue = catalogue(for: diff.locale)
        let v = DiffView(diff, catalogue: catalogue)
        func rows(_ rows: [DiffView.Row]) -> [[String: Any]] {
            rows.map { row in
                var cells: [String: Any] = ["trend": row.trend]
                for (i, c) in row.cells.enumerated() { cells["c\(i)"] = Markup.clean(c) }
                return cells
            }
        }
        let labels = v.labels
        let view: [String: Any] = [
            "css": templates.css, "lang": catalogue.locale, "title": v.heading, "subtitle": v.subtitle,
            "basePeriod": diff.base.name, "newPeriod": diff.new.name, "published": published,
            "basePeriodLabel": labels.period(diff.base.name), "newPeriodLabel": labels.period(diff.new.name),
            "ratesOnly": v.ratesOnlyNote ?? false,
            "priorities": v.priorities.map { ["text": Markup.clean($0.cells[0]), "trend": $0.trend] },
            "hasPriorities": !diff.changes.items.isEmpty, "changesFamily": DiffView.familyNote(diff.changes, labels: labels),
            "rateSplits": v.rateSplits.map { ["text": Markup.clean($0)] },
            "hasRateSplits": !diff.rateSplits.isEmpty,
            "kpis": rows(v.kpiRows), "channels": rows(v.segmentRows(diff.channels)), "devices": rows(v.segmentRows(diff.devices)),
            "listings": v.setListings.map { ["title": $0.title, "items": $0.items.map(Markup.clean), "hasItems": !$0.items.isEmpty] as [String: Any] },
            "t": TemplateStrings(catalogue: catalogue, values: ["new": labels.period(diff.new.name), "base": labels.period(diff.base.name),
                                                                "title": v.title]),
        ]
        return templates.render(view, template: "diff")
    }
}
