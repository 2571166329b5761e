import ReportModel

/// The report page's sections in page order, by their stable ids (the anchors of the table of
/// contents and of links from elsewhere) and the catalogue key of their heading.
enum PageSections {
    /// Which report data a section needs to be on the page.
    enum Needs { case always, questions, cohorts, lifecycle, clvModel }

    static let all: [(id: String, heading: String, needs: Needs)] = [
        ("changes", "changes.title", .always),
        ("kpis", "kpis.title", .always),
        ("funnel", "funnel.title", .always),
        ("drop-offs", "dropOffs.title", .questions),
        ("segment-funnels", "segmentFunnels.title", .questions),
        ("carts", "carts.title", .questions),
        ("journey-map", "journeyMap.title", .always),
        ("variants", "variants.title", .questions),
        ("segments", "segments.title", .always),
        ("channels", "channels.title", .always),
        ("logged-values", "loggedValues.title", .questions),
        ("weekday-hour", "weekdayHour.title", .questions),
        ("cohorts", "cohorts.title", .cohorts),
        ("lifecycle", "lifecycle.title", .lifecycle),
        ("customer-value", "customerValue.title", .always),
        ("predicted-value", "predictedValue.title", .clvModel),
        ("paths", "paths.title", .always),
        ("satisfaction", "satisfaction.title", .always),
        ("support", "support.title", .questions),
        ("rules", "rules.title", .always),
        ("data-quality", "dataQuality.title", .always),
    ]

    /// The table of contents: the sections this report has, each with its heading.
    static func contents(_ data: ReportData, labels: PageLabels, values: [String: String]) -> [[String: Any]] {
        let present = all.filter { section in
            switch section.needs {
            case .always: true
            case .questions: data.questions != nil
            case .cohorts: !(data.cohorts?.rows.isEmpty ?? true)
            case .lifecycle: data.lifecycle != nil
            case .clvModel: data.clvModel != nil
            }
        }
        return present.enumerated().map { i, s in
            ["id": s.id, "title": labels.text(s.heading, values), "isLast": i == present.count - 1]
        }
    }
}
