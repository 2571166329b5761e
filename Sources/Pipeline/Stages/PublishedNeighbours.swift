import Foundation
import JourneysCore

/// The periods just before and just after a report's period whose reports are published in the
/// output folder when it is rendered: the page links to them and to nothing that does not exist.
/// A neighbour published later gets its link when it is published (`NeighbourPages`).
struct PublishedNeighbours {
    var previous: String?
    var next: String?

    init(of name: String, in output: String) {
        guard let period = Period(parsing: name) else { return }
        func published(_ p: Period) -> String? {
            let page = ((output as NSString).appendingPathComponent(p.description) as NSString).appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: page) ? p.description : nil
        }
        previous = published(period.previous)
        next = published(Self.following(period))
    }

    /// The period of the same kind and length just after `p`.
    static func following(_ p: Period) -> Period {
        switch p.kind {
        case .week, .range:
            return Period(kind: p.kind, first: p.last.adding(days: 1), last: p.last.adding(days: p.days))
        case .month:
            let y = p.first.month == 12 ? p.first.year + 1 : p.first.year
            let m = p.first.month == 12 ? 1 : p.first.month + 1
            return Period(kind: .month, first: CivilDate(year: y, month: m, day: 1),
                          last: CivilDate(year: y, month: m, day: CivilDate.daysIn(year: y, month: m)))
        }
    }
}
