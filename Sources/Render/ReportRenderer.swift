import Compare
import ReportModel
import Sections

/// The render stage: the report page of one period and the index of all periods.
package struct ReportRenderer: Sendable {
    package let templates: ReportTemplates
    /// How many links the journey map draws (`journey_map.max_links`).
    package let mapLinks: Int
    /// The key figures the page opens with (`report.headline`), in this order.
    package let headline: [String]
    /// The config's say on printing and on touchpoint names.
    package let page: PageOptions

    /// The headline figures when the config names none: what a shop runs on.
    package static let defaultHeadline = ["orders", "revenue", "conversion_rate", "aov", "visitors"]

    package init(templates: ReportTemplates, mapLinks: Int = JourneyMapChart.defaultMaxLinks, headline: [String] = ReportRenderer.defaultHeadline,
                 page: PageOptions = PageOptions()) {
        self.templates = templates
        self.mapLinks = mapLinks
        self.headline = headline
        self.page = page
    }

    /// The report page. `hasDiff`: a comparison with the previous period stands beside it;
    /// `previous`, `next`: the names of the neighbouring periods whose reports are published, to
    /// link to (nil links nowhere, so that no link is dead). `changes`: "What changed" as the
    /// compare stage made it for the page, the diff and the index alike (the report's own when nil).
    /// `base`: the previous period's report, when compared, for the funnel's steps a week before.
    /// `mapChanges`: the map's marks against the previous period (none when nil).
    package func report(_ data: ReportData, hasDiff: Bool = false, previous: String? = nil, next: String? = nil,
                        changes: ChangeList? = nil, base: ReportData? = nil, mapChanges: MapChanges? = nil) -> String {
        let catalogue = catalogue(for: data.period.locale)
        let view = ReportView.make(data, css: templates.css + page.stylesheetAddition, catalogue: catalogue,
                                   links: PageLinks(hasDiff: hasDiff, previous: previous, next: next), mapLinks: mapLinks,
                                   changes: changes, headline: headline, base: base, mapChanges: mapChanges, sections: templates.sections)
        return templates.renderReport(view)
    }

    /// The words of `locale` with the config's names of touchpoints in it: the report, its diff
    /// page and diff.md name a touchpoint alike.
    package func catalogue(for locale: String) -> Catalogue {
        templates.catalogue(for: locale).naming(touchpoints: page.touchpointNames[locale] ?? [:])
    }

    /// One line of the index: a period and its headline figures.
    package struct IndexEntry: Sendable {
        package var data: ReportData
        /// Whether the period's folder holds a comparison with the period before (`diff.html`).
        package var hasDiff: Bool
        /// The period's "What changed", when this run made it (the newest period's).
        package var changes: ChangeList?
        package init(data: ReportData, hasDiff: Bool = false, changes: ChangeList? = nil) {
            self.data = data; self.hasDiff = hasDiff; self.changes = changes
        }
    }

    /// The index of all published periods, newest first, in the words of `locale` (by default the
    /// newest period's).
    package func index(_ entries: [IndexEntry], locale: String? = nil) -> String {
        let catalogue = templates.catalogue(for: locale ?? entries.first?.data.period.locale ?? "en")
        return templates.render(IndexView.make(entries, css: templates.css, catalogue: catalogue), template: "index")
    }
}

