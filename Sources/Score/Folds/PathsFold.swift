import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// The most common visit paths (touchpoints in order, repeats folded) and how each converts,
/// of all the period's visits and of its visits with a purchase. Long paths keep their first
/// two and last three steps, so that entries and endings stay visible.
struct PathsFold: SectionFold {
    static let maxSteps = 5
    static let maxRows = 12
    var all = KeyedCounts<TouchpointSequence>()
    /// Paths of the visits with a purchase.
    var buying = KeyedCounts<TouchpointSequence>()

    /// A visit's path as the tables show it: repeats folded, a long one cut to its first two and
    /// last three steps around -1 (shown as "…").
    static func path(_ touchpoints: some Collection<Int>) -> TouchpointSequence {
        let path = foldedTouchpoints(touchpoints)
        return TouchpointSequence(path.count > maxSteps ? [path[0], path[1], -1] + path.suffix(3) : path)
    }

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        all.nextPerson()
        buying.nextPerson()
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            let path = Self.path(m.touchpoints)
            let bought = m.outcome == .purchase
            all.add(path) { if bought { $0.purchases += 1 } }
            if bought { buying.add(path) { $0.purchases += 1 } }
        }
    }

    mutating func merge(_ o: PathsFold) {
        all.merge(o.all)
        buying.merge(o.buying)
    }

    mutating func absorb(_ o: inout PathsFold) {
        all.absorb(&o.all)
        buying.absorb(&o.buying)
    }

    /// The top paths of all visits and of buying visits; paths about fewer than
    /// privacy.min_people people are withheld, and counted in the context's ledger. Ties are broken on the
    /// touchpoint indexes, never on names (two touchpoints may share one).
    func finish(_ context: inout FinishContext) -> (all: [PathRow], buying: [PathRow]) {
        let catalog = context.fold.catalog, k = context.fold.settings.minPeople
        func rows(_ table: KeyedCounts<TouchpointSequence>, _ name: WithheldTable) -> [PathRow] {
            let (top, withheld) = table.top(Self.maxRows, k: k)
            context.withhold(withheld, in: name)
            return top.map { key, c in
                PathRow(steps: key.steps.map { $0 < 0 ? "…" : catalog[$0].name }, visits: c.n, purchases: c.purchases,
                        conversionRate: ratio(c.purchases, c.n) ?? 0)
            }
        }
        return (rows(all, .paths), rows(buying, .buyingPaths))
    }
}

extension PathsFold {
    init(zero context: FoldContext) { self.init() }
}
