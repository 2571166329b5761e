import Foundation
import Render
import ReportModel

/// The published pages of the periods just before and just after the one being published, with
/// their navigation rendered again so that they link to it: pages published in the usual weekly
/// order then link both ways, and no link ever points at a page that does not exist. Only the
/// navigation changes; the rest of each page keeps the bytes it was published with. The pages are
/// staged, validated and published with the report, in the same atomic step.
enum NeighbourPages {
    /// The navigation block of a report page: from its opening tag to the next `</nav>`. Text from
    /// logs never reaches it (it holds period names and words of the catalogue only).
    static let navigationStart = Data("<nav class=\"page-links\"".utf8)
    static let navigationEnd = Data("</nav>".utf8)

    /// Stages every neighbour page whose navigation changes once `period` is published; returns
    /// their paths relative to the output folder (`<period>/index.html`), in period order.
    static func stage(period: String, output: String, templates: ReportTemplates, mapLinks: Int,
                      into publishing: PublishTransaction) throws -> [String] {
        let around = PublishedNeighbours(of: period, in: output)
        var staged: [String] = []
        let sides: [(neighbour: String?, isBefore: Bool)] = [(around.previous, true), (around.next, false)]
        for (neighbour, isBefore) in sides {
            guard let neighbour else { continue }
            let own = PublishedNeighbours(of: neighbour, in: output)
            let links: (previous: String?, next: String?) = isBefore ? (own.previous, period) : (period, own.next)
            let relative = neighbour + "/index.html"
            guard let page = relinked(folder: (output as NSString).appendingPathComponent(neighbour), links: links,
                                          templates: templates, mapLinks: mapLinks) else { continue }
            let path = publishing.staged(relative)
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            } catch {
                throw PublishError(path: path, reason: "cannot stage the neighbouring page: \(PublishError.reason(error))")
            }
            try RenderStage.write(page, to: path)
            staged.append(relative)
        }
        return staged
    }

    /// The page in `folder` with its navigation linking `links`; nil when it needs no change, or
    /// when it cannot be re-rendered (its report.json is of another version, or its template has
    /// no navigation block): such a page keeps its links, which point at nothing missing.
    static func relinked(folder: String, links: (previous: String?, next: String?), templates: ReportTemplates,
                         mapLinks: Int) -> Data? {
        let pagePath = (folder as NSString).appendingPathComponent("index.html")
        let jsonPath = (folder as NSString).appendingPathComponent("report.json")
        guard let page = FileManager.default.contents(atPath: pagePath), let json = FileManager.default.contents(atPath: jsonPath),
              let data = try? ReportJSON.decode(json) else { return nil }
        let hasDiff = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("diff.html"))
        let fresh = Data(ReportRenderer(templates: templates, mapLinks: mapLinks)
            .report(data, hasDiff: hasDiff, previous: links.previous, next: links.next).utf8)
        guard let new = navigation(in: fresh), let old = navigation(in: page) else { return nil }
        if page[old] == fresh[new] { return nil }
        return page[..<old.lowerBound] + fresh[new] + page[old.upperBound...]
    }

    /// Where the navigation block lies in `page`, its closing tag included.
    static func navigation(in page: Data) -> Range<Data.Index>? {
        guard let start = page.range(of: navigationStart),
              let end = page.range(of: navigationEnd, in: start.upperBound..<page.endIndex) else { return nil }
        return start.lowerBound..<end.upperBound
    }
}
