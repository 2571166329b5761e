import ReportModel

/// One section of the report page: its stable id (the anchor links reach it by, and the name of
/// its partial, `report-templates/sections/<id>.mustache`), the catalogue key of its heading, which
/// part of the page it belongs to and which report data it needs to be there at all.
struct PageSection: Sendable {
    /// The parts of the page, in page order: each answers one of a reader's questions (how did we
    /// do and what changed, where do people drop off, which channels matter, are customers coming
    /// back, are they satisfied); the appendix holds the rest, folded.
    enum Group: String, CaseIterable, Sendable {
        case headline, journey, channels, customers, satisfaction, appendix
    }

    /// Which report data a section needs to be on the page.
    enum Needs: Sendable { case always, questions, cohorts, lifecycle, clvModel, satisfactionJoined }

    var id: String
    var heading: String
    var group: Group
    var needs: Needs = .always

    /// The template of the section's body.
    var partial: String { "sections/\(id)" }

    init(_ id: String, _ heading: String, _ group: Group, needs: Needs = .always) {
        self.id = id; self.heading = heading; self.group = group; self.needs = needs
    }

    func isPresent(in data: ReportData) -> Bool {
        switch needs {
        case .always: true
        case .questions: data.questions != nil
        case .cohorts: !(data.cohorts?.rows.isEmpty ?? true)
        case .lifecycle: data.lifecycle != nil
        case .clvModel: data.clvModel != nil
        case .satisfactionJoined: data.satisfaction.joined != nil
        }
    }
}

/// The report page as a list of sections in page order. Moving a section, or sending it to the
/// appendix (closed `<details>`, no script), is one line here; the page template loops over the
/// list and knows no section by name. Every number stays in report.json whatever the page shows.
enum PageSections {
    static let all: [PageSection] = [
        // The first screen: how did we do, what changed.
        PageSection("headline", "headline.title", .headline),
        PageSection("changes", "changes.title", .headline),
        // Where do people drop off.
        PageSection("funnel", "funnel.title", .journey),
        PageSection("journey-map", "journeyMap.title", .journey),
        PageSection("drop-offs", "dropOffs.title", .journey, needs: .questions),
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
        PageSection("segment-funnels", "segmentFunnels.title", .appendix, needs: .questions),
        PageSection("carts", "carts.title", .appendix, needs: .questions),
        PageSection("segments", "segments.title", .appendix),
        PageSection("paths", "paths.title", .appendix),
        PageSection("satisfaction-groups", "satisfaction.joinedTitle", .appendix, needs: .satisfactionJoined),
        PageSection("logged-values", "loggedValues.title", .appendix, needs: .questions),
        PageSection("weekday-hour", "weekdayHour.title", .appendix, needs: .questions),
        PageSection("rules", "rules.title", .appendix),
        PageSection("data-quality", "dataQuality.title", .appendix),
        PageSection("methods", "methods.title", .appendix),
    ]

    /// The sections this report has, in page order.
    static func present(_ data: ReportData) -> [PageSection] {
        all.filter { $0.isPresent(in: data) }
    }

    /// The page's sections for the template, each with its heading in the page's words:
    /// `open` (the headline and the four questions after it) and `appendix`, and the contents
    /// list, one link per part of the page (short, so that it never fills a phone's first screen).
    static func view(_ data: ReportData, labels: PageLabels, values: [String: String]) -> (open: [[String: Any]], appendix: [[String: Any]], contents: [[String: Any]]) {
        let present = present(data)
        func entry(_ s: PageSection) -> [String: Any] {
            ["id": s.id, "title": labels.text(s.heading, values), "partial": s.partial, "group": s.group.rawValue,
             // the headline figures speak for themselves; their heading is for screen readers
             "quietHeading": s.id == "headline"]
        }
        var open = present.filter { $0.group != .appendix }.map(entry)
        // The contents list follows the first screen, never fills it.
        if let end = open.lastIndex(where: { $0["group"] as? String == PageSection.Group.headline.rawValue }) {
            open[end]["isHeadlineEnd"] = true
        }
        let appendix = present.filter { $0.group == .appendix }.map(entry)
        var contents: [[String: Any]] = []
        for group in PageSection.Group.allCases where group != .headline {
            guard let first = present.first(where: { $0.group == group }) else { continue }
            contents.append(["id": group == .appendix ? "appendix" : first.id, "title": labels.text("toc.group.\(group.rawValue)")])
        }
        for i in contents.indices { contents[i]["isLast"] = i == contents.count - 1 }
        return (open, appendix, contents)
    }
}
