import ReportModel
import Sections

/// The page's side of the section list (`SectionList`): which sections a report has, and their
/// headings and groups as the page template loops over them.
enum PageSections {
    /// The sections this report has, in page order.
    static func present(_ data: ReportData, sections: [PageSection] = SectionList.all) -> [PageSection] {
        sections.filter { $0.isPresent(in: data) }
    }

    /// The page's sections for the template, each with its heading in the page's words:
    /// `open` (the headline and the four questions after it) and `appendix`, and the contents
    /// list, one link per part of the page (short, so that it never fills a phone's first screen).
    static func view(_ data: ReportData, labels: PageLabels, values: [String: String], sections: [PageSection] = SectionList.all)
        -> (open: [[String: Any]], appendix: [[String: Any]], contents: [[String: Any]]) {
        let present = present(data, sections: sections)
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
