import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Back-and-forth in a visit: A -> B -> A (repeats folded), such as cart -> shipping info ->
/// cart, which hints at a surprise (shipping costs) the page did not answer. Keyed by the pair
/// A, B; a visit counts once per loop however often it went round.
struct LoopsFold: SectionFold {
    static let maxRows = 6
    var loops = KeyedCounts<TouchpointSequence>()

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        loops.nextPerson()
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            let path = foldedTouchpoints(m.touchpoints)
            guard path.count >= 3 else { continue }
            // each loop of the visit once: the few pairs are compared, not hashed into a set
            var found: [(Int, Int)] = []
            for k in 2..<path.count where path[k] == path[k - 2] && !found.contains(where: { $0 == (path[k - 2], path[k - 1]) }) {
                found.append((path[k - 2], path[k - 1]))
            }
            let bought = m.outcome == .purchase
            for (a, b) in found { loops.add(TouchpointSequence([a, b])) { if bought { $0.purchases += 1 } } }
        }
    }

    mutating func merge(_ o: LoopsFold) { loops.merge(o.loops) }

    /// The top loops; those about fewer than privacy.min_people people are withheld, and counted
    /// in the context's ledger.
    func finish(_ context: inout FinishContext) -> [LoopRow] {
        let catalog = context.fold.catalog
        let (top, withheld) = loops.top(Self.maxRows, k: context.fold.settings.minPeople)
        context.withhold(withheld, in: .loops)
        return top.map { key, c in
            LoopRow(from: catalog[key.steps[0]].name, via: catalog[key.steps[1]].name, visits: c.n,
                    purchases: c.purchases, conversionRate: ratio(c.purchases, c.n) ?? 0)
        }
    }
}

extension LoopsFold {
    init(zero context: FoldContext) { self.init() }
}
