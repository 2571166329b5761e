import Foundation
import ReportModel

/// The report page as a list of sections in page order. Moving a section, or sending it to the
/// appendix (closed `<details>`, no script), is one line here; the page template loops over the
/// list and knows no section by name. Every number stays in report.json whatever the page shows.
package enum SectionList {
    package static let all: [PageSection] = [
        // The first screen: how did we do, what changed.
        PageSection("headline", "headline.title", .headline),
        PageSection("changes", "changes.title", .headline),
        // Where do people drop off.
        PageSection("funnel", "funnel.title", .journey),
        PageSection("journey-map", "journeyMap.title", .journey),
        PageSection(DropOffsSection.self, .journey),
        // Which channels matter.
        PageSection("channels", "channels.title", .channels),
        // Are customers coming back.
        PageSection("cohorts", "cohorts.title", .customers, needs: .cohorts),
        PageSection("lifecycle", "lifecycle.title", .customers, needs: .lifecycle),
        PageSection("customer-value", "customerValue.title", .customers),
        PageSection("predicted-value", "predictedValue.title", .customers, needs: .clvModel),
        // Are they satisfied, and what do they ask.
        PageSection("satisfaction", "satisfaction.title", .satisfaction),
        PageSection("support", "support.title", .satisfaction, needs: .questions),
        // One click away.
        PageSection("kpis", "kpis.title", .appendix),
        PageSection(SegmentFunnelsSection.self, .appendix),
        PageSection("carts", "carts.title", .appendix, needs: .questions),
        PageSection("segments", "segments.title", .appendix),
        PageSection("paths", "paths.title", .appendix),
        PageSection("satisfaction-groups", "satisfaction.joinedTitle", .appendix, needs: .satisfactionJoined),
        PageSection("logged-values", "loggedValues.title", .appendix, needs: .questions),
        PageSection(WeekdayHourSection.self, .appendix),
        PageSection("rules", "rules.title", .appendix),
        PageSection("data-quality", "dataQuality.title", .appendix),
        PageSection("methods", "methods.title", .appendix),
    ]


    /// The sections in folders of their own, in page order: what score folds besides its own
    /// tables, report.json holds under their keys and the schema describes.
    package static var folded: [any ReportSection.Type] { all.compactMap(\.section) }

    /// The tables the sections in folders of their own withhold rows in, with the catalogue key
    /// of each one's name, in page order.
    package static var withheldTables: [(key: String, label: String)] {
        var tables: [(key: String, label: String)] = []
        for section in folded {
            for t in section.withheldTables { tables.append((t.table.rawValue, t.label)) }
        }
        return tables
    }
}

extension ReportData {
    /// Reads a report.json with the parts of every listed section (`SectionList.folded`).
    package static func decoded(from json: Data) throws -> ReportData {
        try ReportPartTypes.decoder(SectionList.folded.map { $0.partType }).decode(ReportData.self, from: json)
    }
}
